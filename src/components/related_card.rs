//! One related article in the sidebar.

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::{FormattedTime, TimeStyle};
use crate::model::{RelatedArticle, RelatedTarget};
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
            <a class="lede-related-card__link" href=url.to_string() rel="noopener noreferrer">{headline}</a>
        }
        .into_any(),
    };
    // The card's picture is decorative: the headline beside it says what it is about.
    let picture = image.map(|image| {
        let src = image.fallback_source().url.to_string();
        view! {
            <img class="lede-related-card__image" src=src srcset=image.srcset() sizes="6rem"
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
        let observer_slot: std::rc::Rc<std::cell::RefCell<Option<web_sys::IntersectionObserver>>> = Default::default();
        let slot = observer_slot.clone();
        let prefetch = prefetch.clone();
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let visible = entries
                .iter()
                .filter_map(|entry| entry.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                .any(|entry| entry.is_intersecting());
            if visible {
                prefetch();
                if let Some(observer) = slot.borrow_mut().take() {
                    observer.disconnect();
                }
            }
        });
        let Ok(observer) = web_sys::IntersectionObserver::new(on_change.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&element);
        *observer_slot.borrow_mut() = Some(observer);
        // The closure must live while the observer may call it; both are !Send, and this
        // runs on the browser's single thread.
        let keep_alive = SendWrapper::new((observer_slot, on_change));
        on_cleanup(move || {
            let (slot, _closure) = keep_alive.take();
            let observer = slot.borrow_mut().take();
            if let Some(observer) = observer {
                observer.disconnect();
            }
        });
    });
}
