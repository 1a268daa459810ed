//! Lede: a news-article reader. The crate is organised by responsibility:
//!
//! - [`model`]: the article format and everything derived from it; pure Rust.
//! - [`api`]: the only code that fetches.
//! - [`routing`]: what the address bar means, and moving between articles.
//! - [`pages`]: the only owners of resources and loading or error states.
//! - [`components`]: props in, view out.
//! - [`config`]: where articles come from, set by the outlet in `lede.config.json`.
//! - [`reader_settings`]: text size, line width and theme, kept between visits.
//! - [`reading`]: what the reading view shows, on the reader's page and in a widget.
//! - `embed` (feature `widget`): the widget's entry points and the reading of its
//!   attributes, built into the widget's own module; the top floor, which nothing else
//!   imports.
//! - `publish` (feature `ssr`, natively): articles rendered into static pages with the
//!   same components; the top floor of the publishing build.
//! - [`import`]: articles from WordPress and other systems, for the `lede` command;
//!   pure Rust, over a small HTML tree interface.
//! - [`interface_text`]: the reader's own words, in each language it speaks.
//! - [`platform`]: every touch of the browser that is not a component's own DOM: tasks
//!   and frames, `Intl`, performance marks, the surface (page or widget), URL parsing, and
//!   the one helper for what web-sys does not bind.

// The native publishing build renders without `erase_components`, and the reading view's
// nested view types are deeper than the compiler's default limit.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod config;
// The widget's entry points are wasm exports: only the widget's module carries them
// (feature `widget`, decision 021), not the reader's page nor the WordPress importer.
#[cfg(feature = "widget")]
pub mod embed;
pub mod import;
pub mod interface_text;
pub mod model;
pub mod pages;
pub mod platform;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod publish;
pub mod reader_settings;
pub mod reading;
pub mod routing;
