//! The reading view's components. Each takes its data as props and returns a view:
//! none fetches, none owns a resource, none knows about routing beyond the callbacks
//! it is given. One component per file, named after it; its CSS is `style/{file}.css`.
//! `markup.rs` is the one file that is not a component: the view type in which the parts
//! that never change once rendered are written (decision 023).

mod article_block;
mod article_figure;
mod article_header;
mod article_section;
mod article_view;
mod context_note;
mod corrections_list;
pub(crate) mod error_state;
mod fact_box;
mod formatted_time;
mod inline_text;
mod link_card;
pub(crate) mod loading_state;
pub mod markup;
mod masthead;
mod offline_notice;
mod permalink;
mod quote_index;
mod reader_controls;
mod related_card;
mod related_sidebar;
mod reporting_note;
mod section_nav;
mod summary_box;
pub(crate) mod validation_report_panel;
mod tag_list;

/// The interface's words for this view: the widget's `lang`, or English.
///
/// The reader's page speaks English, and its build has no widget (decision 021): there
/// the answer is a constant, and the other languages' words are not in its wasm.
pub fn interface_text() -> &'static crate::interface_text::InterfaceText {
    #[cfg(all(target_arch = "wasm32", not(feature = "widget")))]
    return &crate::interface_text::ENGLISH;
    #[cfg(not(all(target_arch = "wasm32", not(feature = "widget"))))]
    leptos::prelude::use_context::<&'static crate::interface_text::InterfaceText>()
        .unwrap_or(&crate::interface_text::ENGLISH)
}

/// The origin of the site a page is being published for (such as
/// `https://news.example`), provided while publishing. Addresses on that site are written
/// from their path, so that the pages work under any host name the site is served from.
#[derive(Clone, Debug)]
pub struct PublishedSiteOrigin(pub String);

/// How a component writes `url` into an `href` or `src`: whole in the browser, from its
/// path when it is on the site a page is being published for.
pub fn address_of(url: &crate::model::web_url::WebUrl) -> String {
    let full = url.as_str();
    // Publishing is native only; the browser's build leaves the lookup out.
    if cfg!(target_arch = "wasm32") {
        return full.to_owned();
    }
    if let Some(PublishedSiteOrigin(origin)) = leptos::prelude::use_context::<PublishedSiteOrigin>() {
        if let Some(path) = full.strip_prefix(origin.as_str()).filter(|path| path.starts_with('/')) {
            return path.to_owned();
        }
    }
    full.to_owned()
}

pub use article_block::ArticleBlock;
pub use article_figure::{ArticleFigure, ImageLoading};
pub use article_header::{ArticleHeader, Byline, PublicationTimes};
pub use article_section::{ArticleSection, LaterBlocks};
pub use article_view::{ArticleView, BodyChunks, ReadingState};
pub use context_note::ContextNote;
pub use corrections_list::CorrectionsList;
pub use error_state::ErrorState;
pub use fact_box::FactBox;
pub use formatted_time::{format_relative, format_timestamp, relative_value_and_unit, FormattedTime, TimeStyle};
pub use inline_text::InlineTextView;
pub use link_card::LinkCard;
pub use loading_state::LoadingState;
pub use masthead::Masthead;
pub use offline_notice::OfflineNotice;
pub use permalink::{Permalink, PermalinkAnnouncements, PermalinkKind};
pub use quote_index::QuoteIndex;
pub use reader_controls::ReaderControls;
pub use related_card::RelatedCard;
pub use related_sidebar::RelatedSidebar;
pub use reporting_note::ReportingNote;
pub use section_nav::SectionNav;
pub use summary_box::SummaryBox;
pub use validation_report_panel::ValidationReportPanel;
pub use tag_list::TagList;
