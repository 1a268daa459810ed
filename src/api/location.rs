//! Where an article comes from, and its absolute address: the one place where an address
//! taken from the reader's own URL meets the configuration's allow-list.

use crate::api::error::FetchError;
use crate::config::ReaderConfig;
pub use crate::import::SourceFormat;
use crate::model::slug::Slug;

/// Where an article comes from; the configuration turns it into an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleLocation {
    /// The configured default article.
    Default,
    /// An article by id, under the configured base URL.
    Id(Slug),
    /// An article at an address taken from the reader's own URL (`/?src=`, or the widget
    /// frame's `embed.html?src=`): allowed only from the reader's origin or a configured
    /// one. The frame's `format` says what the document at the address is.
    Source(String, SourceFormat),
    /// An article at the address an embedding outlet wrote in its snippet (relative to
    /// the host page, or absolute), in the format its `format` attribute names. The outlet
    /// chose it, so no configuration is read.
    Embedded(String, SourceFormat),
}

impl ArticleLocation {
    /// The format of the document at this location: Lede's, unless a widget said otherwise.
    pub fn format(&self) -> SourceFormat {
        match self {
            ArticleLocation::Source(_, format) | ArticleLocation::Embedded(_, format) => *format,
            ArticleLocation::Default | ArticleLocation::Id(_) => SourceFormat::Lede,
        }
    }
}

/// `url` made absolute against this page, so that error messages name it fully and
/// relative URLs inside the article resolve against it.
pub fn absolute_url(url: &str) -> String {
    let page = leptos::prelude::window().location().href().unwrap_or_default();
    crate::platform::url::parse_url(url, Some(&page))
        .map(|parsed| parsed.href)
        .unwrap_or_else(|_| url.to_owned())
}

/// The absolute address of the article at `location`, or why it may not be loaded.
///
/// This is the one place where an address taken from the reader's own URL meets the
/// allow-list: the app's `/?src=` and the widget frame's `embed.html?src=` both arrive
/// here as [`ArticleLocation::Source`].
pub fn resolve_location(config: &ReaderConfig, location: &ArticleLocation) -> Result<String, FetchError> {
    match location {
        ArticleLocation::Default => Ok(absolute_url(&config.article_url(&config.default_article))),
        ArticleLocation::Id(article_id) => Ok(absolute_url(&config.article_url(article_id))),
        ArticleLocation::Source(url, _) => {
            let url = absolute_url(url);
            let reader_origin = leptos::prelude::window().location().origin().unwrap_or_default();
            if config.allows_article_address(&url, &reader_origin) {
                Ok(url)
            } else {
                Err(FetchError::SourceNotAllowed { url })
            }
        }
        ArticleLocation::Embedded(url, _) => Ok(absolute_url(url)),
    }
}
