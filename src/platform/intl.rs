//! The browser's `Intl` formatters, made once per language and kept.
//!
//! Making the first `Intl` formatter of a page is slow: the browser loads its locale data,
//! which took 10 ms at full speed and 40 ms at 4× CPU throttling here (docs/performance.md),
//! while every later one, in any language, takes well under a millisecond. [`warm_up`]
//! pays that cost in a task of its own while the article downloads, instead of inside the
//! article's first render. Before that, the start-up script has a worker make the same
//! formatters (`intl_warm_up.js` beside this file): the browser keeps locale data for the
//! whole process, so on the reader's own pages that task costs under a millisecond
//! instead of blocking the page.
//!
//! Natively, for a published page (feature `ssr`), times are written by [`native_time`]
//! in the article's language and in UTC, which the page says; relative times are written
//! as absolute ones, because a static page cannot know when it is read.
//
// Everything goes through `Reflect`, which returns errors, because `Intl` throws a
// `RangeError` for a language it does not know, and an exception thrown through a
// non-catching binding would abort the wasm module and every widget on the page.

use std::cell::RefCell;

use wasm_bindgen::JsValue;

thread_local! {
    /// The formatters made so far, by constructor name and language. Each kind is always
    /// made with the same options, so those two name it.
    static FORMATTERS: RefCell<Vec<(&'static str, String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `timestamp` (RFC 3339) as a long date and short time in `language`, or `None` where it
/// cannot be formatted.
pub fn format_date_time(timestamp: &str, language: &str) -> Option<String> {
    #[cfg(not(target_arch = "wasm32"))]
    return native_time::format_date_time(timestamp, language);
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&JsValue::from_str(timestamp));
        if date.get_time().is_nan() {
            return None;
        }
        let formatter = date_time_formatter(language)?;
        super::js::call_method(&formatter, "format", &[&date])?.as_string()
    }
}

/// `value` `unit`s from now ("3 hours ago", "yesterday") in `language`; `None` natively
/// and where the browser cannot say it.
pub fn format_relative(value: f64, unit: &str, language: &str) -> Option<String> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    let formatter = relative_time_formatter(language)?;
    super::js::call_method(&formatter, "format", &[&JsValue::from_f64(value), &JsValue::from_str(unit)])?.as_string()
}

/// The moment `timestamp` names, in milliseconds since the epoch; `None` natively.
pub fn epoch_ms(timestamp: &str) -> Option<f64> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    Some(js_sys::Date::new(&JsValue::from_str(timestamp)).get_time()).filter(|ms| !ms.is_nan())
}

/// Now, in milliseconds since the epoch; `None` natively, where a rendering is published
/// and read later.
pub fn now_ms() -> Option<f64> {
    cfg!(target_arch = "wasm32").then(js_sys::Date::now)
}

/// `Intl.DateTimeFormat` for `language`, long date and short time, such as
/// "December 6, 2025 at 7:30 PM"; `None` where the browser cannot make one.
pub fn date_time_formatter(language: &str) -> Option<JsValue> {
    cached("DateTimeFormat", language, || {
        options(&[("dateStyle", "long"), ("timeStyle", "short")])
    })
}

/// `Intl.RelativeTimeFormat` for `language` with `numeric: "auto"` ("yesterday" rather
/// than "1 day ago"); `None` where the browser cannot make one.
pub fn relative_time_formatter(language: &str) -> Option<JsValue> {
    cached("RelativeTimeFormat", language, || options(&[("numeric", "auto")]))
}

/// Makes a throwaway formatter in the browser's own language in a later task, so that the
/// locale data is loaded before an article needs it. Once per page is enough.
///
/// It asks for the same styles as [`date_time_formatter`]: the time's patterns are data of
/// their own. At 4× CPU throttling, after a date-only warm-up the article's formatter took
/// 2.3 ms to make, after this one 1.5 ms (a first formatter takes 35 to 55 ms).
pub fn warm_up() {
    leptos::task::spawn_local(async {
        crate::platform::frames::yield_to_browser().await;
        if FORMATTERS.with_borrow(Vec::is_empty) {
            let _ = construct(
                "DateTimeFormat",
                &JsValue::UNDEFINED,
                options(&[("dateStyle", "long"), ("timeStyle", "short")]),
            );
        }
    });
}

