//! Any bytes an outlet's server (or an attacker in front of it) might send: parsing,
//! validation and every piece of view data built from the result must return, never
//! panic. A panic in the shared wasm module would take down every widget on a page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lede::model::plain_text::{body_word_count, plain_text};
use lede::reading::bylines::{byline_text, reading_time_minutes, reporting_note};
use lede::reading::navigation::section_nav_items;
use lede::reading::quotes::quote_index;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match lede::model::parse_article(text, "https://fuzz.example/articles/input.json") {
        Ok(parsed) => {
            let article = &parsed.article;
            let _ = (plain_text(article), quote_index(article), section_nav_items(article));
            let _ = (reading_time_minutes(article), body_word_count(&article.sections), reporting_note(article), byline_text(article));
        }
        Err(error) => {
            let _ = (error.to_string(), error.problems());
        }
    }
});
