//! One section of the article body: its heading and blocks.

use leptos::prelude::*;

use crate::components::InlineTextView;
use crate::model::{Block, BlockKind, Section};

/// A `<section>` with an `h2` and its paragraphs and quotes, each with a stable id.
#[component]
pub fn ArticleSection(
    /// The section to show.
    section: Section,
) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    let labelled_by = heading_id.clone();
    let blocks = section.blocks.into_iter().map(block_view).collect_view();
    view! {
        <section class="lede-article-section" id=section.id.to_string() aria-labelledby=labelled_by>
            <h2 class="lede-article-section__heading" id=heading_id>{section.heading}</h2>
            {blocks}
        </section>
    }
}

fn block_view(block: Block) -> AnyView {
    let id = block.id.to_string();
    match block.kind {
        BlockKind::Paragraph(text) => view! {
            <p class="lede-article-section__paragraph" id=id><InlineTextView text=text /></p>
        }
        .into_any(),
        BlockKind::Quote { text, speaker } => {
            let attribution = match speaker.role {
                Some(role) => format!("{}, {role}", speaker.name),
                None => speaker.name,
            };
            view! {
                <figure class="lede-article-section__quote" id=id>
                    <blockquote class="lede-article-section__quote-text"><p><InlineTextView text=text /></p></blockquote>
                    <figcaption class="lede-article-section__quote-speaker">{attribution}</figcaption>
                </figure>
            }
            .into_any()
        }
    }
}
