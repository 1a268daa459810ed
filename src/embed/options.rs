//! The widget's attributes, read once into options that cannot be half-valid.
//!
//! Pure Rust, so that every attribute and its fallbacks are tested natively
//! (`tests/embed_options.rs`). An unknown value is not an error: the widget keeps its
//! default and says so in a warning, because a typo in an outlet's snippet must not blank
//! the article out. Only a missing `src` is an error: there is nothing to show.

use crate::reader_settings::Theme;
pub use crate::import::SourceFormat;
pub use crate::reading::validation_report::ValidationReportVisibility;
pub use crate::reading::layout::{
    sibling_article_url, AddressChooser, ArticleExtent, EmbedOptions, NavigateTarget, RelatedVisibility,
};

/// The attributes of `<lede-article>` that the reader reads, in the order of
/// `src/embed/attributes.json`, the one list of the widget's attributes: the loader passes
/// these on (to the wasm, or in the frame's URL) and reads `mode` itself. A native test
/// holds this list, the parser below and the docs to that file.
pub const READER_ATTRIBUTES: [&str; 8] = ["src", "theme", "compact", "related", "navigate", "lang", "debug", "format"];

/// The options, and what was wrong with attributes that fell back to their defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// The options to use.
    pub options: EmbedOptions,
    /// One sentence per ignored attribute value, for the console.
    pub warnings: Vec<String>,
}

/// Reads the widget's attributes, given as (name, value) pairs in any order. Names are
/// matched without regard to case, as HTML does.
pub fn read_embed_options<'a>(attributes: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<ReadOptions, String> {
    let mut source = None;
    let mut options = EmbedOptions {
        source: String::new(),
        chooser: AddressChooser::default(),
        theme: Theme::System,
        extent: ArticleExtent::default(),
        related: RelatedVisibility::default(),
        navigate: NavigateTarget::default(),
        interface_language: String::new(),
        validation_report: ValidationReportVisibility::Hidden,
        format: SourceFormat::Lede,
    };
    let mut warnings = Vec::new();
    for (name, value) in attributes {
        let value = value.trim();
        let lowered = value.to_ascii_lowercase();
        let mut unknown = || warnings.push(format!("unknown {name} \"{value}\" on the widget, using the default"));
        match name.to_ascii_lowercase().as_str() {
            "src" => source = Some(value.to_owned()),
            "theme" => match lowered.as_str() {
                "" | "auto" => options.theme = Theme::System,
                "light" => options.theme = Theme::Light,
                "dark" => options.theme = Theme::Dark,
                "sepia" => options.theme = Theme::Sepia,
                _ => unknown(),
            },
            // A boolean attribute: present means compact, as with HTML's own, except
            // for an explicit "false".
            "compact" => match lowered.as_str() {
                "" | "compact" | "true" => options.extent = ArticleExtent::Compact,
                "false" => options.extent = ArticleExtent::Full,
                _ => unknown(),
            },
            "related" => match lowered.as_str() {
                "" | "show" | "true" => options.related = RelatedVisibility::Shown,
                "hide" | "false" => options.related = RelatedVisibility::Hidden,
                _ => unknown(),
            },
            "navigate" => match lowered.as_str() {
                "" | "outlet" => options.navigate = NavigateTarget::Outlet,
                "widget" => options.navigate = NavigateTarget::Widget,
                _ => unknown(),
            },
            "lang" => {
                let is_tag = !value.is_empty()
                    && value.len() <= 35
                    && value.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-');
                if is_tag {
                    options.interface_language = value.to_owned();
                } else if !value.is_empty() {
                    unknown();
                }
            }
            "format" => match lowered.as_str() {
                "" | "lede" => options.format = SourceFormat::Lede,
                "wordpress" => options.format = SourceFormat::WordPress,
                _ => unknown(),
            },
            // A boolean attribute, like `compact`.
            "debug" => match lowered.as_str() {
                "" | "debug" | "true" => options.validation_report = ValidationReportVisibility::Shown,
                "false" => options.validation_report = ValidationReportVisibility::Hidden,
                _ => unknown(),
            },
            // `mode` is the loader's alone: it decides before the wasm loads whether there is
            // a frame. Anything else (id, class, style, data-*) belongs to the host page.
            _ => {}
        }
    }
    match source {
        Some(source) if !source.is_empty() => {
            options.source = source;
            Ok(ReadOptions { options, warnings })
        }
        _ => Err("the lede-article element has no src attribute: nothing to show".to_owned()),
    }
}

