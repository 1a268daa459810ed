//! The browser, where the reader needs it beyond a component's own DOM: work after the
//! next paint or in a task of its own ([`frames`]), effects after a render ([`effects`]), the date formatters of `Intl`
//! ([`intl`]), performance marks ([`performance_marks`]), whether the reader is the page
//! or a widget ([`surface`]), WHATWG URL parsing ([`url`]), watching elements come into
//! view ([`observer`]), HTML parsed inertly for the importers (`dom_tree`), the WordPress importer module
//! loaded on demand for the widget (`wordpress_importer`), and reading or calling what web-sys does not bind ([`js`]). Components and pages call these; nothing else uses
//! `Reflect`.
//!
//! Natively (tests, the schema), [`url`] parses with the `url` crate, and nothing else
//! here is called.

pub mod dom_tree;
pub mod effects;
pub mod frames;
pub mod intl;
pub mod js;
pub mod observer;
pub mod performance_marks;
pub mod surface;
pub mod takeover;
pub mod url;
// Only the widget's `format` attribute asks for WordPress posts (decision 021).
#[cfg(feature = "widget")]
pub mod wordpress_importer;
