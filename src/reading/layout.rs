//! What the reading view shows, where a widget's snippet may ask for less than the
//! reader's own page: plain values that the page, the view and the widget's entry point
//! share, so that none of them has to import another's module.

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
    /// The published page of a long article: the sections its first rendering chunk holds,
    /// then a "Continue reading" link to the page of the whole article
    /// ([`crate::routing::whole_article_path`]).
    Opening,
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

/// What of the reading view is shown. The reader's own page shows everything; a widget's
/// snippet may ask for less.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ArticleViewLayout {
    /// The whole article, or the start of it with a "Continue reading" link.
    pub extent: ArticleExtent,
    /// Whether related articles are listed.
    pub related: RelatedVisibility,
    /// The colours a widget starts with; the reader's own page uses the reader's choice.
    pub widget_theme: Theme,
    /// Whether a long body is rendered in chunks after the first screen, or at once.
    pub body_rendering: BodyRendering,
}

impl ArticleViewLayout {
    /// How much of the article the view shows: [`ArticleViewLayout::extent`], except in
    /// the reader's page, which always shows the whole article. Only a widget's options ask
    /// for a compact article, and only publishing, which is native, for an opening; the
    /// reader's page is built without the widget (decision 021), so there this is a
    /// constant and the view's code for the other extents is left out of its wasm.
    pub fn shown_extent(&self) -> ArticleExtent {
        #[cfg(all(target_arch = "wasm32", not(feature = "widget")))]
        return ArticleExtent::Full;
        #[cfg(not(all(target_arch = "wasm32", not(feature = "widget"))))]
        self.extent
    }
}

/// How the body of a long article is rendered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BodyRendering {
    /// The first screen before the first paint, the rest in chunks after it.
    #[default]
    InChunks,
    /// Everything before the first paint: the reader is about to be taken to a place
    /// further down (an address with a fragment, or Back to a saved scroll position),
    /// which must exist when the page scrolls there.
    AllAtOnce,
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

/// Who chose the article's address, which decides whether the reader's allow-list applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AddressChooser {
    /// The outlet, in the snippet on its own page (inline mode): the host page shows what
    /// it likes, and the reader's configuration is none of its business.
    #[default]
    HostPage,
    /// Whoever wrote the address of the reader's frame page (`embed.html?src=`): anyone
    /// can, so the address must pass the reader's allow-list like `/?src=`.
    ReaderAddress,
}

/// Everything an outlet can set on `<lede-article>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The article's JSON, as written in `src` (relative to the host page, or absolute).
    pub source: String,
    /// Who chose `source`.
    pub chooser: AddressChooser,
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
    /// Whether the validation report is shown above the article (`debug`), for the
    /// outlet's developer.
    pub validation_report: crate::reading::validation_report::ValidationReportVisibility,
    /// The format of the document at `source` (`format`: lede or wordpress).
    pub format: crate::import::SourceFormat,
}

/// The address of related article `article_id`: a sibling of the article at
/// `article_url`, as `{article_id}.json`, as on the reader's own server. Without a
/// parseable base, the bare file name, which the browser resolves against the page.
pub fn sibling_article_url(article_url: &str, article_id: &Slug) -> String {
    let file_name = format!("{article_id}.json");
    crate::platform::url::parse_url(&file_name, Some(article_url))
        .map(|parsed| parsed.href)
        .unwrap_or(file_name)
}