fn options(pairs: &[(&str, &str)]) -> Option<js_sys::Object> {
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        super::js::set_property(&options, key, &JsValue::from_str(value));
    }
    Some(options)
}

fn cached(name: &'static str, language: &str, options: impl FnOnce() -> Option<js_sys::Object>) -> Option<JsValue> {
    let cached = FORMATTERS.with_borrow(|formatters| {
        formatters
            .iter()
            .find(|(kind, cached_language, _)| *kind == name && cached_language == language)
            .map(|(_, _, formatter)| formatter.clone())
    });
    if let Some(formatter) = cached {
        return Some(formatter);
    }
    let formatter = construct(name, &JsValue::from_str(language), options())?;
    FORMATTERS.with_borrow_mut(|formatters| formatters.push((name, language.to_owned(), formatter.clone())));
    Some(formatter)
}

/// `new Intl[name](language, options)`, or `None` where the browser throws (an unknown
/// language) or lacks it.
fn construct(name: &str, language: &JsValue, options: Option<js_sys::Object>) -> Option<JsValue> {
    let constructor = super::js::method(&super::js::global("Intl"), name)?;
    let options: JsValue = options?.into();
    let arguments = js_sys::Array::of2(language, &options);
    js_sys::Reflect::construct(&constructor, &arguments).ok()
}

/// Times on published pages, written natively.
#[cfg(not(target_arch = "wasm32"))]
mod native_time {
    /// The zone every published time is written in, named after the time.
    #[cfg(feature = "ssr")]
    pub const ZONE_NAME: &str = "UTC";

    /// `timestamp` in UTC as a long date and a 24-hour time with the month named in
    /// `language`, such as "December 6, 2025, 19:30 UTC" or "6 décembre 2025, 19:30 UTC".
    #[cfg(feature = "ssr")]
    pub fn format_date_time(timestamp: &str, language: &str) -> Option<String> {
        let moment = chrono::DateTime::parse_from_rfc3339(timestamp).ok()?.with_timezone(&chrono::Utc);
        let primary = language.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let pattern = if primary == "en" { "%B %-d, %Y, %H:%M" } else { "%-d %B %Y, %H:%M" };
        let written = moment.format_localized(pattern, locale_for(language)).to_string();
        Some(format!("{written} {ZONE_NAME}"))
    }

    /// Without the publishing feature nothing native renders times.
    #[cfg(not(feature = "ssr"))]
    pub fn format_date_time(_timestamp: &str, _language: &str) -> Option<String> {
        None
    }

    /// The locale whose month names `language` (BCP 47) reads: its own region when it
    /// names one the locale data has, else the language's main region, else English.
    #[cfg(feature = "ssr")]
    fn locale_for(language: &str) -> chrono::Locale {
        let mut parts = language.split(['-', '_']);
        let primary = parts.next().unwrap_or_default().to_ascii_lowercase();
        let region = parts.find(|part| part.len() == 2).map(str::to_ascii_uppercase);
        let main_region = match primary.as_str() {
            "en" => "US",
            "ar" => "EG",
            "uk" => "UA",
            "el" => "GR",
            "he" => "IL",
            "ja" => "JP",
            "ko" => "KR",
            "zh" => "CN",
            "sv" => "SE",
            "da" => "DK",
            "cs" => "CZ",
            "fa" => "IR",
            _ => "",
        };
        let candidates = [
            region.map(|region| format!("{primary}_{region}")),
            (!main_region.is_empty()).then(|| format!("{primary}_{main_region}")),
            Some(format!("{primary}_{}", primary.to_ascii_uppercase())),
        ];
        candidates
            .into_iter()
            .flatten()
            .find_map(|name| chrono::Locale::try_from(name.as_str()).ok())
            .unwrap_or(chrono::Locale::en_US)
    }
}
