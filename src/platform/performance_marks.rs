//! User Timing marks for the benchmark (`cargo xtask bench`): when an article's JSON
//! arrived, and when the article was first painted. The benchmark reads them from the page;
//! readers' browsers keep them in their performance timeline, where they cost nothing.

use wasm_bindgen::JsValue;

/// Marked when an article's JSON is in hand, from the network or from memory.
pub const JSON_ARRIVED: &str = "lede:json-arrived";
/// Marked after the first paint that shows the article with its first blocks (by the
/// reading view, which decides when they come).
pub const ARTICLE_PAINTED: &str = "lede:article-painted";
/// Marked after the paint that shows the article's last section (a long article renders
/// in chunks, so this can come well after [`ARTICLE_PAINTED`]).
pub const ARTICLE_COMPLETE: &str = "lede:article-complete";

/// `performance.mark(name)`, where the browser has it.
pub fn mark(name: &str) {
    let _ = super::js::call_method(&super::js::global("performance"), "mark", &[&JsValue::from_str(name)]);
}

/// Marks `name` just after the next paint.
pub fn mark_after_next_paint(name: &'static str) {
    crate::platform::frames::after_next_paint(move || mark(name));
}
