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
    Effect::new(|| {
        document().set_title("Page not found");
        crate::pages::describe_page(None);
    });
    view! {
        <ErrorState title="Page not found" message=format!("there is no page at {path}") details=Vec::new() retry=None />
    }
}
