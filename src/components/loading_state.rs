//! What a reader sees while an article loads.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::markup::Markup;

/// A skeleton of the reading view with the same rough heights as an article, so that
/// the page does not jump when it arrives, and a status message for screen readers. A thin
/// bar at the top appears only if loading takes longer than 150 ms (CSS alone times it).
#[component]
pub fn LoadingState() -> impl IntoView {
    let mut markup = Markup::new();
    write_loading_state(&mut markup);
    markup
}

/// Writes the markup of [`LoadingState`], for the pages that wait for an article.
pub fn write_loading_state(markup: &mut Markup) {
    markup
        .open_with_class("div", "lede-loading-state")
        .attribute("role", "status")
        .attribute("data-testid", "loading")
        .open_with_class("div", "lede-loading-state__progress")
        .attribute("aria-hidden", "true")
        .close()
        .open_with_class("span", "lede-loading-state__label lede-visually-hidden")
        .text(interface_text().loading)
        .close();
    let bars = [
        "lede-loading-state__bar lede-loading-state__bar--kicker",
        "lede-loading-state__bar lede-loading-state__bar--headline",
        "lede-loading-state__bar lede-loading-state__bar--headline",
        "lede-loading-state__box",
        "lede-loading-state__bar",
        "lede-loading-state__bar",
        "lede-loading-state__bar lede-loading-state__bar--short",
    ];
    for class in bars {
        markup.open_with_class("div", class).close();
    }
    markup.close();
}
