//! The widget's attributes: what each value means, what falls back, and what is refused.

use lede::embed::options::{
    read_embed_options, sibling_article_url, ArticleExtent, EmbedMode, NavigateTarget, RelatedVisibility,
};
use lede::model::slug::Slug;
use lede::reader_settings::Theme;

#[test]
fn a_widget_with_only_src_gets_every_default() {
    let read = read_embed_options([("src", "/articles/x.json")]).expect("src is enough");
    assert!(read.warnings.is_empty());
    let options = read.options;
    assert_eq!(options.source, "/articles/x.json");
    assert_eq!(options.mode, EmbedMode::Inline);
    assert_eq!(options.theme, Theme::System);
    assert_eq!(options.extent, ArticleExtent::Full);
    assert_eq!(options.related, RelatedVisibility::Shown);
    assert_eq!(options.navigate, NavigateTarget::Outlet);
    assert_eq!(options.interface_language, "");
}

#[test]
fn every_documented_attribute_value_is_understood_whatever_its_case() {
    let read = read_embed_options([
        ("SRC", "https://outlet.example/a.json"),
        ("mode", "IFRAME"),
        ("theme", "Sepia"),
        ("compact", ""),
        ("related", "hide"),
        ("navigate", "widget"),
        ("lang", "fr"),
    ])
    .expect("valid options");
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    let options = read.options;
    assert_eq!(options.mode, EmbedMode::Iframe);
    assert_eq!(options.theme, Theme::Sepia);
    assert_eq!(options.extent, ArticleExtent::Compact);
    assert_eq!(options.related, RelatedVisibility::Hidden);
    assert_eq!(options.navigate, NavigateTarget::Widget);
    assert_eq!(options.interface_language, "fr");
}

#[test]
fn auto_is_the_devices_theme_and_compact_false_is_the_full_article() {
    let options = read_embed_options([("src", "a.json"), ("theme", "auto"), ("compact", "false")])
        .expect("valid options")
        .options;
    assert_eq!(options.theme, Theme::System);
    assert_eq!(options.extent, ArticleExtent::Full);
}

#[test]
fn an_unknown_value_keeps_the_default_and_says_which_attribute_it_was() {
    let read = read_embed_options([("src", "a.json"), ("theme", "neon"), ("lang", "<script>")]).expect("still shown");
    assert_eq!(read.options.theme, Theme::System);
    assert_eq!(read.options.interface_language, "");
    assert_eq!(read.warnings.len(), 2, "{:?}", read.warnings);
    assert!(read.warnings[0].contains("theme \"neon\""), "{}", read.warnings[0]);
}

#[test]
fn a_widget_without_src_or_with_an_empty_one_is_refused() {
    for attributes in [vec![("theme", "dark")], vec![("src", "  ")]] {
        let error = read_embed_options(attributes).expect_err("nothing to show");
        assert!(error.contains("no src attribute"), "{error}");
    }
}

#[test]
fn attributes_that_belong_to_the_host_page_are_ignored_silently() {
    let read =
        read_embed_options([("src", "a.json"), ("id", "w"), ("class", "x"), ("data-track", "1")]).expect("valid");
    assert!(read.warnings.is_empty());
}

#[test]
fn a_related_article_is_looked_for_next_to_the_article_that_names_it() {
    let id = Slug::parse("kremlin-response").expect("a valid slug");
    assert_eq!(
        sibling_article_url("https://outlet.example/feeds/articles/seed.json?v=2", &id),
        "https://outlet.example/feeds/articles/kremlin-response.json"
    );
}
