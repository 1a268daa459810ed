//! One related article in the sidebar.

use leptos::html;
use leptos::tachys::html::node_ref::NodeRefContainer;
use wasm_bindgen::JsCast;
use leptos::prelude::*;

use crate::components::formatted_time::write_formatted_time;
use crate::components::markup::Markup;
use crate::components::TimeStyle;
use crate::model::{RelatedArticle, RelatedTarget};
use crate::platform::observer::{observe_intersections, Observing};
use crate::routing::{is_plain_left_click, ArticleNavigation};

/// A card with the related article's category, headline, summary and date. An article
/// served beside this one opens inside the reader through `navigation`, and is loaded
/// ahead when the card scrolls into view, the pointer reaches its link or the link gets
/// focus; an external one is an ordinary link.
#[component]
pub fn RelatedCard(
    /// The related article.
    related: RelatedArticle,
    /// The language of the surrounding article, for the date.
    #[prop(into)]
    language: String,
    /// Opens and prefetches the article.
    navigation: ArticleNavigation,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_related_card(&mut markup, related, &language, navigation);
    markup
}

/// Writes the markup of [`RelatedCard`], for the sidebar that lists the cards.
pub fn write_related_card(markup: &mut Markup, related: RelatedArticle, language: &str, navigation: ArticleNavigation) {
    let RelatedArticle {
        target,
        headline,
        summary,
        category,
        published,
        image,
    } = related;
    markup
        .open_with_class("li", "lede-related-card")
        .attribute("data-testid", "related-card");
    // The card's picture is decorative: the headline beside it says what it is about.
    if let Some(image) = image {
        markup
            .open_with_class("img", "lede-related-card__image")
            .owned_attribute("src", crate::components::address_of(&image.fallback_source().url))
            .owned_attribute("srcset", image.srcset_with(crate::components::address_of))
            .attribute("sizes", "6rem")
            .owned_attribute("width", image.width.to_string())
            .owned_attribute("height", image.height.to_string())
            .attribute("alt", "")
            .attribute("loading", "lazy")
            .attribute("decoding", "async")
            .close();
    }
    if let Some(category) = category {
        markup
            .open_with_class("p", "lede-related-card__kicker")
            .owned_text(category)
            .close();
    }
    markup.open_with_class("h3", "lede-related-card__headline");
    match target {
        RelatedTarget::Article(article_id) => {
            let href = navigation.href.run(article_id.clone());
            let prefetch_id = article_id.clone();
            let prefetch = move || navigation.prefetch.run(prefetch_id.clone());
            let link = NodeRef::<html::A>::new();
            prefetch_when_visible(link, prefetch.clone());
            let open = move |event: web_sys::MouseEvent| {
                // Ctrl-click and middle-click keep their usual meaning: a new tab.
                if is_plain_left_click(&event) {
                    event.prevent_default();
                    navigation.open.run(article_id.clone());
                }
            };
            // `pointerenter` also fires for a touch, just before the click.
            let prefetch_on_pointer = prefetch.clone();
            markup
                .open_with_class("a", "lede-related-card__link")
                .owned_attribute("href", href)
                .reference(move |element| link.load(&element))
                .on("click", move |event| open(event.unchecked_into()))
                .on("pointerenter", move |_| prefetch_on_pointer())
                .on("focus", move |_| prefetch())
                .owned_text(headline)
                .close();
        }
        RelatedTarget::External(url) => {
            markup
                .open_with_class("a", "lede-related-card__link")
                .owned_attribute("href", crate::components::address_of(&url))
                .attribute("rel", "noopener noreferrer")
                .owned_text(headline)
                .close();
        }
    }
    markup.close();
    if let Some(summary) = summary {
        markup
            .open_with_class("p", "lede-related-card__summary")
            .owned_text(summary)
            .close();
    }
    if let Some(published) = published {
        markup.open_with_class("p", "lede-related-card__time");
        write_formatted_time(markup, &published, language, TimeStyle::Relative);
        markup.close();
    }
    markup.close();
}

/// Calls `prefetch` once, the first time `link` comes into the viewport. Observing stops
/// then, or when the card goes away.
fn prefetch_when_visible(link: NodeRef<html::A>, prefetch: impl Fn() + Clone + 'static) {
    crate::platform::effects::run_effect(move || {
        let Some(element) = link.get_untracked() else { return };
        let prefetch = prefetch.clone();
        let element: web_sys::Element = element.into();
        observe_intersections(&[element], &[], move |entries| {
            if entries.iter().any(web_sys::IntersectionObserverEntry::is_intersecting) {
                prefetch();
                Observing::Stop
            } else {
                Observing::Continue
            }
        });
    });
}
