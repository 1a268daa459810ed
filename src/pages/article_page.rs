//! The page for one article: fetch it, then show it, a loading state, or why not.

use leptos::prelude::*;

use crate::api::{fetch_article, FetchError};
use crate::components::{ArticleView, ErrorState, LoadingState};
use crate::model::slug::Slug;

/// Scrolls to the element the address's fragment names, if there is one.
fn scroll_to_location_hash() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(anchor_id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else { return };
    if let Some(target) = document().get_element_by_id(anchor_id) {
        target.scroll_into_view();
    }
}

/// Loads the article `article_id` and shows it. The page is created anew for every
/// article, so leaving it cleans up its resource and aborts a request still under way.
#[component]
pub fn ArticlePage(
    /// The article to show.
    article_id: Slug,
    /// Opens another article inside the reader.
    on_open_article: Callback<Slug>,
) -> impl IntoView {
    let article = LocalResource::new(move || fetch_article(article_id.clone()));

    Effect::new(move || {
        let Some(state) = article.get() else { return };
        let title = match &state {
            Ok(parsed) => {
                for warning in &parsed.warnings {
                    leptos::logging::warn!("article {}: {}: {}", parsed.article.id, warning.path, warning.message);
                }
                parsed.article.headline.clone()
            }
            Err(FetchError::NotFound { .. }) => "Article not found".to_owned(),
            Err(_) => "Article unavailable".to_owned(),
        };
        document().set_title(&title);
        if state.is_ok() {
            // The address may name a section or paragraph (`#florida-meetings`): it exists only
            // now that the article is rendered, so the browser's own jump on load missed it.
            request_animation_frame(scroll_to_location_hash);
        }
    });

    move || match article.get() {
        None => view! { <LoadingState /> }.into_any(),
        Some(Ok(parsed)) => view! { <ArticleView article=parsed.article on_open_article=on_open_article /> }.into_any(),
        Some(Err(error @ FetchError::NotFound { .. })) => view! {
            <ErrorState title="Article not found" message=error.to_string() details=Vec::new() retry=None />
        }
        .into_any(),
        Some(Err(FetchError::Article(error))) => view! {
            // Retrying cannot fix a broken document; the details help whoever can.
            <ErrorState
                title="This article cannot be shown"
                message=error.to_string()
                details=error.problems()
                retry=None
            />
        }
        .into_any(),
        Some(Err(error)) => view! {
            <ErrorState
                title="This article could not be loaded"
                message=error.to_string()
                details=Vec::new()
                retry=Some(Callback::new(move |()| article.refetch()))
            />
        }
        .into_any(),
    }
}
