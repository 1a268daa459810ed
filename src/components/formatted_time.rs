//! A timestamp shown in the reader's words, through the browser's `Intl.DateTimeFormat`.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::timestamp::Timestamp;

/// A `<time>` element with a machine-readable `datetime` and a localized label.
#[component]
pub fn FormattedTime(
    /// The moment to show.
    timestamp: Timestamp,
    /// The BCP 47 language to format it in, usually the article's.
    #[prop(into)]
    language: String,
) -> impl IntoView {
    let label = format_timestamp(&timestamp, &language);
    view! { <time datetime=timestamp.to_string()>{label}</time> }
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
    let intl = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &JsValue::from_str("DateTimeFormat")).ok()?.dyn_into().ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &JsValue::from_str("dateStyle"), &JsValue::from_str("long")).ok()?;
    js_sys::Reflect::set(&options, &JsValue::from_str("timeStyle"), &JsValue::from_str("short")).ok()?;
    let arguments = js_sys::Array::of2(&JsValue::from_str(language), &options);
    let formatter = js_sys::Reflect::construct(&constructor, &arguments).ok()?;
    let format: js_sys::Function = js_sys::Reflect::get(&formatter, &JsValue::from_str("format")).ok()?.dyn_into().ok()?;
    format.call1(&formatter, &date).ok()?.as_string()
}
