//! The URL vectors of `tests/url_vectors.json`, natively. `tests/browser/parsing.rs` runs the same
//! table in Chromium and Firefox, where the browser's own URL parser does the work: one
//! table, one expected outcome per case, on both platforms.
//!
//! Regression: in the browser a host outside ASCII passed whenever the text `xn--` appeared
//! anywhere in the URL (`https://аpple.com/?xn--`, with a Cyrillic `а`, became a link to
//! `xn--pple-43d.com`), where natively it was refused.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/url_vectors.rs"]
mod url_vectors;

#[test]
fn every_url_vector_has_its_expected_outcome_natively() {
    let failures = url_vectors::failures();
    assert!(failures.is_empty(), "{} of the vectors differ:\n{}", failures.len(), failures.join("\n"));
}
