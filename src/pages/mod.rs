//! Pages: the only owners of resources and of loading, error and not-found states.
//! A page turns a route into data and hands the data to components.

mod article_page;
mod not_found_page;

pub use article_page::ArticlePage;
pub use not_found_page::NotFoundPage;
