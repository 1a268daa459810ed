//! The full-page reader, built by Trunk from `index.html`.
//!
//! In the browser the entry is a wasm-bindgen start function instead of `main`: Rust's
//! `main` brings the standard library's process start-up and exit (the flush of a
//! buffered stdout), which a wasm module in a page never uses, and whose bytes every
//! reader would download (docs/performance.md, "Size levers").
#![cfg_attr(target_arch = "wasm32", no_main)]

/// Mounts the reader on the page, when wasm-bindgen's glue has instantiated the module.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    lede::app::mount_app();
}

/// Natively the binary exists only because the crate is built for publishing and tests
/// too; it mounts nothing.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
