//! A boxed set of blocks beside the story, such as key facts.

use leptos::prelude::*;

use crate::components::ArticleBlock;
use crate::model::Block;

/// An `aside` with a title and its blocks.
#[component]
pub fn FactBox(
    /// The box's title.
    #[prop(into)]
    title: String,
    /// Its blocks.
    blocks: Vec<Block>,
    /// The box's anchor id.
    #[prop(into)]
    anchor_id: String,
) -> impl IntoView {
    let title_id = format!("{anchor_id}-title");
    let labelled_by = title_id.clone();
    let blocks = blocks
        .into_iter()
        .map(|block| view! { <ArticleBlock block=block /> })
        .collect_view();
    view! {
        <aside class="lede-fact-box" id=anchor_id aria-labelledby=labelled_by>
            <h3 class="lede-fact-box__title" id=title_id>{title}</h3>
            {blocks}
        </aside>
    }
}
