//! What a reader sees when an article cannot be shown.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::markup::Markup;
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
    let mut markup = Markup::new();
    write_error_state(&mut markup, title, message, details, retry);
    markup
}

/// Writes the markup of [`ErrorState`], for the pages that explain a failure.
pub fn write_error_state(markup: &mut Markup, title: String, message: String, details: Vec<String>, retry: Option<Callback<()>>) {
    let words = interface_text();
    markup
        .open_with_class("div", "lede-error-state")
        .attribute("role", "alert")
        .attribute("data-testid", "error")
        .open_with_class("h1", "lede-error-state__title")
        .attribute("tabindex", "-1")
        .owned_text(title)
        .close()
        .open_with_class("p", "lede-error-state__message")
        .owned_text(message)
        .close();
    if !details.is_empty() {
        markup
            .open_with_class("details", "lede-error-state__details")
            .open("summary")
            .text(words.error_details)
            .close()
            .open("ul");
        for detail in details {
            markup.open("li").open("code").owned_text(detail).close().close();
        }
        markup.close().close();
    }
    markup.open_with_class("p", "lede-error-state__actions");
    if let Some(retry) = retry {
        markup
            .open_with_class("button", "lede-error-state__retry")
            .attribute("type", "button")
            .on("click", move |_| retry.run(()))
            .text(words.try_again)
            .close();
    }
    // A widget's host page has its own front page; the reader's is not the host's to visit.
    if ReaderSurface::current().is_page() {
        markup
            .open_with_class("a", "lede-error-state__home")
            .attribute("href", "/")
            .text(words.go_to_front_article)
            .close();
    }
    markup.close().close();
}
