//! The summary box under the headline.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::InlineTextView;
use crate::model::InlineText;

/// The article's summary in a labelled box.
#[component]
pub fn SummaryBox(
    /// The summary text.
    summary: InlineText,
) -> impl IntoView {
    let words = interface_text();
    view! {
        <section class="lede-summary-box" aria-labelledby="lede-summary-box-title" data-testid="summary">
            <h2 class="lede-summary-box__title" id="lede-summary-box-title">{words.summary}</h2>
            <p class="lede-summary-box__text"><InlineTextView text=summary /></p>
        </section>
    }
}
