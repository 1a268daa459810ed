//! The article format: what an outlet's JSON means, and what the reader shows of it.
//!
//! The model is the only place that knows the format, and it is pure Rust: no leptos,
//! no web-sys, no gloo. That keeps every rule testable natively with `cargo test`.
//!
//! Data flows one way through it:
//!
//! 1. [`wire`] holds the serde types that mirror the JSON exactly. They are a boundary
//!    we do not control, so they allow anything JSON allows.
//! 2. [`validate`] turns a wire article into a domain [`Article`] once, collecting every
//!    problem with its JSON path. Past this point bad states cannot be represented: a
//!    headline is never empty, a link is never `javascript:`, an id is always a safe slug.
//! 3. [`plain_text`] reads an article's text as plain text and counts its words. What the
//!    reading view derives from an article (section list, quotes, chunks, JSON-LD) is in
//!    `crate::reading`, outside the format.

pub mod article;
pub mod error;
pub mod json;
pub mod json_path;
pub mod plain_text;
pub mod read;
pub mod slug;
pub mod timestamp;
pub mod validate;
pub mod web_url;
pub mod wire;

pub use article::*;
pub use error::{ArticleError, Problem, Warning};
pub use validate::{parse_article, ArticleDocument, ParsedArticle, ReadArticleDocument};
