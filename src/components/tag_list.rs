//! The article's topics.

use crate::components::interface_text;
use leptos::prelude::*;

/// A labelled list of topics. Renders nothing when there are none.
#[component]
pub fn TagList(
    /// The topics.
    tags: Vec<String>,
) -> impl IntoView {
    if tags.is_empty() {
        return None;
    }
    let items = tags
        .into_iter()
        .map(|tag| view! { <li class="lede-tag-list__tag">{tag}</li> })
        .collect_view();
    Some(view! {
        <ul class="lede-tag-list" aria-label=interface_text().topics data-testid="tags">{items}</ul>
    })
}
