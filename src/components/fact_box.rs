//! A boxed set of blocks beside the story, such as key facts.

use leptos::prelude::*;

use crate::components::article_block::write_article_block;
use crate::components::markup::Markup;
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
    let mut markup = Markup::new();
    write_fact_box(&mut markup, title, blocks, anchor_id);
    markup
}

/// Writes the markup of [`FactBox`], for the blocks that contain one.
pub fn write_fact_box(markup: &mut Markup, title: String, blocks: Vec<Block>, anchor_id: String) {
    let title_id = format!("{anchor_id}-title");
    markup
        .open_with_class("aside", "lede-fact-box")
        .owned_attribute("id", anchor_id)
        .owned_attribute("aria-labelledby", title_id.clone())
        .open_with_class("h3", "lede-fact-box__title")
        .owned_attribute("id", title_id)
        .owned_text(title)
        .close();
    for block in blocks {
        write_article_block(markup, block);
    }
    markup.close();
}
