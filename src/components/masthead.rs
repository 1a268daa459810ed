//! The outlet's masthead at the top of the page.

use leptos::prelude::*;

use crate::model::Outlet;

/// The outlet's name as a banner, linked to its home page when there is one.
#[component]
pub fn Masthead(
    /// The publishing outlet.
    outlet: Outlet,
) -> impl IntoView {
    let name = match outlet.url {
        Some(url) => view! { <a class="lede-masthead__name" href=url.to_string()>{outlet.name}</a> }.into_any(),
        None => view! { <span class="lede-masthead__name">{outlet.name}</span> }.into_any(),
    };
    view! {
        <header class="lede-masthead" data-testid="masthead">
            <div class="lede-masthead__inner">{name}</div>
        </header>
    }
}
