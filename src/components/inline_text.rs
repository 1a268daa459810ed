//! Inline text rendered from structured runs: text nodes inside `<strong>`, `<em>`,
//! `<q>` and `<a>`. Never from an HTML string, so article data cannot inject markup.

use leptos::prelude::*;

use crate::model::{InlineText, Run};

/// The runs of `text`, each wrapped in the elements its marks, quote and link call for.
#[component]
pub fn InlineTextView(
    /// The text to show.
    text: InlineText,
) -> impl IntoView {
    text.runs.into_iter().map(run_view).collect_view()
}

// Marks nest innermost first (emphasis inside strong inside the quote inside the link),
// so a linked quote reads as one link and quotation marks surround the emphasis.
fn run_view(run: Run) -> AnyView {
    let Run {
        text,
        marks,
        link,
        quote_speaker,
    } = run;
    let mut view = text.into_any();
    if marks.italic {
        view = view! { <em>{view}</em> }.into_any();
    }
    if marks.bold {
        view = view! { <strong>{view}</strong> }.into_any();
    }
    if let Some(speaker) = quote_speaker {
        view = view! { <q class="lede-inline__quote" data-speaker=speaker.name>{view}</q> }.into_any();
    }
    if let Some(url) = link {
        view = view! {
            <a class="lede-inline__link" href=crate::components::address_of(&url) rel="noopener noreferrer nofollow">{view}</a>
        }
        .into_any();
    }
    view
}
