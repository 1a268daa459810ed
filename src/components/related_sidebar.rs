//! The related-articles sidebar.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::RelatedCard;
use crate::model::RelatedArticle;
use crate::routing::ArticleNavigation;

/// The most related articles shown; more would push the useful ones out of sight.
pub const MAX_RELATED_CARDS: usize = 6;

/// "Similar articles": up to [`MAX_RELATED_CARDS`] cards. Renders nothing at all, not
/// even an empty box, when there are none.
#[component]
pub fn RelatedSidebar(
    /// The related articles, most relevant first.
    related: Vec<RelatedArticle>,
    /// The language of the surrounding article.
    #[prop(into)]
    language: String,
    /// Opens and prefetches the related articles.
    navigation: ArticleNavigation,
) -> impl IntoView {
    if related.is_empty() {
        return None;
    }
    let cards = related
        .into_iter()
        .take(MAX_RELATED_CARDS)
        .map(|related| view! { <RelatedCard related=related language=language.clone() navigation=navigation /> })
        .collect_view();
    Some(view! {
        <aside class="lede-related-sidebar" aria-labelledby="lede-related-sidebar-title" data-testid="related">
            <h2 class="lede-related-sidebar__title" id="lede-related-sidebar-title">{interface_text().similar_articles}</h2>
            <ul class="lede-related-sidebar__list">{cards}</ul>
        </aside>
    })
}
