//! One section of the article body: its heading and blocks.

use leptos::prelude::*;

use crate::components::article_block::write_article_block;
use crate::components::markup::Markup;
use crate::model::{Block, Section};

/// Blocks of a section that are rendered later than its heading, once `is_shown` is true:
/// a long section is split between rendering chunks (`rendering_chunks` in
/// `src/reading/chunks.rs`).
#[derive(Clone, Debug)]
pub struct LaterBlocks {
    /// Whether these blocks are rendered yet.
    pub is_shown: Signal<bool>,
    /// The blocks, in order, following those before them.
    pub blocks: Vec<Block>,
}

/// A `<section>` with an `h2` and its blocks, each with a stable id.
#[component]
pub fn ArticleSection(
    /// The section to show, with the blocks rendered at once.
    section: Section,
    /// The section's remaining blocks, in parts rendered later.
    #[prop(optional)]
    later_blocks: Vec<LaterBlocks>,
) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    let labelled_by = heading_id.clone();
    let mut blocks = Markup::new();
    for block in section.blocks {
        write_article_block(&mut blocks, block);
    }
    let later_blocks = later_blocks
        .into_iter()
        .map(|LaterBlocks { is_shown, blocks }| {
            move || {
                is_shown.get().then(|| {
                    let mut markup = Markup::new();
                    for block in blocks.clone() {
                        write_article_block(&mut markup, block);
                    }
                    markup
                })
            }
        })
        .collect_view();
    view! {
        <section class="lede-article-section" id=section.id.to_string() aria-labelledby=labelled_by>
            <h2 class="lede-article-section__heading" id=heading_id>{section.heading}</h2>
            {blocks}
            {later_blocks}
        </section>
    }
}
