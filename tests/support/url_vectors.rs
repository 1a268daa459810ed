//! Runs the table of URL vectors (`tests/url_vectors.json`) through `WebUrl::parse` on the
//! platform at hand, and lists every case whose outcome differs from the table's.

use lede::model::json::{parse_json, JsonValue};
use lede::model::web_url::{UrlUse, WebUrl};

const VECTORS: &str = include_str!("../url_vectors.json");

fn field<'v>(entries: &'v [(String, JsonValue)], key: &str) -> Option<&'v str> {
    entries.iter().find(|(name, _)| name == key).and_then(|(_, value)| match value {
        JsonValue::String(text) => Some(text.as_str()),
        _ => None,
    })
}

/// One line per vector whose outcome is not the expected one; empty when all agree.
pub fn failures() -> Vec<String> {
    let Ok(JsonValue::Array(vectors)) = parse_json(VECTORS) else {
        return vec!["tests/url_vectors.json is not a JSON array".to_owned()];
    };
    let mut failures = Vec::new();
    for vector in &vectors {
        let JsonValue::Object(entries) = vector else {
            failures.push(format!("not an object: {vector:?}"));
            continue;
        };
        let input = field(entries, "input").unwrap_or_default();
        let url_use = match field(entries, "use") {
            Some("resource") => UrlUse::WebResource,
            _ => UrlUse::Link,
        };
        let expected = field(entries, "expect");
        let outcome = WebUrl::parse(input, field(entries, "base"), url_use);
        let agrees = match (&outcome, expected) {
            (Ok(url), Some(href)) => url.as_str() == href,
            (Err(_), None) => true,
            _ => false,
        };
        if !agrees {
            failures.push(format!("{input:?}: expected {expected:?}, got {outcome:?}"));
        }
    }
    if vectors.len() < 50 {
        failures.push(format!("only {} vectors: the table was cut", vectors.len()));
    }
    failures
}
