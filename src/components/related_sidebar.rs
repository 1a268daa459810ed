//! The related-articles sidebar.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::markup::Markup;
use crate::components::related_card::write_related_card;
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
    let mut markup = Markup::new();
    write_related_sidebar(&mut markup, related, &language, navigation);
    markup
}

/// Writes the markup of [`RelatedSidebar`]: nothing when there are no related articles.
pub fn write_related_sidebar(markup: &mut Markup, related: Vec<RelatedArticle>, language: &str, navigation: ArticleNavigation) {
    if related.is_empty() {
        return;
    }
    markup
        .open_with_class("aside", "lede-related-sidebar")
        .attribute("aria-labelledby", "lede-related-sidebar-title")
        .attribute("data-testid", "related")
        .open_with_class("h2", "lede-related-sidebar__title")
        .attribute("id", "lede-related-sidebar-title")
        .text(interface_text().similar_articles)
        .close()
        .open_with_class("ul", "lede-related-sidebar__list");
    for related in related.into_iter().take(MAX_RELATED_CARDS) {
        write_related_card(markup, related, language, navigation);
    }
    markup.close().close();
}
