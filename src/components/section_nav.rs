//! The section navigation: a link to every section of the article.

use leptos::prelude::*;

use crate::model::view_data::SectionNavItem;

/// "In this article": an ordered list of links to the sections.
#[component]
pub fn SectionNav(
    /// One item per section, in reading order.
    items: Vec<SectionNavItem>,
) -> impl IntoView {
    let links = items
        .into_iter()
        .map(|item| {
            view! {
                <li class="lede-section-nav__item">
                    <a class="lede-section-nav__link" href=format!("#{}", item.anchor_id)>{item.label}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="lede-section-nav" aria-labelledby="lede-section-nav-title" data-testid="section-nav">
            <h2 class="lede-section-nav__title" id="lede-section-nav-title">"In this article"</h2>
            <ol class="lede-section-nav__list">{links}</ol>
        </nav>
    }
}
