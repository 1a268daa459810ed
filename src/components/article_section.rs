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
    let mut markup = Markup::new();
    write_article_section(&mut markup, section, later_blocks);
    markup
}

/// Writes the markup of [`ArticleSection`], for the view that lists the sections.
pub fn write_article_section(markup: &mut Markup, section: Section, later_blocks: Vec<LaterBlocks>) {
    let heading_id = format!("{}-heading", section.id);
    markup
        .open_with_class("section", "lede-article-section")
        .owned_attribute("id", section.id.to_string())
        .owned_attribute("aria-labelledby", heading_id.clone())
        .open_with_class("h2", "lede-article-section__heading")
        .owned_attribute("id", heading_id)
        .owned_text(section.heading)
        .close();
    for block in section.blocks {
        write_article_block(markup, block);
    }
    for LaterBlocks { is_shown, blocks } in later_blocks {
        let later = move || {
            is_shown.get().then(|| {
                let mut markup = Markup::new();
                for block in blocks.clone() {
                    write_article_block(&mut markup, block);
                }
                markup
            })
        };
        markup.view(later.into_any());
    }
    markup.close();
}
