//! A paragraph's or quote's permalink, which shares or copies its address when pressed,
//! and the one live region where every permalink of a reading view says what its last
//! press did.
//!
//! A long article has thousands of these, so each is one plain inline link with no
//! positioned or atomic parts, and the two costs below were measured on the benchmark's
//! 5,000-paragraph article (docs/performance.md):
//! - It was a `<button>`, which browsers always lay out as an atomic inline box. With one
//!   in every paragraph, Chromium's pre-paint after appending a paragraph took about 6 ms
//!   at full speed instead of 1.5 ms, and it made most of the long tasks left at 4× CPU
//!   throttling while the rest of the article was rendered. A link can be a plain inline
//!   box.
//! - It carried a visually hidden label and a `role=status` region, both positioned
//!   absolutely inside a positioned block: 15,000 paint layers, and each hit test (every
//!   mouse move, every layout under the pointer) took 13 ms instead of 0.01 ms. The name is
//!   now an `aria-label`, and outcomes are announced in the view's one region.
//! - Each had a click handler of its own. The reading view now handles every permalink's
//!   press in its one click handler ([`share_pressed_permalink`]), and a permalink is plain
//!   markup (decision 023).
//!
//! Being a link also gives the reader what a link gives: the browser's "copy link
//! address", opening it in a new tab with a modified click, and, before the wasm has
//! loaded or if it failed, the plain jump to the paragraph.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::components::markup::Markup;
use crate::interface_text::InterfaceText;
use crate::platform::js;
use crate::routing::is_plain_left_click;

/// What the last press of a permalink did, announced to screen readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopyOutcome {
    Idle,
    Shared,
    Copied,
    InAddressBar,
}

/// The reading view's one live region for permalinks. [`crate::components::ArticleView`]
/// makes it, renders [`PermalinkAnnouncements::text`] in a `role=status` element and
/// passes it to [`share_pressed_permalink`]; permalinks outside such a view do nothing
/// special when pressed, and jump to their block as plain links.
#[derive(Clone, Copy)]
pub struct PermalinkAnnouncements {
    last_outcome: RwSignal<CopyOutcome>,
}

impl PermalinkAnnouncements {
    /// Nothing announced yet.
    pub fn new() -> Self {
        Self {
            last_outcome: RwSignal::new(CopyOutcome::Idle),
        }
    }

    /// What the region says, in `words`: the outcome of the last press, or nothing.
    pub fn text(self, words: &InterfaceText) -> &'static str {
        match self.last_outcome.get() {
            CopyOutcome::Idle => "",
            CopyOutcome::Shared => words.link_shared,
            CopyOutcome::Copied => words.link_copied,
            CopyOutcome::InAddressBar => words.link_in_address_bar,
        }
    }

    fn announce(self, outcome: CopyOutcome) {
        self.last_outcome.set(outcome);
    }
}

impl Default for PermalinkAnnouncements {
    fn default() -> Self {
        Self::new()
    }
}

/// What a permalink links to, which names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PermalinkKind {
    /// A paragraph.
    Paragraph,
    /// A block quote.
    Quote,
}

/// A small "¶" link after a block, to the block. A plain press shares the address with the
/// Web Share API where the browser has it (phones), or copies it to the clipboard; where
/// neither is allowed the address is put in the address bar instead, so the reader can
/// still copy it. Modified presses are the browser's.
///
/// The press is handled by the reading view that contains the link
/// ([`share_pressed_permalink`]), once for all of them: a long article has thousands, and
/// a handler each cost a listener and a closure per paragraph.
#[component]
pub fn Permalink(
    /// The block's anchor id.
    #[prop(into)]
    anchor_id: String,
    /// What the block is, for the link's name.
    kind: PermalinkKind,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_permalink(&mut markup, anchor_id, kind);
    markup
}

/// Writes the markup of [`Permalink`], for the blocks that end with one.
pub fn write_permalink(markup: &mut Markup, anchor_id: String, kind: PermalinkKind) {
    let words = crate::components::interface_text();
    let name = match kind {
        PermalinkKind::Paragraph => words.copy_link_to_paragraph,
        PermalinkKind::Quote => words.copy_link_to_quote,
    };
    // A line may break before the link: otherwise the block's last word, which has no
    // space before the link, would wrap with it and stand alone on a line of its own.
    markup
        .open("wbr")
        .close()
        .open_with_class("a", PERMALINK_CLASS)
        .owned_attribute("href", format!("#{anchor_id}"))
        .attribute("aria-label", name)
        .attribute("data-testid", "permalink")
        .text("¶")
        .close();
}

/// The class that marks a permalink, for the reading view to recognise presses on one.
const PERMALINK_CLASS: &str = "lede-permalink";

/// Shares or copies the address of the permalink that `event`, a click somewhere in a
/// reading view, pressed, and announces the outcome in `announcements`. True if the click
/// was a plain press on a permalink, which it has handled; false otherwise, for the view to
/// handle the click as it would.
pub fn share_pressed_permalink(event: &web_sys::MouseEvent, announcements: Option<PermalinkAnnouncements>) -> bool {
    if !is_plain_left_click(event) {
        return false;
    }
    let anchor_id = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|target| target.closest(&format!("a.{PERMALINK_CLASS}")).ok().flatten())
        .and_then(|link| link.get_attribute("href"))
        .and_then(|href| href.strip_prefix('#').map(str::to_owned));
    let Some(anchor_id) = anchor_id else {
        return false;
    };
    event.prevent_default();
    leptos::task::spawn_local(async move {
        let outcome = share_or_copy(&anchor_id).await;
        if let Some(announcements) = announcements {
            announcements.announce(outcome);
        }
    });
    true
}

/// The address of this page with `#anchor_id`.
fn permalink(anchor_id: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    format!("{origin}{path}{query}#{anchor_id}")
}

// Every call goes through `platform::js`, where a missing method reads as "not there":
// `navigator.clipboard` is undefined outside secure contexts, and a call through a missing
// binding would throw into the wasm module and take every widget on the page down with it.
async fn share_or_copy(anchor_id: &str) -> CopyOutcome {
    let url = permalink(anchor_id);
    let navigator = js::property(&window(), "navigator");
    let share_data = js::object_of_strings(&[("url", &url), ("title", &document().title())]);
    if let Some(promise) = call_promise_method(&navigator, "share", &share_data) {
        if JsFuture::from(promise).await.is_ok() {
            return CopyOutcome::Shared;
        }
    }
    let clipboard = js::property(&navigator, "clipboard");
    if let Some(promise) = call_promise_method(&clipboard, "writeText", &JsValue::from_str(&url)) {
        if JsFuture::from(promise).await.is_ok() {
            return CopyOutcome::Copied;
        }
    }
    let _ = window().location().set_hash(anchor_id);
    CopyOutcome::InAddressBar
}

/// `target[name](argument)` if it is a function that returns a promise.
fn call_promise_method(target: &JsValue, name: &str, argument: &JsValue) -> Option<js_sys::Promise> {
    js::call_method(target, name, &[argument])?.dyn_into().ok()
}
