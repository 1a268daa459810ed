//! Reading fields of a source document by path, with the model's JSON reader, and making
//! them fit the format: short text within its limit, addresses that are http(s).

use crate::model::json::JsonValue;

use super::Notes;

pub(super) fn value_at<'v>(value: &'v JsonValue, path: &[&str]) -> Option<&'v JsonValue> {
    path.iter().try_fold(value, |value, key| match value {
        JsonValue::Object(entries) => entries.iter().find(|(name, _)| name == key).map(|(_, value)| value),
        _ => None,
    })
}

pub(super) fn string_at(value: &JsonValue, path: &[&str]) -> Option<String> {
    match value_at(value, path)? {
        JsonValue::String(text) => Some(text.clone()),
        _ => None,
    }
}

pub(super) fn number_at(value: &JsonValue, path: &[&str]) -> Option<u32> {
    match value_at(value, path)? {
        JsonValue::Number(number) => number.parse::<u32>().ok().filter(|number| *number > 0),
        _ => None,
    }
}

pub(super) fn array_at<'v>(value: &'v JsonValue, path: &[&str]) -> Vec<&'v JsonValue> {
    match value_at(value, path) {
        Some(JsonValue::Array(items)) => items.iter().collect(),
        _ => Vec::new(),
    }
}

/// `address` resolved against `base_url`, if it is http(s).
pub(super) fn web_url(address: &str, base_url: Option<&str>) -> Option<String> {
    crate::platform::url::parse_url(address.trim(), base_url)
        .ok()
        .filter(|parsed| matches!(parsed.scheme.as_str(), "http" | "https"))
        .map(|parsed| parsed.href)
}

/// `text` as a field of short text, noting in `field` when it had to be cut.
pub(super) fn short(text: &str, field: &str, notes: &mut Notes) -> Option<String> {
    let (text, was_cut) = super::html::short_text(text)?;
    if was_cut {
        notes.guessed(field, format!("\"{text}\" was cut to the format's {} characters", crate::model::validate::MAX_SHORT_TEXT_CHARS));
    }
    Some(text)
}
