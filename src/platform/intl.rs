//! The browser's `Intl` formatters, made once per language and kept.
//!
//! Making the first `Intl` formatter of a page is slow: the browser loads its locale data,
//! which took 10 ms at full speed and 40 ms at 4× CPU throttling here (docs/performance.md),
//! while every later one, in any language, takes well under a millisecond. [`warm_up`]
//! pays that cost in a task of its own while the article downloads, instead of inside the
//! article's first render.
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
