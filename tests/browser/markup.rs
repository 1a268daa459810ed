//! The markup view type (`src/components/markup/`, decisions 023 and 026) mounted in a real DOM:
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

#[wasm_bindgen_test]
async fn live_attributes_text_and_properties_follow_their_signals() {
    let container = fresh_container();
    let is_open = RwSignal::new(false);
    let _mounted = mount_to(container.clone(), move || {
        let mut markup = Markup::new();
        markup
            .open("div")
            .attribute("data-testid", "live")
            .live_attribute("aria-expanded", move || Some(is_open.get().to_string()))
            .live_attribute("data-open", move || is_open.get().then(String::new))
            .live_style_property("--lede-test", move || Some(if is_open.get() { "2" } else { "1" }.to_owned()))
            .live_text(move || if is_open.get() { "open".to_owned() } else { "closed".to_owned() })
            .open("input")
            .attribute("type", "checkbox")
            .live_property("checked", move || is_open.get())
            .close()
            .close();
        markup
    });
    let element = one(&container, "[data-testid=live]");
    let checkbox: web_sys::HtmlInputElement = one(&container, "input").unchecked_into();
    let style = || element.unchecked_ref::<web_sys::HtmlElement>().style().get_property_value("--lede-test").unwrap_or_default();
    assert_eq!(element.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(!element.has_attribute("data-open"), "a live attribute whose value is None is left out");
    assert_eq!(style(), "1");
    assert_eq!(text(&element), "closed");
    assert!(!checkbox.checked());
    is_open.set(true);
    wait_until("the live parts follow the signal", || text(&element) == "open").await;
    assert_eq!(element.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(element.get_attribute("data-open").as_deref(), Some(""));
    assert_eq!(style(), "2");
    assert!(checkbox.checked());
}

#[wasm_bindgen_test]
fn a_listener_hears_its_events_and_a_reference_gets_its_element() {
    let container = fresh_container();
    let presses = RwSignal::new(0);
    let referenced = RwSignal::new(None::<String>);
    let _mounted = mount_to(container.clone(), move || {
        let mut markup = Markup::new();
        markup
            .open("button")
            .attribute("type", "button")
            .attribute("data-testid", "live-button")
            .on("click", move |_| presses.update(|count| *count += 1))
            .reference(move |element| referenced.set(element.get_attribute("data-testid")))
            .text("Press")
            .close();
        markup
    });
    let button: web_sys::HtmlElement = one(&container, "[data-testid=live-button]").unchecked_into();
    button.click();
    button.click();
    assert_eq!(presses.get_untracked(), 2);
    assert_eq!(referenced.get_untracked().as_deref(), Some("live-button"));
}
