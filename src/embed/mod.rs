//! The widget: the entry point that `embed.js` calls for every `<lede-article>` element on
//! an outlet's page, and the options read from its attributes.
//!
//! One wasm module serves every widget on a page, so nothing here may panic: a panic
//! would abort the module and take every widget down with it. Each widget gets its own
//! reactive root; dropping its handle unmounts it and aborts its requests.
//!
//! The loader (`src/embed/embed.js`) owns what JavaScript does best here: the custom
//! element, lazy loading, the shadow root and its stylesheet, the fallback content, the
//! iframe mode and the DOM events. This module turns one element's attributes into a
//! mounted reader and reports what happens to it.

pub mod options;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::embed::options::{read_embed_options, AddressChooser, READER_ATTRIBUTES};
use crate::pages::{EmbeddedArticlePage, WidgetEvent};
use crate::platform::surface::{ReaderSurface, WidgetRoot};
use crate::reading::validation_report::{ValidationReportRequested, ValidationReportVisibility};

/// A mounted widget. `unmount()` (or garbage collection of the handle) removes the view,
/// runs its cleanups and aborts its requests.
#[wasm_bindgen]
pub struct EmbeddedArticle {
    // The `UnmountHandle`'s type names the whole view; only its `Drop` matters here.
    mounted: Option<Box<dyn std::any::Any>>,
}

#[wasm_bindgen]
impl EmbeddedArticle {
    /// Unmounts the widget; calling it again does nothing.
    pub fn unmount(&mut self) {
        self.mounted = None;
    }
}

/// Mounts a reader into `container`, which must be inside a shadow root. `attributes` is
/// an array of `[name, value]` pairs from the `<lede-article>` element; `report` is called
/// as `report(type, detail)` with `type` one of `load`, `error` and `navigate`.
///
/// Fails, without mounting, when the attributes name no article or `container` is not in
/// a shadow root; the error is a message naming the problem.
#[wasm_bindgen(js_name = mountEmbeddedArticle)]
pub fn mount_embedded_article(
    container: web_sys::HtmlElement,
    attributes: js_sys::Array,
    report: js_sys::Function,
) -> Result<EmbeddedArticle, JsError> {
    let pairs: Vec<(String, String)> = attributes
        .iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    mount_with_attributes(container, &pairs, AddressChooser::HostPage, report)
}

/// Mounts the reader of the widget's frame page (`embed.html`), with the options of the
/// frame page's own URL. Its `src` came from whoever wrote that URL, so it must pass the
/// reader's allow-list, as `/?src=` must: the options are read here, in Rust, rather than
/// handed over by the loader, so that no page can skip the check.
#[wasm_bindgen(js_name = mountFramedArticle)]
pub fn mount_framed_article(
    container: web_sys::HtmlElement,
    report: js_sys::Function,
) -> Result<EmbeddedArticle, JsError> {
    let query = leptos::prelude::window().location().search().unwrap_or_default();
    let pairs: Vec<(String, String)> = READER_ATTRIBUTES
        .iter()
        .filter_map(|name| Some(((*name).to_owned(), crate::platform::url::query_parameter(&query, name)?)))
        .collect();
    mount_with_attributes(container, &pairs, AddressChooser::ReaderAddress, report)
}

fn mount_with_attributes(
    container: web_sys::HtmlElement,
    pairs: &[(String, String)],
    chooser: AddressChooser,
    report: js_sys::Function,
) -> Result<EmbeddedArticle, JsError> {
    let mut read = read_embed_options(pairs.iter().map(|(name, value)| (name.as_str(), value.as_str())))
        .map_err(|message| JsError::new(&message))?;
    read.options.chooser = chooser;
    for warning in &read.warnings {
        leptos::logging::warn!("lede-article {}: {warning}", read.options.source);
    }
    let shadow_root = container
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .map_err(|_| {
            JsError::new(&format!(
                "the widget for {} must be mounted inside a shadow root",
                read.options.source
            ))
        })?;
    let validation_report = (read.options.validation_report == ValidationReportVisibility::Shown).then(|| {
        ValidationReportRequested {
            attribute_warnings: read.warnings.clone(),
        }
    });
    let options = read.options;
    let report = send_wrapper::SendWrapper::new(report);
    let report = Callback::new(move |event: WidgetEvent| {
        let (kind, detail) = describe_event(&event);
        // A host's listener that throws must not reach the widget.
        let _ = report.call2(&JsValue::NULL, &JsValue::from_str(kind), &detail);
    });
    let handle = leptos::mount::mount_to(container, move || {
        provide_context(ReaderSurface::Widget(WidgetRoot::new(shadow_root)));
        if let Some(validation_report) = validation_report {
            provide_context(validation_report);
        }
        view! { <EmbeddedArticlePage options=options report=report /> }
    });
    // While the article downloads: its dates will need the browser's locale data.
    crate::platform::intl::warm_up();
    Ok(EmbeddedArticle {
        mounted: Some(Box::new(handle)),
    })
}

/// The event's type for `lede:{type}` and its `detail` object.
fn describe_event(event: &WidgetEvent) -> (&'static str, JsValue) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        crate::platform::js::set_property(&detail, key, &value);
    };
    let kind = match event {
        WidgetEvent::Loaded { headline, url } => {
            set("headline", JsValue::from_str(headline));
            set("url", JsValue::from_str(url));
            "load"
        }
        WidgetEvent::Failed { reason, message } => {
            set("reason", JsValue::from_str(reason));
            set("message", JsValue::from_str(message));
            "error"
        }
        WidgetEvent::Navigated { url, inside } => {
            set("url", JsValue::from_str(url));
            set("inside", JsValue::from_bool(*inside));
            "navigate"
        }
    };
    (kind, detail.into())
}
