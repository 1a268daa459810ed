//! What a reader sees while an article loads.

use crate::components::interface_text;
use leptos::prelude::*;

/// A skeleton of the reading view with the same rough heights as an article, so that
/// the page does not jump when it arrives, and a status message for screen readers. A thin
/// bar at the top appears only if loading takes longer than 150 ms (CSS alone times it).
#[component]
pub fn LoadingState() -> impl IntoView {
    view! {
        <div class="lede-loading-state" role="status" data-testid="loading">
            <div class="lede-loading-state__progress" aria-hidden="true"></div>
            <span class="lede-loading-state__label lede-visually-hidden">{interface_text().loading}</span>
            <div class="lede-loading-state__bar lede-loading-state__bar--kicker"></div>
            <div class="lede-loading-state__bar lede-loading-state__bar--headline"></div>
            <div class="lede-loading-state__bar lede-loading-state__bar--headline"></div>
            <div class="lede-loading-state__box"></div>
            <div class="lede-loading-state__bar"></div>
            <div class="lede-loading-state__bar"></div>
            <div class="lede-loading-state__bar lede-loading-state__bar--short"></div>
        </div>
    }
}
