//! Taking a published page over: the app renders its reading view out of sight, in its
//! usual chunks, and once the view holds what the page holds (the whole article, or the
//! opening of a long one) replaces the page's static view with it in one task, so that
//! the reader sees no frame in between (decision 015).
//!
//! The reader may have scrolled, selected text or focused a link while the wasm was on its
//! way. Each is written down before the static view goes, as places the new view also
//! has (an element id and a count of characters into it, or the n-th focusable element),
//! and put back once the app's view is there.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// The attribute that marks a published page's root, naming the article it shows (the
/// publish step writes it; the app and the stylesheet read it).
pub const PUBLISHED_ATTRIBUTE: &str = "data-lede-published";

/// The attribute that keeps the app's root out of sight until it takes over. The stylesheet
/// (base.css) lays it out, invisible and clipped to nothing, at the page's width: each
/// chunk the app renders is then styled and laid out in the frame after it, and the swap
/// only moves a laid-out view into place. A `hidden` root left all of that to the swap's
/// task, which it made long (docs/performance.md).
pub const OUT_OF_SIGHT_ATTRIBUTE: &str = "data-lede-out-of-sight";

/// The attribute that marks a published page holding only the opening of a long article
/// (the publish step writes it; the app and the stylesheet read it).
pub const OPENING_ATTRIBUTE: &str = "data-lede-opening";

/// What can take focus in the reading view. The display controls' panel is built by the
/// app after its first paint, so only their summary counts: then the list is the same,
/// in the same order, in both views.
const FOCUSABLE: &str = "a[href], button, summary, input, [tabindex]";
/// The display controls, whose panel only the app's view has.
const APP_ONLY_PANEL: &str = "[data-testid=reader-controls] > :not(summary)";

/// A published page waiting for the app, passed to the app that takes it over.
#[derive(Clone)]
pub struct PublishedPage(SendWrapper<Rc<Takeover>>);

struct Takeover {
    /// The page's static reading view (`#lede-app`, marked as published).
    published: web_sys::HtmlElement,
    /// The app's own root, out of sight until it takes over.
    app_root: web_sys::HtmlElement,
    phase: Cell<Phase>,
    place: RefCell<Option<ReaderPlace>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The static view is shown; the app renders out of sight.
    Waiting,
    /// The static view is gone; the reader's place is still to be put back.
    Swapped,
    /// Done, or given up: the app shows whatever it shows.
    Done,
}

/// Where the reader was in the static view.
struct ReaderPlace {
    scroll_y: f64,
    focused: Option<u32>,
    selection: Option<(TextPoint, TextPoint)>,
}

/// A place in the text: so many UTF-16 code units into the element with this id.
struct TextPoint {
    element_id: String,
    offset: u32,
}

impl PublishedPage {
    /// Prepares the takeover of `published`, whose app renders into `app_root` (out of sight).
    pub fn new(published: web_sys::HtmlElement, app_root: web_sys::HtmlElement) -> PublishedPage {
        PublishedPage(SendWrapper::new(Rc::new(Takeover {
            published,
            app_root,
            phase: Cell::new(Phase::Waiting),
            place: RefCell::new(None),
        })))
    }

    /// True if the page holds only the opening of a long article: the app takes it over
    /// once its own view shows as much, and goes on rendering the rest in sight.
    pub fn holds_only_the_opening(&self) -> bool {
        self.0.published.has_attribute(OPENING_ATTRIBUTE)
    }

    /// True until the app has taken the page over, or given up on it.
    pub fn is_waiting(&self) -> bool {
        self.0.phase.get() == Phase::Waiting
    }

    /// Notes the reader's place, removes the static view and shows the app's root, then puts
    /// the reader's place back (in a microtask, still before the next paint). Call it once
    /// the app's view is complete.
    pub fn swap(&self) {
        let takeover = &self.0;
        if takeover.phase.get() != Phase::Waiting {
            return;
        }
        takeover.place.replace(Some(reader_place(&takeover.published)));
        let id = takeover.published.id();
        takeover.published.remove();
        takeover.app_root.set_id(&id);
        let _ = takeover.app_root.remove_attribute(OUT_OF_SIGHT_ATTRIBUTE);
        takeover.phase.set(Phase::Swapped);
        let page = self.clone();
        leptos::task::spawn_local(async move { page.restore_place() });
    }

    /// Puts the reader's place back in the app's view, once it is rendered.
    fn restore_place(&self) {
        let takeover = &self.0;
        if takeover.phase.get() != Phase::Swapped {
            return;
        }
        takeover.phase.set(Phase::Done);
        let Some(place) = takeover.place.take() else { return };
        if (window().scroll_y().unwrap_or(0.0) - place.scroll_y).abs() >= 1.0 {
            let options = web_sys::ScrollToOptions::new();
            options.set_top(place.scroll_y);
            options.set_behavior(web_sys::ScrollBehavior::Instant);
            window().scroll_to_with_scroll_to_options(&options);
        }
        if let Some(index) = place.focused {
            focus_nth(&takeover.app_root, index);
        }
        if let Some((anchor, focus)) = place.selection {
            select_between(&anchor, &focus);
        }
    }

