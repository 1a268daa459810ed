//! The widget's attributes, read once into options that cannot be half-valid.
//!
//! Pure Rust, so that every attribute and its fallbacks are tested natively
//! (`tests/embed_options.rs`). An unknown value is not an error: the widget keeps its
//! default and says so in a warning, because a typo in an outlet's snippet must not blank
//! the article out. Only a missing `src` is an error: there is nothing to show.

use crate::model::slug::Slug;
use crate::reader_settings::Theme;

/// How much of the article the widget shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ArticleExtent {
    /// The whole article.
    #[default]
    Full,
    /// The headline, the summary and the first section, then a "Continue reading" link.
    Compact,
}

/// Whether the related articles are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RelatedVisibility {
    /// Listed after the article (beside it on a wide widget).
    #[default]
    Shown,
    /// Left out.
    Hidden,
}

/// Where a related article opens when a reader picks it in a widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NavigateTarget {
    /// On the outlet's own page for that article (its canonical URL): the host page
    /// navigates, as it would for any link.
    #[default]
    Outlet,
    /// Inside the widget, which loads the related article in place of this one.
    Widget,
}

/// How the widget is isolated from the page around it. The loader (`embed.js`) acts on
/// this; the wasm module only ever runs inside a shadow root.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EmbedMode {
    /// In a shadow root on the host page: for an outlet's own pages.
    #[default]
    Inline,
    /// In a sandboxed iframe of the reader's own origin: for third-party pages.
    Iframe,
}

/// Everything an outlet can set on `<lede-article>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The article's JSON, as written in `src` (relative to the host page, or absolute).
    pub source: String,
    /// The isolation mode (`mode`).
    pub mode: EmbedMode,
    /// The colours (`theme`: light, dark, sepia or auto).
    pub theme: Theme,
    /// How much is shown (`compact`).
    pub extent: ArticleExtent,
    /// Whether related articles are listed (`related`: show or hide).
    pub related: RelatedVisibility,
    /// Where related articles open (`navigate`: outlet or widget).
    pub navigate: NavigateTarget,
    /// The language of the interface's own words (`lang`), as a BCP 47 tag; empty for
    /// the default (English).
    pub interface_language: String,
}

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
        mode: EmbedMode::default(),
        theme: Theme::System,
        extent: ArticleExtent::default(),
        related: RelatedVisibility::default(),
        navigate: NavigateTarget::default(),
        interface_language: String::new(),
    };
    let mut warnings = Vec::new();
    for (name, value) in attributes {
        let value = value.trim();
        let lowered = value.to_ascii_lowercase();
        let mut unknown = || warnings.push(format!("unknown {name} \"{value}\" on the widget, using the default"));
        match name.to_ascii_lowercase().as_str() {
            "src" => source = Some(value.to_owned()),
            "mode" => match lowered.as_str() {
                "" | "inline" => options.mode = EmbedMode::Inline,
                "iframe" => options.mode = EmbedMode::Iframe,
                _ => unknown(),
            },
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
            // Anything else (id, class, style, data-*) belongs to the host page.
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

/// The address of related article `article_id`: a sibling of the article at
/// `article_url`, as `{article_id}.json`, as on the reader's own server. Without a
/// parseable base, the bare file name, which the browser resolves against the page.
pub fn sibling_article_url(article_url: &str, article_id: &Slug) -> String {
    let file_name = format!("{article_id}.json");
    crate::whatwg_url::parse_url(&file_name, Some(article_url))
        .map(|parsed| parsed.href)
        .unwrap_or(file_name)
}
