//! The context note: background the reader may need, in its own box.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::InlineTextView;
use crate::model::InlineText;

/// A labelled box with the article's context note.
#[component]
pub fn ContextNote(
    /// The note's text.
    text: InlineText,
) -> impl IntoView {
    view! {
        <aside class="lede-context-note" aria-labelledby="lede-context-note-title" data-testid="context-note">
            <h2 class="lede-context-note__title" id="lede-context-note-title">{interface_text().context}</h2>
            <p class="lede-context-note__text"><InlineTextView text=text /></p>
        </aside>
    }
}
