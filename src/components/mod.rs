//! The reading view's components. Each takes its data as props and returns a view:
//! none fetches, none owns a resource, none knows about routing beyond the callbacks
//! it is given. One component per file, named after it; its CSS is `style/{file}.css`.

mod article_header;
mod article_section;
mod article_view;
mod context_note;
mod error_state;
mod formatted_time;
mod inline_text;
mod loading_state;
mod masthead;
mod related_card;
mod related_sidebar;
mod reporting_note;
mod section_nav;
mod summary_box;

pub use article_header::ArticleHeader;
pub use article_section::ArticleSection;
pub use article_view::ArticleView;
pub use context_note::ContextNote;
pub use error_state::ErrorState;
pub use formatted_time::{format_timestamp, FormattedTime};
pub use inline_text::InlineTextView;
pub use loading_state::LoadingState;
pub use masthead::Masthead;
pub use related_card::RelatedCard;
pub use related_sidebar::RelatedSidebar;
pub use reporting_note::ReportingNote;
pub use section_nav::SectionNav;
pub use summary_box::SummaryBox;
