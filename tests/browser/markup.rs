//! The markup view type (`src/components/markup.rs`, decision 023) mounted in a real DOM:
//! the elements, attributes and text it says, and live views inside it.

use super::*;
use lede::components::markup::Markup;

#[wasm_bindgen_test]
fn markup_builds_its_elements_and_keeps_hostile_text_as_text() {
    let container = fresh_container();
    let _mounted = mount_to(container.clone(), move || {
        let mut markup = Markup::new();
        markup
            .open_with_class("p", "lede-test")
            .attribute("data-testid", "markup")
            .owned_attribute("title", "\"><script>".to_owned())
            .owned_text("<img src=x onerror=alert(1)>".to_owned())
            .open("wbr")
            .close()
            .close();
        markup
    });
    let paragraph = one(&container, "[data-testid=markup]");
    assert_eq!(paragraph.class_name(), "lede-test");
    assert_eq!(paragraph.get_attribute("title").as_deref(), Some("\"><script>"));
    assert_eq!(text(&paragraph), "<img src=x onerror=alert(1)>");
    assert!(paragraph.query_selector("img").expect("a valid selector").is_none());
    assert_eq!(paragraph.children().length(), 1, "only the wbr is an element");
}

#[wasm_bindgen_test]
async fn a_view_inside_markup_stays_live() {
    let container = fresh_container();
    let count = RwSignal::new(1);
    let _mounted = mount_to(container.clone(), move || {
        let mut markup = Markup::new();
        markup
            .open("p")
            .attribute("data-testid", "counter")
            .text("Count: ")
            .view((move || count.get().to_string()).into_any())
            .close();
        markup
    });
    let paragraph = one(&container, "[data-testid=counter]");
    assert_eq!(text(&paragraph), "Count: 1");
    count.set(2);
    wait_until("the view inside the markup shows the new count", || text(&paragraph) == "Count: 2").await;
}

#[wasm_bindgen_test]
fn an_attribute_written_after_an_elements_children_is_ignored_as_in_published_html() {
    // Regression: the browser set such an attribute on the innermost open element, while
    // the published HTML left it out, so the two renderings of one markup could differ.
    let container = fresh_container();
    let _mounted = mount_to(container.clone(), move || {
        let mut markup = Markup::new();
        markup
            .open("p")
            .attribute("data-testid", "late-attribute")
            .text("words")
            .attribute("hidden", "")
            .close();
        markup
    });
    let paragraph = one(&container, "[data-testid=late-attribute]");
    assert!(!paragraph.has_attribute("hidden"), "the late attribute is not set");
}
