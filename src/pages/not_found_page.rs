//! The page for an address the reader does not know.

use leptos::prelude::*;

use crate::components::ErrorState;

/// Says that nothing lives at `path` and offers the front article.
#[component]
pub fn NotFoundPage(
    /// The path that was asked for.
    #[prop(into)]
    path: String,
) -> impl IntoView {
    let words = crate::components::interface_text();
    Effect::new(move || {
        document().set_title(words.page_not_found);
        crate::pages::describe_page(None);
    });
    view! {
        <ErrorState title=words.page_not_found message=format!("{}{path}", words.no_page_at) details=Vec::new() retry=None />
    }
}
