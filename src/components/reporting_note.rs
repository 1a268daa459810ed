//! The reporting note at the end of the article: who contributed.

use crate::components::interface_text;
use leptos::prelude::*;

/// A small note crediting contributors, such as a wire agency.
#[component]
pub fn ReportingNote(
    /// The note, such as "The Associated Press contributed to this report."
    #[prop(into)]
    text: String,
) -> impl IntoView {
    view! {
        <footer class="lede-reporting-note" data-testid="reporting-note">
            <p class="lede-reporting-note__text">
                <span class="lede-reporting-note__label">{interface_text().reporting_note}</span>
                {text}
            </p>
        </footer>
    }
}
