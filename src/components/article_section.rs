//! One section of the article body: its heading and blocks.

use leptos::prelude::*;

use crate::components::ArticleBlock;
use crate::model::Section;

/// A `<section>` with an `h2` and its blocks, each with a stable id.
#[component]
pub fn ArticleSection(
    /// The section to show.
    section: Section,
) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    let labelled_by = heading_id.clone();
    let blocks = section
        .blocks
        .into_iter()
        .map(|block| view! { <ArticleBlock block=block /> })
        .collect_view();
    view! {
        <section class="lede-article-section" id=section.id.to_string() aria-labelledby=labelled_by>
            <h2 class="lede-article-section__heading" id=heading_id>{section.heading}</h2>
            {blocks}
        </section>
    }
}
