//! Markup built in the browser: its elements, text and views through `tachys`'s renderer,
//! and its live parts applied by one function.

use leptos::tachys::renderer::types::{Element, Node, Text};
use leptos::tachys::renderer::Rndr;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};

use super::{still_in_start_tag, LivePart, Markup, Token};

/// The rendered markup: its top-level nodes, and the views inside its elements.
pub struct MarkupState {
    pub(super) top_level: Vec<MountedNode>,
    /// Kept only to be dropped with the markup: a view's state owns its reactive effects,
    /// and dropping it would stop them. Its nodes leave the page with their elements.
    pub(super) _inner_views: Vec<AnyViewState>,
    /// What keeps the live parts live, dropped with the markup, as its views are.
    pub(super) _live: Vec<LiveState>,
}

/// What keeps a live part of an element working: the effect that follows its signals, or
/// the listener's closure, which the browser calls until the markup is dropped.
// Its fields are held only to be dropped with the markup, never read.
#[allow(dead_code)]
pub(super) enum LiveState {
    Effect(leptos::prelude::RenderEffect<()>),
    Listener(leptos::tachys::renderer::RemoveEventHandler<Element>),
}

/// Keeps the text of `node` what `text` gives.
#[inline(never)]
pub(super) fn follow_text(node: Text, text: Box<dyn Fn() -> String + Send + Sync>) -> LiveState {
    LiveState::Effect(leptos::prelude::RenderEffect::new(move |_| Rndr::set_text(&node, &text())))
}

/// Applies `part` to `element`, in the browser: one copy of this code serves every live
/// part of every element.
#[inline(never)]
pub(super) fn apply_live_part(element: &Element, part: LivePart, live: &mut Vec<LiveState>) {
    use wasm_bindgen::JsCast;
    use leptos::prelude::RenderEffect;
    match part {
        LivePart::Attribute(name, value) => {
            let element = element.clone();
            live.push(LiveState::Effect(RenderEffect::new(move |_| match value() {
                Some(value) => Rndr::set_attribute(&element, name, &value),
                None => Rndr::remove_attribute(&element, name),
            })));
        }
        LivePart::StyleProperty(name, value) => {
            let style = element.unchecked_ref::<web_sys::HtmlElement>().style();
            live.push(LiveState::Effect(RenderEffect::new(move |_| {
                let _ = match value() {
                    Some(value) => style.set_property(name, &value),
                    None => style.remove_property(name).map(drop),
                };
            })));
        }
        LivePart::Property(name, value) => {
            let element = element.clone();
            live.push(LiveState::Effect(RenderEffect::new(move |_| {
                Rndr::set_property(&element, name, &wasm_bindgen::JsValue::from_bool(value()));
            })));
        }
        LivePart::Listener(event, handler) => {
            live.push(LiveState::Listener(Rndr::add_event_listener(
                element,
                event,
                Box::new(move |event: wasm_bindgen::JsValue| handler(event.unchecked_into())),
            )));
        }
        LivePart::Reference(reference) => reference(element.clone()),
    }
}

pub(super) enum MountedNode {
    Element(Element),
    Text(Text),
    View(AnyViewState),
}

impl MountedNode {
    fn as_mountable(&mut self) -> &mut dyn Mountable {
        match self {
            MountedNode::Element(element) => element,
            MountedNode::Text(text) => text,
            MountedNode::View(view) => view,
        }
    }
}

impl Render for Markup {
    type State = MarkupState;

    fn build(self) -> MarkupState {
        let mut top_level = Vec::new();
        let mut inner_views = Vec::new();
        let mut live = Vec::new();
        // The elements open at this point of the markup, innermost last.
        let mut open: Vec<Element> = Vec::new();
        // Whether the tokens since the last `open` are all attributes, which belong to it.
        let mut in_start_tag = false;
        for token in self.tokens {
            let next_in_start_tag = still_in_start_tag(&token, in_start_tag);
            match token {
                Token::Open(tag) => {
                    let element = Rndr::create_element(tag, None);
                    match open.last() {
                        Some(parent) => Rndr::insert_node(parent, &element, None),
                        None => top_level.push(MountedNode::Element(element.clone())),
                    }
                    open.push(element);
                }
                Token::Attribute(name, value) => {
                    if let (true, Some(element)) = (in_start_tag, open.last()) {
                        Rndr::set_attribute(element, name, &value);
                    }
                }
                Token::Text(text) => {
                    let text = Rndr::create_text_node(&text);
                    match open.last() {
                        Some(parent) => Rndr::insert_node(parent, &text, None),
                        None => top_level.push(MountedNode::Text(text)),
                    }
                }
                Token::View(view) => {
                    let mut state = view.build();
                    match open.last() {
                        Some(parent) => {
                            state.mount(parent, None);
                            inner_views.push(state);
                        }
                        None => top_level.push(MountedNode::View(state)),
                    }
                }
                Token::Close => {
                    open.pop();
                }
                Token::Live(part) => {
                    if let (true, Some(element)) = (in_start_tag, open.last()) {
                        apply_live_part(element, part, &mut live);
                    }
                }
                Token::LiveText(text) => {
                    let node = Rndr::create_text_node("");
                    match open.last() {
                        Some(parent) => Rndr::insert_node(parent, &node, None),
                        None => top_level.push(MountedNode::Text(node.clone())),
                    }
                    live.push(follow_text(node, text));
                }
            }
            in_start_tag = next_in_start_tag;
        }
        // Empty markup is an empty text node, so that it still has a place in the page
        // for markup that replaces it to take.
        if top_level.is_empty() {
            top_level.push(MountedNode::Text(Rndr::create_text_node("")));
        }
        MarkupState {
            top_level,
            _inner_views: inner_views,
            _live: live,
        }
    }

    fn rebuild(self, state: &mut MarkupState) {
        let mut replacement = self.build();
        state.insert_before_this(&mut replacement);
        state.unmount();
        *state = replacement;
    }
}

impl Mountable for MarkupState {
    fn unmount(&mut self) {
        for node in &mut self.top_level {
            node.as_mountable().unmount();
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        for node in &mut self.top_level {
            node.as_mountable().mount(parent, marker);
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match self.top_level.first() {
            Some(MountedNode::Element(element)) => element.insert_before_this(child),
            Some(MountedNode::Text(text)) => text.insert_before_this(child),
            Some(MountedNode::View(view)) => view.insert_before_this(child),
            None => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        let mut elements = Vec::new();
        for node in &self.top_level {
            match node {
                MountedNode::Element(element) => elements.push(element.clone()),
                MountedNode::Text(_) => {}
                MountedNode::View(view) => elements.extend(view.elements()),
            }
        }
        elements
    }
}
