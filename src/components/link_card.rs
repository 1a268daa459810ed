//! A link to another page, shown as a card. Only a link: no embed, no third-party script.

use leptos::prelude::*;

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
    let host = url.host().to_owned();
    view! {
        <p class="lede-link-card" id=anchor_id>
            <a class="lede-link-card__link" href=crate::components::address_of(&url) rel="noopener noreferrer nofollow">
                <span class="lede-link-card__host">{host}</span>
                <span class="lede-link-card__title">{title}</span>
                {description.map(|description| view! { <span class="lede-link-card__description">{description}</span> })}
            </a>
        </p>
    }
}
