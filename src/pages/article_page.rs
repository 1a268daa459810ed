//! The page for one article: fetch it, then show it, a loading state, or why not.

use leptos::prelude::*;

use crate::api::{fetch_article, FetchError};
use crate::components::{ArticleView, ErrorState, LoadingState};
use crate::model::slug::Slug;

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
        let title = match article.get() {
            Some(Ok(parsed)) => {
                for warning in &parsed.warnings {
                    leptos::logging::warn!("article {}: {}: {}", parsed.article.id, warning.path, warning.message);
                }
                parsed.article.headline
            }
            Some(Err(FetchError::NotFound { .. })) => "Article not found".to_owned(),
            Some(Err(_)) => "Article unavailable".to_owned(),
            None => return,
        };
        document().set_title(&title);
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
