//! The display controls, and the settings they remember.

use super::*;

#[wasm_bindgen_test]
async fn the_display_controls_change_text_size_line_width_and_theme_and_remember_them() {
    clear_stored_settings();
    // The controls' panel, closed until opened, is built just after the first paint.
    let (container, _mounted) = mount_article_view_after_first_paint(seed_article(), ignore_navigation()).await;
    let root = one(&container, ".lede-article-view");
    assert_eq!(
        root.get_attribute("data-theme"),
        None,
        "the device decides until the reader chooses"
    );
    assert!(root
        .get_attribute("style")
        .unwrap_or_default()
        .contains("--lede-text-percent: 100;"));

    all(&container, "[data-testid=reader-controls] button")
        .into_iter()
        .find(|button| text(button).contains("Larger text"))
        .expect("a Larger text button")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    one(&container, "input[name=lede-theme][value=sepia]")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    one(&container, "input[name=lede-line-width][value=wide]")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    leptos::task::tick().await;

    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("sepia"));
    // The line width's measure itself is in the stylesheet; the end-to-end tests check it.
    assert_eq!(root.get_attribute("data-line-width").as_deref(), Some("wide"));
    let style = root.get_attribute("style").unwrap_or_default();
    assert!(style.contains("--lede-text-percent: 110;"), "{style}");
    assert_eq!(text(&one(&container, "output")), "110%");
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(lede::reader_settings::STORAGE_KEY).ok().flatten());
    assert_eq!(stored.as_deref(), Some("text=2;width=wide;theme=sepia"));
    clear_stored_settings();
}
