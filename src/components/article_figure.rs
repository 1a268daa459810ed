//! A picture with its caption and credit.

use leptos::prelude::*;

use crate::components::InlineTextView;
use crate::model::Image;

/// When a picture's file should load.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ImageLoading {
    /// Right away: the lead picture, which is often the largest thing on the first screen.
    Eager,
    /// When it nears the viewport: pictures further down.
    #[default]
    Lazy,
}

/// A `<figure>` whose `<img>` carries `width` and `height`, so the browser reserves the
/// space before the file arrives and nothing below it jumps.
#[component]
pub fn ArticleFigure(
    /// The picture.
    image: Image,
    /// The figure's anchor id.
    #[prop(into)]
    anchor_id: String,
    /// When the file should load.
    loading: ImageLoading,
) -> impl IntoView {
    let src = crate::components::address_of(&image.fallback_source().url);
    let srcset = image.srcset_with(crate::components::address_of);
    let Image {
        width,
        height,
        alt,
        caption,
        credit,
        ..
    } = image;
    let has_caption = caption.is_some() || credit.is_some();
    let loading = match loading {
        ImageLoading::Eager => "eager",
        ImageLoading::Lazy => "lazy",
    };
    view! {
        <figure class="lede-article-figure" id=anchor_id>
            <img
                class="lede-article-figure__image"
                src=src
                srcset=srcset
                sizes="(min-width: 1024px) 40rem, 100vw"
                width=width
                height=height
                alt=alt
                loading=loading
                decoding="async"
            />
            {has_caption.then(|| view! {
                <figcaption class="lede-article-figure__caption">
                    {caption.map(|caption| view! { <InlineTextView text=caption /> })}
                    {credit.map(|credit| view! { " " <span class="lede-article-figure__credit">{credit}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
