//! A timestamp shown in the reader's words, through the browser's `Intl.DateTimeFormat`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::model::timestamp::Timestamp;
use crate::platform::js;

/// How a time is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeStyle {
    /// "December 6, 2025 at 7:30 PM".
    #[default]
    Absolute,
    /// "3 hours ago", with the absolute time as its tooltip.
    Relative,
}

/// A `<time>` element with a machine-readable `datetime` and a localized label.
#[component]
pub fn FormattedTime(
    /// The moment to show.
    timestamp: Timestamp,
    /// The BCP 47 language to format it in, usually the article's.
    #[prop(into)]
    language: String,
    /// Absolute or relative to now.
    #[prop(optional)]
    style: TimeStyle,
) -> impl IntoView {
    let absolute = format_timestamp(&timestamp, &language);
    let (label, title) = match style {
        TimeStyle::Absolute => (absolute, None),
        TimeStyle::Relative => match format_relative(&timestamp, &language, js_sys::Date::now()) {
            Some(relative) => (relative, Some(absolute)),
            None => (absolute, None),
        },
    };
    view! { <time datetime=timestamp.to_string() title=title>{label}</time> }
}

/// Formats `timestamp` relative to `now_ms` (milliseconds since the epoch) in `language`,
/// such as "3 hours ago" or "yesterday", in the largest unit that is at least one.
pub fn format_relative(timestamp: &Timestamp, language: &str, now_ms: f64) -> Option<String> {
    let then_ms = js_sys::Date::new(&JsValue::from_str(timestamp.as_str())).get_time();
    if then_ms.is_nan() {
        return None;
    }
    let (value, unit) = relative_value_and_unit((then_ms - now_ms) / 1000.0);
    let formatter = crate::platform::intl::relative_time_formatter(language)?;
    js::call_method(&formatter, "format", &[&JsValue::from_f64(value), &JsValue::from_str(unit)])?.as_string()
}

/// The rounded value and `Intl.RelativeTimeFormat` unit for a difference in seconds.
pub fn relative_value_and_unit(seconds: f64) -> (f64, &'static str) {
    const UNITS: [(f64, &str); 7] = [
        (60.0, "second"),
        (60.0, "minute"),
        (24.0, "hour"),
        (7.0, "day"),
        (30.0 / 7.0, "week"),
        (12.0, "month"),
        (f64::INFINITY, "year"),
    ];
    let mut value = seconds;
    for (size, unit) in UNITS {
        if value.abs() < size {
            return (value.round(), unit);
        }
        value /= size;
    }
    (value.round(), "year")
}

/// Formats `timestamp` as a long date and short time in `language`, such as
/// "December 6, 2025 at 7:30 PM". Falls back to the timestamp itself when the browser
/// cannot format it.
//
// Everything goes through `Reflect`, which returns errors, because `Intl` throws a
// `RangeError` for a language it does not know, and an exception thrown through a
// non-catching binding would abort the wasm module and every widget on the page.
pub fn format_timestamp(timestamp: &Timestamp, language: &str) -> String {
    try_format(timestamp.as_str(), language).unwrap_or_else(|| timestamp.to_string())
}

fn try_format(timestamp: &str, language: &str) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_str(timestamp));
    if date.get_time().is_nan() {
        return None;
    }
    let formatter = crate::platform::intl::date_time_formatter(language)?;
    js::call_method(&formatter, "format", &[&date])?.as_string()
}
