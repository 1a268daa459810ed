//! One related article in the sidebar.

use leptos::html;
use leptos::prelude::*;

use crate::components::{FormattedTime, TimeStyle};
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
    let RelatedArticle {
        target,
        headline,
        summary,
        category,
        published,
        image,
    } = related;
    let link = match target {
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
            view! {
                <a class="lede-related-card__link" href=href node_ref=link on:click=open
                    on:pointerenter={let prefetch = prefetch.clone(); move |_| prefetch()} on:focus=move |_| prefetch()>
                    {headline}
                </a>
            }
            .into_any()
        }
        RelatedTarget::External(url) => view! {
            <a class="lede-related-card__link" href=crate::components::address_of(&url) rel="noopener noreferrer">{headline}</a>
        }
        .into_any(),
    };
    // The card's picture is decorative: the headline beside it says what it is about.
    let picture = image.map(|image| {
        let src = crate::components::address_of(&image.fallback_source().url);
        view! {
            <img class="lede-related-card__image" src=src srcset=image.srcset_with(crate::components::address_of) sizes="6rem"
                width=image.width height=image.height alt="" loading="lazy" decoding="async" />
        }
    });
    view! {
        <li class="lede-related-card" data-testid="related-card">
            {picture}
            {category.map(|category| view! { <p class="lede-related-card__kicker">{category}</p> })}
            <h3 class="lede-related-card__headline">{link}</h3>
            {summary.map(|summary| view! { <p class="lede-related-card__summary">{summary}</p> })}
            {published.map(|published| view! {
                <p class="lede-related-card__time"><FormattedTime timestamp=published language=language style=TimeStyle::Relative /></p>
            })}
        </li>
    }
}

/// Calls `prefetch` once, the first time `link` comes into the viewport. Observing stops
/// then, or when the card goes away.
fn prefetch_when_visible(link: NodeRef<html::A>, prefetch: impl Fn() + Clone + 'static) {
    Effect::new(move || {
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
