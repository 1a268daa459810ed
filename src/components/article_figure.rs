//! A picture with its caption and credit.

use leptos::prelude::*;

use crate::components::inline_text::write_inline_text;
use crate::components::markup::Markup;
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
    let mut markup = Markup::new();
    write_article_figure(&mut markup, image, anchor_id, loading);
    markup
}

/// Writes the markup of [`ArticleFigure`], for the components that show pictures among
/// other markup.
pub fn write_article_figure(markup: &mut Markup, image: Image, anchor_id: String, loading: ImageLoading) {
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
    markup
        .open_with_class("figure", "lede-article-figure")
        .owned_attribute("id", anchor_id)
        .open_with_class("img", "lede-article-figure__image")
        .owned_attribute("src", src)
        .owned_attribute("srcset", srcset)
        .attribute("sizes", "(min-width: 1024px) 40rem, 100vw")
        .owned_attribute("width", width.to_string())
        .owned_attribute("height", height.to_string())
        .owned_attribute("alt", alt)
        .attribute("loading", loading)
        .attribute("decoding", "async")
        .close();
    if has_caption {
        markup.open_with_class("figcaption", "lede-article-figure__caption");
        if let Some(caption) = caption {
            write_inline_text(markup, caption);
        }
        if let Some(credit) = credit {
            markup
                .text(" ")
                .open_with_class("span", "lede-article-figure__credit")
                .owned_text(credit)
                .close();
        }
        markup.close();
    }
    markup.close();
}
