//! The notice shown while the browser is offline.

use leptos::prelude::*;

/// A polite status line: the reader is offline, and the article will load when the
/// connection returns.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    view! {
        <p class="lede-offline-notice" role="status" data-testid="offline">
            "You are offline. The article will load as soon as the connection returns."
        </p>
    }
}
