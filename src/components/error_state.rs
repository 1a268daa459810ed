//! What a reader sees when an article cannot be shown.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::platform::surface::ReaderSurface;

/// What went wrong, in words for a reader, with technical details folded away for the
/// outlet's developers and, where trying again can help, a Retry button.
#[component]
pub fn ErrorState(
    /// A short heading, such as "This article could not be loaded".
    #[prop(into)]
    title: String,
    /// What the reader can do, in plain words.
    #[prop(into)]
    message: String,
    /// The exact messages and problems, for the folded details list; may be empty.
    details: Vec<String>,
    /// Tries again; `None` when trying again cannot help.
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let words = interface_text();
    let details = (!details.is_empty()).then(|| {
        let items = details
            .into_iter()
            .map(|detail| view! { <li><code>{detail}</code></li> })
            .collect_view();
        view! {
            <details class="lede-error-state__details">
                <summary>{words.error_details}</summary>
                <ul>{items}</ul>
            </details>
        }
    });
    let retry_button = retry.map(|retry| {
        view! {
            <button class="lede-error-state__retry" type="button" on:click=move |_| retry.run(())>{words.try_again}</button>
        }
    });
    // A widget's host page has its own front page; the reader's is not the host's to visit.
    let home_link = ReaderSurface::current()
        .is_page()
        .then(|| view! { <a class="lede-error-state__home" href="/">{words.go_to_front_article}</a> });
    view! {
        <div class="lede-error-state" role="alert" data-testid="error">
            <h1 class="lede-error-state__title" tabindex="-1">{title}</h1>
            <p class="lede-error-state__message">{message}</p>
            {details}
            <p class="lede-error-state__actions">
                {retry_button}
                {home_link}
            </p>
        </div>
    }
}
