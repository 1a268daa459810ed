//! One block of an article's body, whatever its kind.

use leptos::prelude::*;

use crate::components::{ArticleFigure, FactBox, ImageLoading, InlineTextView, LinkCard, Permalink, PermalinkKind};
use crate::model::{Block, BlockKind};
use crate::platform::surface::ReaderSurface;

/// A block with its anchor id: a paragraph, sub-heading, quote, pull quote, list, figure,
/// fact box (whose blocks render through this component again), divider or link card.
#[component]
pub fn ArticleBlock(
    /// The block to show.
    block: Block,
) -> impl IntoView {
    block_view(block)
}

// Returns `AnyView` because fact boxes make the view recursive, and a recursive view type
// must be erased to have a size.
fn block_view(block: Block) -> AnyView {
    let id = block.id.to_string();
    // A permalink names a place on the reader's own page. In a widget the anchor lives in
    // a shadow root on someone else's page, where no address can reach it.
    let has_permalinks = ReaderSurface::current().is_page();
    match block.kind {
        BlockKind::Paragraph(text) => {
            let link_target = id.clone();
            view! {
                <p class="lede-article-block__paragraph" id=id>
                    <InlineTextView text=text />
                    {has_permalinks.then(|| view! { <Permalink anchor_id=link_target kind=PermalinkKind::Paragraph /> })}
                </p>
            }
            .into_any()
        }
        BlockKind::Subheading(text) => view! { <h3 class="lede-article-block__subheading" id=id>{text}</h3> }.into_any(),
        BlockKind::Quote { text, speaker } => {
            let link_target = id.clone();
            view! {
            <figure class="lede-article-block__quote" id=id>
                <blockquote class="lede-article-block__quote-text"><p><InlineTextView text=text /></p></blockquote>
                <figcaption class="lede-article-block__quote-speaker">
                    {speaker.attribution()}
                    {has_permalinks.then(|| view! { <Permalink anchor_id=link_target kind=PermalinkKind::Quote /> })}
                </figcaption>
            </figure>
            }
            .into_any()
        }
        BlockKind::PullQuote { text, speaker } => view! {
            <aside class="lede-article-block__pull-quote" id=id>
                <p class="lede-article-block__pull-quote-text">{text}</p>
                {speaker.map(|speaker| view! { <p class="lede-article-block__pull-quote-speaker">{speaker.attribution()}</p> })}
            </aside>
        }
        .into_any(),
        BlockKind::List { ordered, items } => {
            let items = items.into_iter().map(|item| view! { <li><InlineTextView text=item /></li> }).collect_view();
            if ordered {
                view! { <ol class="lede-article-block__list" id=id>{items}</ol> }.into_any()
            } else {
                view! { <ul class="lede-article-block__list" id=id>{items}</ul> }.into_any()
            }
        }
        BlockKind::Figure(image) => view! { <ArticleFigure image=image anchor_id=id loading=ImageLoading::Lazy /> }.into_any(),
        BlockKind::FactBox { title, blocks } => view! { <FactBox title=title blocks=blocks anchor_id=id /> }.into_any(),
        BlockKind::Divider => view! { <hr class="lede-article-block__divider" id=id /> }.into_any(),
        BlockKind::LinkCard { url, title, description } => {
            view! { <LinkCard url=url title=title description=description anchor_id=id /> }.into_any()
        }
    }
}
