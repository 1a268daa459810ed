//! A paragraph's or quote's "copy link" action.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What the last press of the button did, announced to screen readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopyOutcome {
    Idle,
    Shared,
    Copied,
    InAddressBar,
}

/// A small button after a block that shares its permalink with the Web Share API where the
/// browser has it (phones), or copies it to the clipboard. Where neither is allowed the
/// link is put in the address bar instead, so the reader can still copy it.
#[component]
pub fn PermalinkButton(
    /// The block's anchor id.
    #[prop(into)]
    anchor_id: String,
    /// What the block is, for the button's name: "paragraph" or "quote".
    what: &'static str,
) -> impl IntoView {
    let (outcome, set_outcome) = signal(CopyOutcome::Idle);
    let share = move |_| {
        let anchor_id = anchor_id.clone();
        leptos::task::spawn_local(async move {
            set_outcome.set(share_or_copy(&anchor_id).await);
        });
    };
    let announcement = move || match outcome.get() {
        CopyOutcome::Idle => "",
        CopyOutcome::Shared => "Link shared",
        CopyOutcome::Copied => "Link copied",
        CopyOutcome::InAddressBar => "Link is in the address bar",
    };
    view! {
        <button class="lede-permalink-button" type="button" on:click=share data-testid="permalink">
            <span aria-hidden="true">"¶"</span>
            <span class="lede-permalink-button__label lede-visually-hidden">{format!("Copy link to this {what}")}</span>
        </button>
        <span class="lede-permalink-button__status lede-visually-hidden" role="status">{announcement}</span>
    }
}

/// The address of this page with `#anchor_id`.
fn permalink(anchor_id: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    format!("{origin}{path}{query}#{anchor_id}")
}

// Every call goes through `Reflect`, which returns errors: `navigator.clipboard` is
// undefined outside secure contexts, and a call through a missing binding would throw
// into the wasm module and take every widget on the page down with it.
async fn share_or_copy(anchor_id: &str) -> CopyOutcome {
    let url = permalink(anchor_id);
    let navigator = js_sys::Reflect::get(&window(), &JsValue::from_str("navigator")).unwrap_or(JsValue::UNDEFINED);
    if let Some(promise) = call_method(&navigator, "share", &share_data(&url)) {
        if JsFuture::from(promise).await.is_ok() {
            return CopyOutcome::Shared;
        }
    }
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).unwrap_or(JsValue::UNDEFINED);
    if let Some(promise) = call_method(&clipboard, "writeText", &JsValue::from_str(&url)) {
        if JsFuture::from(promise).await.is_ok() {
            return CopyOutcome::Copied;
        }
    }
    let _ = window().location().set_hash(anchor_id);
    CopyOutcome::InAddressBar
}

fn share_data(url: &str) -> JsValue {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(url));
    let _ = js_sys::Reflect::set(
        &data,
        &JsValue::from_str("title"),
        &JsValue::from_str(&document().title()),
    );
    data.into()
}

/// `target[name](argument)` if it is a function that returns a promise.
fn call_method(target: &JsValue, name: &str, argument: &JsValue) -> Option<js_sys::Promise> {
    if target.is_undefined() || target.is_null() {
        return None;
    }
    let method: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    method.call1(target, argument).ok()?.dyn_into().ok()
}
