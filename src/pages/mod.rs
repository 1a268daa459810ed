//! Pages: the only owners of loads (`ArticleLoad`, decision 019) and of loading, error
//! and not-found states.
//! A page turns a route into data and hands the data to components.

mod article_load;
mod article_page;
mod embedded_article_page;
mod not_found_page;
mod page_metadata;
mod reading_view;

pub use article_page::ArticlePage;
pub use embedded_article_page::{EmbeddedArticlePage, WidgetEvent};
pub use not_found_page::NotFoundPage;
pub use page_metadata::{describe_page, OWNER_ATTRIBUTE};
pub use reading_view::ReadingView;