    /// Keeps the static view: the app could not show the article, and the page as
    /// published is better than an error.
    pub fn keep_static_view(&self) {
        self.0.phase.set(Phase::Done);
    }
}

fn reader_place(published: &web_sys::HtmlElement) -> ReaderPlace {
    let focused = document().active_element().and_then(|active| {
        let position = focusables(published).iter().position(|element| element.is_same_node(Some(active.unchecked_ref())))?;
        u32::try_from(position).ok()
    });
    let selection = window().get_selection().ok().flatten().and_then(|selection| {
        if selection.is_collapsed() || selection.range_count() == 0 {
            return None;
        }
        let anchor = text_point(published, &selection.anchor_node()?, selection.anchor_offset())?;
        let focus = text_point(published, &selection.focus_node()?, selection.focus_offset())?;
        Some((anchor, focus))
    });
    ReaderPlace {
        scroll_y: window().scroll_y().unwrap_or(0.0),
        focused,
        selection,
    }
}

/// The boundary point (`node`, `offset`) as characters into its nearest ancestor with an
/// id inside `root`.
fn text_point(root: &web_sys::HtmlElement, node: &web_sys::Node, offset: u32) -> Option<TextPoint> {
    let mut ancestor = if node.node_type() == web_sys::Node::ELEMENT_NODE {
        node.clone().dyn_into::<web_sys::Element>().ok()
    } else {
        node.parent_element()
    };
    let element = loop {
        let candidate = ancestor?;
        if !root.contains(Some(&candidate)) {
            return None;
        }
        if !candidate.id().is_empty() {
            break candidate;
        }
        ancestor = candidate.parent_element();
    };
    let range = document().create_range().ok()?;
    range.set_start(&element, 0).ok()?;
    range.set_end(node, offset).ok()?;
    let before = String::from(range.to_string());
    Some(TextPoint {
        element_id: element.id(),
        offset: u32::try_from(before.encode_utf16().count()).ok()?,
    })
}

/// Selects from `anchor` to `focus` in the current document, if both still exist.
fn select_between(anchor: &TextPoint, focus: &TextPoint) {
    let (Some((anchor_node, anchor_offset)), Some((focus_node, focus_offset))) = (boundary(anchor), boundary(focus)) else {
        return;
    };
    if let Ok(Some(selection)) = window().get_selection() {
        let _ = selection.set_base_and_extent(&anchor_node, anchor_offset, &focus_node, focus_offset);
    }
}

/// The text node and offset `point` names, found by walking the element's text in order.
fn boundary(point: &TextPoint) -> Option<(web_sys::Node, u32)> {
    let element: web_sys::Node = document().get_element_by_id(&point.element_id)?.into();
    let mut remaining = point.offset;
    let mut last_text: Option<(web_sys::Node, u32)> = None;
    let mut next = element.first_child();
    while let Some(node) = next {
        if node.node_type() == web_sys::Node::TEXT_NODE {
            let length = u32::try_from(node.node_value().unwrap_or_default().encode_utf16().count()).unwrap_or(u32::MAX);
            if remaining <= length {
                return Some((node, remaining));
            }
            remaining -= length;
            last_text = Some((node.clone(), length));
        }
        next = next_in_order(&node, &element);
    }
    // Past the end (the text changed): the end of the element's text.
    last_text.or(Some((element, 0)))
}

/// The node after `node` in document order, staying inside `root`.
fn next_in_order(node: &web_sys::Node, root: &web_sys::Node) -> Option<web_sys::Node> {
    if let Some(child) = node.first_child() {
        return Some(child);
    }
    let mut current = node.clone();
    loop {
        if current.is_same_node(Some(root)) {
            return None;
        }
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        current = current.parent_node()?;
    }
}

/// The elements of `root` that can take focus and exist in both views, in document order.
fn focusables(root: &web_sys::HtmlElement) -> Vec<web_sys::Element> {
    let Ok(found) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|index| found.item(index)?.dyn_into::<web_sys::Element>().ok())
        .filter(|element| element.closest(APP_ONLY_PANEL).ok().flatten().is_none())
        .collect()
}

/// Focuses the `index`-th focusable element inside `root`, without scrolling.
fn focus_nth(root: &web_sys::HtmlElement, index: u32) {
    let element = usize::try_from(index)
        .ok()
        .and_then(|index| focusables(root).into_iter().nth(index))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}
