//! The context note: background the reader may need, in its own box.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::inline_text::write_inline_text;
use crate::components::markup::Markup;
use crate::model::InlineText;

/// A labelled box with the article's context note.
#[component]
pub fn ContextNote(
    /// The note's text.
    text: InlineText,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_context_note(&mut markup, text);
    markup
}

/// Writes the markup of [`ContextNote`], for the view that shows it among the notes.
pub fn write_context_note(markup: &mut Markup, text: InlineText) {
    markup
        .open_with_class("aside", "lede-context-note")
        .attribute("aria-labelledby", "lede-context-note-title")
        .attribute("data-testid", "context-note")
        .open_with_class("h2", "lede-context-note__title")
        .attribute("id", "lede-context-note-title")
        .text(interface_text().context)
        .close()
        .open_with_class("p", "lede-context-note__text");
    write_inline_text(markup, text);
    markup.close().close();
}
