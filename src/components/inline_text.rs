//! Inline text rendered from structured runs: text nodes inside `<strong>`, `<em>`,
//! `<q>` and `<a>`. Never from an HTML string, so article data cannot inject markup.

use leptos::prelude::*;

use crate::components::markup::Markup;
use crate::model::{InlineText, Run};

/// The runs of `text`, each wrapped in the elements its marks, quote and link call for.
#[component]
pub fn InlineTextView(
    /// The text to show.
    text: InlineText,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_inline_text(&mut markup, text);
    markup
}

/// Writes the markup of [`InlineTextView`], for the components that put inline text in
/// their own markup.
pub fn write_inline_text(markup: &mut Markup, text: InlineText) {
    for run in text.runs {
        write_run(markup, run);
    }
}

// Marks nest innermost first (emphasis inside strong inside the quote inside the link),
// so a linked quote reads as one link and quotation marks surround the emphasis.
fn write_run(markup: &mut Markup, run: Run) {
    let Run {
        text,
        marks,
        link,
        quote_speaker,
    } = run;
    let is_link = link.is_some();
    let is_quote = quote_speaker.is_some();
    if let Some(url) = link {
        markup
            .open_with_class("a", "lede-inline__link")
            .owned_attribute("href", crate::components::address_of(&url))
            .attribute("rel", "noopener noreferrer nofollow");
    }
    if let Some(speaker) = quote_speaker {
        markup
            .open_with_class("q", "lede-inline__quote")
            .owned_attribute("data-speaker", speaker.name);
    }
    if marks.bold {
        markup.open("strong");
    }
    if marks.italic {
        markup.open("em");
    }
    markup.owned_text(text);
    let open_elements = [marks.italic, marks.bold, is_quote, is_link];
    for _ in open_elements.into_iter().filter(|is_open| *is_open) {
        markup.close();
    }
}
