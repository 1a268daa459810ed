//! The page for an address the reader does not know.

use leptos::prelude::*;

use crate::components::error_state::write_error_state;
use crate::components::markup::Markup;

/// Says that nothing lives at `path` and offers the front article.
#[component]
pub fn NotFoundPage(
    /// The path that was asked for.
    #[prop(into)]
    path: String,
) -> impl IntoView {
    let words = crate::components::interface_text();
    crate::platform::effects::run_effect(move || {
        document().set_title(words.page_not_found);
        crate::pages::describe_page(None);
    });
    let mut markup = Markup::new();
    write_error_state(&mut markup, words.page_not_found.to_owned(), format!("{}{path}", words.no_page_at), Vec::new(), None);
    markup
}
