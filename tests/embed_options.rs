//! The widget's attributes: what each value means, what falls back, and what is refused.

use lede::embed::options::{
    read_embed_options, sibling_article_url, AddressChooser, ArticleExtent, NavigateTarget, RelatedVisibility,
    READER_ATTRIBUTES,
};
use lede::model::slug::Slug;
use lede::reader_settings::Theme;

#[test]
fn a_widget_with_only_src_gets_every_default() {
    let read = read_embed_options([("src", "/articles/x.json")]).expect("src is enough");
    assert!(read.warnings.is_empty());
    let options = read.options;
    assert_eq!(options.source, "/articles/x.json");
    assert_eq!(options.chooser, AddressChooser::HostPage);
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
        ("theme", "Sepia"),
        ("compact", ""),
        ("related", "hide"),
        ("navigate", "widget"),
        ("lang", "fr"),
    ])
    .expect("valid options");
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    let options = read.options;
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

/// The widget's attributes as `src/embed/attributes.json` lists them: the one list that the
/// loader (filled in by the build) and the reader share.
fn attribute_list() -> Vec<(String, serde_json::Value)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/embed/attributes.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let list: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).expect("attributes.json is JSON");
    list.into_iter().collect()
}

// Regression: `mode` was parsed in Rust and never read, while the loader compared it
// case-sensitively and `mode="IFRAME"` rendered inline. One list now says who reads what.
#[test]
fn the_reader_reads_exactly_the_attributes_the_shared_list_gives_it_and_accepts_every_listed_value() {
    let list = attribute_list();
    let read_by_reader: Vec<&str> = list
        .iter()
        .filter(|(_, spec)| spec["read_by"] == "reader")
        .map(|(name, _)| name.as_str())
        .collect();
    let mut expected = READER_ATTRIBUTES.to_vec();
    let mut listed = read_by_reader.clone();
    expected.sort_unstable();
    listed.sort_unstable();
    assert_eq!(listed, expected);
    for (name, spec) in &list {
        let Some(values) = spec["values"].as_array() else { continue };
        for value in values.iter().filter_map(|value| value.as_str()) {
            let read = read_embed_options([("src", "a.json"), (name.as_str(), value), (name.as_str(), &value.to_uppercase())])
                .expect("valid");
            assert!(read.warnings.is_empty(), "{name}=\"{value}\": {:?}", read.warnings);
        }
    }
    let read = read_embed_options([("src", "a.json"), ("mode", "iframe")]).expect("valid");
    assert!(read.warnings.is_empty(), "mode is the loader's, not the reader's business");
}

#[test]
fn the_loader_takes_its_attribute_list_from_the_build_and_the_docs_list_every_attribute() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let loader = std::fs::read_to_string(root.join("src/embed/embed.js")).expect("embed.js");
    assert!(loader.contains("__LEDE_EMBED_ATTRIBUTES__"), "embed.js must read the list the build fills in");
    assert!(!loader.contains("\"theme\", \"compact\""), "embed.js must not keep a list of its own");
    let docs = std::fs::read_to_string(root.join("docs/embedding.md")).expect("docs/embedding.md");
    for (name, _) in attribute_list() {
        assert!(docs.contains(&format!("| `{name}` |")), "docs/embedding.md documents `{name}`");
    }
}

#[test]
fn debug_is_a_boolean_attribute_that_shows_the_validation_report_and_is_off_by_default() {
    use lede::embed::options::ValidationReportVisibility;
    let shown = |attributes: &[(&str, &str)]| {
        read_embed_options(attributes.iter().copied()).expect("valid").options.validation_report
    };
    assert_eq!(shown(&[("src", "a.json")]), ValidationReportVisibility::Hidden);
    assert_eq!(shown(&[("src", "a.json"), ("debug", "")]), ValidationReportVisibility::Shown);
    assert_eq!(shown(&[("src", "a.json"), ("DEBUG", "True")]), ValidationReportVisibility::Shown);
    assert_eq!(shown(&[("src", "a.json"), ("debug", "false")]), ValidationReportVisibility::Hidden);
    let unknown = read_embed_options([("src", "a.json"), ("debug", "maybe")]).expect("valid");
    assert_eq!(unknown.options.validation_report, ValidationReportVisibility::Hidden);
    assert_eq!(unknown.warnings, ["unknown debug \"maybe\" on the widget, using the default"]);
}

#[test]
fn format_names_what_src_points_at_and_defaults_to_ledes_own_json() {
    use lede::embed::options::SourceFormat;
    let format = |attributes: &[(&str, &str)]| read_embed_options(attributes.iter().copied()).expect("valid").options.format;
    assert_eq!(format(&[("src", "a.json")]), SourceFormat::Lede);
    assert_eq!(format(&[("src", "/wp-json/wp/v2/posts/1"), ("format", "WordPress")]), SourceFormat::WordPress);
    assert_eq!(format(&[("src", "a.json"), ("format", "lede")]), SourceFormat::Lede);
    let unknown = read_embed_options([("src", "a.json"), ("format", "rss")]).expect("valid");
    assert_eq!(unknown.options.format, SourceFormat::Lede);
    assert_eq!(unknown.warnings, ["unknown format \"rss\" on the widget, using the default"]);
}
