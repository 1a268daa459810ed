//! One block of an article's body, whatever its kind.

use leptos::prelude::*;

use crate::components::article_figure::write_article_figure;
use crate::components::fact_box::write_fact_box;
use crate::components::inline_text::write_inline_text;
use crate::components::link_card::write_link_card;
use crate::components::markup::Markup;
use crate::components::permalink::write_permalink;
use crate::components::{ImageLoading, PermalinkKind};
use crate::model::{Block, BlockKind};
use crate::platform::surface::ReaderSurface;

/// A block with its anchor id: a paragraph, sub-heading, quote, pull quote, list, figure,
/// fact box (whose blocks render through this component again), divider or link card.
#[component]
pub fn ArticleBlock(
    /// The block to show.
    block: Block,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_article_block(&mut markup, block);
    markup
}

/// Writes the markup of [`ArticleBlock`], for the components that list blocks.
pub fn write_article_block(markup: &mut Markup, block: Block) {
    let id = block.id.to_string();
    match block.kind {
        BlockKind::Paragraph(text) => {
            markup
                .open_with_class("p", "lede-article-block__paragraph")
                .owned_attribute("id", id.clone());
            write_inline_text(markup, text);
            write_block_permalink(markup, id, PermalinkKind::Paragraph);
            markup.close();
        }
        BlockKind::Subheading(text) => {
            markup
                .open_with_class("h3", "lede-article-block__subheading")
                .owned_attribute("id", id)
                .owned_text(text)
                .close();
        }
        BlockKind::Quote { text, speaker } => {
            markup
                .open_with_class("figure", "lede-article-block__quote")
                .owned_attribute("id", id.clone())
                .open_with_class("blockquote", "lede-article-block__quote-text")
                .open("p");
            write_inline_text(markup, text);
            markup
                .close()
                .close()
                .open_with_class("figcaption", "lede-article-block__quote-speaker")
                .owned_text(speaker.attribution());
            write_block_permalink(markup, id, PermalinkKind::Quote);
            markup.close().close();
        }
        BlockKind::PullQuote { text, speaker } => {
            markup
                .open_with_class("aside", "lede-article-block__pull-quote")
                .owned_attribute("id", id)
                .open_with_class("p", "lede-article-block__pull-quote-text")
                .owned_text(text)
                .close();
            if let Some(speaker) = speaker {
                markup
                    .open_with_class("p", "lede-article-block__pull-quote-speaker")
                    .owned_text(speaker.attribution())
                    .close();
            }
            markup.close();
        }
        BlockKind::List { ordered, items } => {
            markup
                .open_with_class(if ordered { "ol" } else { "ul" }, "lede-article-block__list")
                .owned_attribute("id", id);
            for item in items {
                markup.open("li");
                write_inline_text(markup, item);
                markup.close();
            }
            markup.close();
        }
        BlockKind::Figure(image) => write_article_figure(markup, image, id, ImageLoading::Lazy),
        BlockKind::FactBox { title, blocks } => write_fact_box(markup, title, blocks, id),
        BlockKind::Divider => {
            markup
                .open_with_class("hr", "lede-article-block__divider")
                .owned_attribute("id", id)
                .close();
        }
        BlockKind::LinkCard { url, title, description } => write_link_card(markup, url, title, description, id),
    }
}

/// The link to the block `anchor_id`, on the reader's own page. In a widget the anchor
/// lives in a shadow root on someone else's page, where no address can reach it.
fn write_block_permalink(markup: &mut Markup, anchor_id: String, kind: PermalinkKind) {
    if ReaderSurface::current().is_page() {
        write_permalink(markup, anchor_id, kind);
    }
}
