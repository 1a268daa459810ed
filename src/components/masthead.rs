//! The outlet's masthead at the top of the page.

use leptos::prelude::*;

use crate::components::markup::Markup;

use crate::model::Outlet;

/// The outlet's logo or name as a banner, linked to its home page when there is one.
#[component]
pub fn Masthead(
    /// The publishing outlet.
    outlet: Outlet,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_masthead(&mut markup, outlet);
    markup
}

/// Writes the markup of [`Masthead`], for the view that puts it above its toolbar.
pub fn write_masthead(markup: &mut Markup, outlet: Outlet) {
    // On the reader's page the masthead is the page's banner; in a widget the host's page
    // has its own banner, and the masthead is just the outlet's name.
    markup
        .open_with_class("header", "lede-masthead")
        .attribute("data-testid", "masthead");
    if !crate::platform::surface::ReaderSurface::current().is_page() {
        markup.attribute("role", "none");
    }
    markup.open_with_class("div", "lede-masthead__inner");
    match &outlet.url {
        Some(url) => markup
            .open_with_class("a", "lede-masthead__name")
            .owned_attribute("href", crate::components::address_of(url)),
        None => markup.open_with_class("span", "lede-masthead__name"),
    };
    // The logo stands for the name, so the name is its text alternative.
    match outlet.logo {
        Some(logo) => {
            markup
                .open_with_class("img", "lede-masthead__logo")
                .owned_attribute("src", crate::components::address_of(&logo.fallback_source().url))
                .owned_attribute("srcset", logo.srcset_with(crate::components::address_of))
                .attribute("sizes", "12rem")
                .owned_attribute("width", logo.width.to_string())
                .owned_attribute("height", logo.height.to_string())
                .owned_attribute("alt", outlet.name)
                .close();
        }
        None => {
            markup.owned_text(outlet.name);
        }
    }
    markup.close().close().close();
}
