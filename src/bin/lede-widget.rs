//! The widget's module: what `embed.js` loads on an outlet's page, and on the widget's
//! frame pages, to mount `<lede-article>` elements (`lede::embed`).
//!
//! It starts nothing by itself: the loader calls its exports, one per widget. The reader's
//! page (`src/main.rs`) is built without these exports, and this module without the
//! reader's page, so that neither carries the other's code (decision 021). In the browser
//! it has no `main`, for the reason `src/main.rs` gives.
#![cfg_attr(target_arch = "wasm32", no_main)]

// The exports live in the library; naming one links them into this module.
pub use lede::embed::mount_embedded_article;

/// Natively the binary exists only because the crate is built for tests too.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
