//! Corrections and updates made after publication, with their times.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::{FormattedTime, InlineTextView};
use crate::model::Correction;

/// "Corrections and updates": each change with when it was made. Renders nothing when
/// there are none.
#[component]
pub fn CorrectionsList(
    /// The corrections, oldest first.
    corrections: Vec<Correction>,
    /// The article's language, for formatting times.
    #[prop(into)]
    language: String,
) -> impl IntoView {
    if corrections.is_empty() {
        return None;
    }
    let items = corrections
        .into_iter()
        .map(|correction| {
            view! {
                <li class="lede-corrections-list__item">
                    <FormattedTime timestamp=correction.time language=language.clone() />
                    ": "
                    <InlineTextView text=correction.text />
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="lede-corrections-list" aria-labelledby="lede-corrections-list-title" data-testid="corrections">
            <h2 class="lede-corrections-list__title" id="lede-corrections-list-title">{interface_text().corrections}</h2>
            <ul class="lede-corrections-list__items">{items}</ul>
        </section>
    })
}
