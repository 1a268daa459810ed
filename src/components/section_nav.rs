//! The section navigation: a link to every section, marking the one being read.
//!
//! On a phone it is a "Jump to section" button that opens the list and closes it again on
//! a choice or on Escape; on a desktop the list is always open beside the article.

use crate::components::interface_text;
use leptos::html;
use leptos::tachys::html::node_ref::NodeRefContainer;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::components::markup::Markup;

use crate::reading::navigation::SectionNavItem;
use crate::platform::observer::{observe_intersections, Observing};
use crate::platform::surface::ReaderSurface;

/// "In this article": an ordered list of links to the sections. The link of the section
/// being read carries `aria-current="location"`.
#[component]
pub fn SectionNav(
    /// One item per section, in reading order.
    items: Vec<SectionNavItem>,
    /// How many sections are rendered so far: a long article renders in chunks, and the
    /// sections are watched as they arrive.
    rendered_sections: Signal<usize>,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_section_nav(&mut markup, items, rendered_sections);
    markup
}

/// Writes [`SectionNav`] into `markup`.
pub fn write_section_nav(markup: &mut Markup, items: Vec<SectionNavItem>, rendered_sections: Signal<usize>) {
    let words = interface_text();
    let (is_open, set_is_open) = signal(false);
    let current_section = RwSignal::new(items.first().map(|item| item.anchor_id.clone()));
    let toggle_button = NodeRef::<html::Button>::new();
    observe_sections(
        items.iter().map(|item| item.anchor_id.clone()).collect(),
        current_section,
        rendered_sections,
    );

    let close_on_escape = move |event: web_sys::KeyboardEvent| {
        if event.key() == "Escape" && is_open.get_untracked() {
            set_is_open.set(false);
            if let Some(button) = toggle_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    // The links are markup, and one effect moves `aria-current` between them: a long
    // article has fifty sections, and a reactive attribute and a click handler each cost a
    // closure and a listener per link.
    let first_anchor_id = items.first().map(|item| item.anchor_id.clone());
    let mut links = Markup::new();
    for item in items {
        links
            .open_with_class("li", "lede-section-nav__item")
            .open_with_class("a", "lede-section-nav__link")
            .owned_attribute("href", format!("#{}", item.anchor_id));
        if first_anchor_id.as_ref() == Some(&item.anchor_id) {
            links.attribute("aria-current", "location");
        }
        links.owned_text(item.label).close().close();
    }
    let list = NodeRef::<html::Ol>::new();
    crate::platform::effects::run_effect(move || {
        let current = current_section.get();
        let Some(list) = list.get() else { return };
        mark_current_link(&list, current.as_deref());
    });
    // A choice in the list closes it, as a press anywhere on a link.
    let close_on_choice = move |event: web_sys::MouseEvent| {
        let on_link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|target| target.closest("a").ok().flatten().is_some());
        if on_link {
            set_is_open.set(false);
        }
    };
    markup
        .open_with_class("nav", "lede-section-nav")
        .attribute("aria-labelledby", "lede-section-nav-title")
        .attribute("data-testid", "section-nav")
        .on("keydown", move |event| close_on_escape(event.unchecked_into()))
        .open_with_class("h2", "lede-section-nav__title")
        .attribute("id", "lede-section-nav-title")
        .text(words.in_this_article)
        .close()
        .open_with_class("button", "lede-section-nav__toggle")
        .attribute("type", "button")
        .reference(move |element| toggle_button.load(&element))
        .live_attribute("aria-expanded", move || Some(if is_open.get() { "true" } else { "false" }.to_owned()))
        .attribute("aria-controls", "lede-section-nav-list")
        .on("click", move |_| set_is_open.update(|open| *open = !*open))
        .text(words.jump_to_section)
        .close()
        .open("ol")
        .live_attribute("class", move || {
            Some(
                if is_open.get() {
                    "lede-section-nav__list lede-section-nav__list--open"
                } else {
                    "lede-section-nav__list"
                }
                .to_owned(),
            )
        })
        .attribute("id", "lede-section-nav-list")
        .reference(move |element| list.load(&element))
        .on("click", move |event| close_on_choice(event.unchecked_into()));
    markup.append(links);
    markup.close().close();
}

/// Marks the link to `current` in `list` as the current location, and no other.
fn mark_current_link(list: &web_sys::HtmlOListElement, current: Option<&str>) {
    let current_href = current.map(|anchor_id| format!("#{anchor_id}"));
    let Ok(links) = list.query_selector_all("a") else { return };
    for index in 0..links.length() {
        let Some(link) = links.item(index).and_then(|link| link.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        if link.get_attribute("href") == current_href {
            let _ = link.set_attribute("aria-current", "location");
        } else {
            let _ = link.remove_attribute("aria-current");
        }
    }
}

/// How far down the viewport the reading line is: a section is being read once its top
/// has passed this line.
const READING_LINE: f64 = 0.4;

/// Keeps `current_section` on the section being read: the last section whose top has
/// passed the reading line, or the last section once the page is scrolled to its end (a
/// short last section never reaches the line). The observer only says when to look; the
/// answer comes from the sections' positions. It is disconnected on cleanup.
fn observe_sections(
    anchor_ids: Vec<String>,
    current_section: RwSignal<Option<String>>,
    rendered_sections: Signal<usize>,
) {
    // The sections are in the document only after this view is mounted, and effects run
    // after mounting. It runs again, after cleaning up, whenever more sections are rendered.
    crate::platform::effects::run_effect(move || {
        rendered_sections.track();
        let surface = ReaderSurface::current();
        let sections: Vec<web_sys::Element> = anchor_ids.iter().filter_map(|id| surface.element_by_id(id)).collect();
        let update = {
            let sections = SendWrapper::new(sections.clone());
            move || {
                let current = section_being_read(&sections);
                if current_section.get_untracked() != current {
                    current_section.set(current);
                }
            }
        };
        // Threshold crossings stop a little before the end of the page, where a short last
        // section becomes current; `scrollend` catches the final position.
        // A widget adds no listeners to its host's window; it does without this last step.
        if surface.is_page() {
            let scroll_end = window_event_listener_untyped("scrollend", {
                let update = update.clone();
                move |_| update()
            });
            on_cleanup(move || scroll_end.remove());
        }
        let thresholds: Vec<f64> = (0..=10).map(|step| f64::from(step) / 10.0).collect();
        observe_intersections(&sections, &thresholds, move |_entries| {
            update();
            Observing::Continue
        });
    });
}

fn section_being_read(sections: &[web_sys::Element]) -> Option<String> {
    let window = window();
    let viewport_height = window
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0);
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let page_height = document()
        .document_element()
        .map_or(0.0, |root| f64::from(root.scroll_height()));
    let at_page_end = scrolled > 0.0 && scrolled + viewport_height >= page_height - 2.0;
    let current = if at_page_end {
        sections.last()
    } else {
        let reading_line = viewport_height * READING_LINE;
        sections
            .iter()
            .rev()
            .find(|section| section.get_bounding_client_rect().top() <= reading_line)
            .or(sections.first())
    };
    current.map(|section| section.id())
}
