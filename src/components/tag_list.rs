//! The article's topics.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::markup::Markup;

/// A labelled list of topics. Renders nothing when there are none.
#[component]
pub fn TagList(
    /// The topics.
    tags: Vec<String>,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_tag_list(&mut markup, tags);
    markup
}

/// Writes the markup of [`TagList`]: nothing when there are no tags.
pub fn write_tag_list(markup: &mut Markup, tags: Vec<String>) {
    if tags.is_empty() {
        return;
    }
    markup
        .open_with_class("ul", "lede-tag-list")
        .attribute("aria-label", interface_text().topics)
        .attribute("data-testid", "tags");
    for tag in tags {
        markup.open_with_class("li", "lede-tag-list__tag").owned_text(tag).close();
    }
    markup.close();
}
