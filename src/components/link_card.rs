//! A link to another page, shown as a card. Only a link: no embed, no third-party script.

use leptos::prelude::*;

use crate::components::markup::Markup;
use crate::model::web_url::WebUrl;

/// A card with the linked page's title, its host and an optional description.
#[component]
pub fn LinkCard(
    /// Where it links; already scheme-checked.
    url: WebUrl,
    /// The page's title.
    #[prop(into)]
    title: String,
    /// A sentence about it.
    description: Option<String>,
    /// The card's anchor id.
    #[prop(into)]
    anchor_id: String,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_link_card(&mut markup, url, title, description, anchor_id);
    markup
}

/// Writes the markup of [`LinkCard`], for the blocks that are one.
pub fn write_link_card(markup: &mut Markup, url: WebUrl, title: String, description: Option<String>, anchor_id: String) {
    markup
        .open_with_class("p", "lede-link-card")
        .owned_attribute("id", anchor_id)
        .open_with_class("a", "lede-link-card__link")
        .owned_attribute("href", crate::components::address_of(&url))
        .attribute("rel", "noopener noreferrer nofollow")
        .open_with_class("span", "lede-link-card__host")
        .owned_text(url.host().to_owned())
        .close()
        .open_with_class("span", "lede-link-card__title")
        .owned_text(title)
        .close();
    if let Some(description) = description {
        markup
            .open_with_class("span", "lede-link-card__description")
            .owned_text(description)
            .close();
    }
    markup.close().close();
}
