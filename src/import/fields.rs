//! Reading fields of a source document by path, with the model's JSON reader.

use crate::model::json::JsonValue;

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
