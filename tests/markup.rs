//! The markup view type (`src/components/markup/`, decisions 023 and 026) written as HTML, as a
//! published page writes it: text and attribute values stay text, whatever they hold.

use lede::components::markup::Markup;
use leptos::prelude::RenderHtml;

#[test]
fn hostile_text_and_attribute_values_are_escaped_not_parsed() {
    let mut markup = Markup::new();
    markup
        .open_with_class("p", "lede-x")
        .owned_attribute("data-speaker", "\"><script>alert(1)</script>".to_owned())
        .owned_text("<img src=x onerror=alert(1)> & more".to_owned())
        .close();
    let html = markup.to_html();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("data-speaker=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; more"), "{html}");
}

#[test]
fn the_class_is_written_after_the_other_attributes_as_leptos_writes_it() {
    let mut markup = Markup::new();
    markup
        .open_with_class("section", "lede-summary-box")
        .attribute("aria-labelledby", "title")
        .attribute("data-testid", "summary")
        .close();
    assert_eq!(
        markup.to_html(),
        "<section aria-labelledby=\"title\" data-testid=\"summary\" class=\"lede-summary-box\"></section>"
    );
}

#[test]
fn void_elements_have_no_closing_tag() {
    let mut markup = Markup::new();
    markup
        .open("p")
        .text("Last word")
        .open("wbr")
        .close()
        .open_with_class("img", "picture")
        .attribute("alt", "")
        .close()
        .close();
    assert_eq!(markup.to_html(), "<p>Last word<wbr><img alt=\"\" class=\"picture\"></p>");
}

#[test]
fn a_close_with_nothing_open_is_ignored_and_what_is_left_open_is_closed_at_the_end() {
    let mut markup = Markup::new();
    markup.close().open("ul").open("li").text("one");
    assert_eq!(markup.to_html(), "<ul><li>one</li></ul>");
}

#[test]
fn two_texts_in_a_row_stay_two_texts() {
    let mut markup = Markup::new();
    markup.open("span").text("By ").owned_text("CRBC News".to_owned()).close();
    assert_eq!(markup.to_html(), "<span>By <!>CRBC News</span>");
}

#[test]
fn an_attribute_written_after_an_elements_children_is_ignored() {
    let mut markup = Markup::new();
    markup.open("p").text("words").attribute("hidden", "").close();
    assert_eq!(markup.to_html(), "<p>words</p>");
}

#[test]
fn live_attributes_and_text_are_published_with_the_values_they_have_when_rendered() {
    let mut markup = Markup::new();
    markup
        .open("ol")
        .live_attribute("class", || Some("lede-list lede-list--open".to_owned()))
        .attribute("id", "list")
        .live_attribute("data-theme", || None)
        .live_attribute("aria-expanded", || Some("\"false\"".to_owned()))
        .open("li")
        .live_text(|| "<b>100%</b>".to_owned())
        .close()
        .close();
    assert_eq!(
        markup.to_html(),
        "<ol id=\"list\" aria-expanded=\"&quot;false&quot;\" class=\"lede-list lede-list--open\"><li>&lt;b&gt;100%&lt;/b&gt;</li></ol>"
    );
}

#[test]
fn listeners_properties_style_properties_and_references_are_not_in_published_html() {
    let mut markup = Markup::new();
    markup
        .open("input")
        .attribute("type", "radio")
        .live_property("checked", || true)
        .live_style_property("--lede-text-percent", || Some("120".to_owned()))
        .on("change", |_| {})
        .reference(|_| {})
        .close();
    assert_eq!(markup.to_html(), "<input type=\"radio\">");
}

#[test]
fn markup_appended_to_markup_keeps_its_order() {
    let mut items = Markup::new();
    items.open("li").text("one").close().open("li").text("two").close();
    let mut list = Markup::new();
    list.open("ul");
    list.append(items);
    list.close();
    assert_eq!(list.to_html(), "<ul><li>one</li><li>two</li></ul>");
}
