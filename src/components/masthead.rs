//! The outlet's masthead at the top of the page.

use leptos::prelude::*;

use crate::model::Outlet;

/// The outlet's logo or name as a banner, linked to its home page when there is one.
#[component]
pub fn Masthead(
    /// The publishing outlet.
    outlet: Outlet,
) -> impl IntoView {
    // The logo stands for the name, so the name is its text alternative.
    let identity = match outlet.logo {
        Some(logo) => {
            let src = crate::components::address_of(&logo.fallback_source().url);
            view! {
                <img class="lede-masthead__logo" src=src srcset=logo.srcset_with(crate::components::address_of) sizes="12rem"
                    width=logo.width height=logo.height alt=outlet.name.clone() />
            }
            .into_any()
        }
        None => outlet.name.clone().into_any(),
    };
    let name = match outlet.url {
        Some(url) => view! { <a class="lede-masthead__name" href=crate::components::address_of(&url)>{identity}</a> }.into_any(),
        None => view! { <span class="lede-masthead__name">{identity}</span> }.into_any(),
    };
    // On the reader's page the masthead is the page's banner; in a widget the host's page
    // has its own banner, and the masthead is just the outlet's name.
    let role = (!crate::platform::surface::ReaderSurface::current().is_page()).then_some("none");
    view! {
        <header class="lede-masthead" data-testid="masthead" role=role>
            <div class="lede-masthead__inner">{name}</div>
        </header>
    }
}
