//! Markup: the reading view's elements, text and live parts (the article's blocks, the
//! header, the display controls, the section list), written as a flat list of tokens,
//! and a Leptos view type that renders it.
//!
//! A `view!` element is a type of its own, and every element, attribute and child adds
//! generic code to the wasm: with `erase_components` (decision 010), boxing into
//! `AnyView` and `AnyAttribute` at each call site. Markup is one type: a component
//! writes it with one small call per element, attribute and text (`open`, `attribute`,
//! `text`, `close`), and one loop renders it (decision 023). The parts of an element
//! that follow signals or answer the reader are tokens too, each a boxed closure that one
//! function applies (`live_attribute`, `on`, …, decision 026), and markup can hold a
//! Leptos view where a whole part changes.
//!
//! Text is always a text node and attribute values are always attribute values: nothing
//! is parsed as HTML, in the browser or when published.

use std::borrow::Cow;

use leptos::prelude::AnyView;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node, Text};
use leptos::tachys::renderer::{CastFrom, Rndr};
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};

/// Elements, text and views, written in document order.
///
/// Each `open` is ended by a `close`, void elements (`img`, `hr`) included. A `close`
/// with nothing open is ignored, and what is still open at the end is closed there. An
/// attribute belongs to the element opened just before it: one written after a text, a
/// view or another element is ignored, in the browser and in published HTML alike.
#[derive(Default)]
pub struct Markup {
    tokens: Vec<Token>,
}

enum Token {
    /// The start of an element; its attributes follow it.
    Open(&'static str),
    Attribute(&'static str, Cow<'static, str>),
    Text(Cow<'static, str>),
    View(AnyView),
    Close,
    /// A text node whose text follows signals; published HTML has the text it has when
    /// rendered.
    LiveText(Box<dyn Fn() -> String + Send + Sync>),
    /// What follows belongs to the element opened just before, like an attribute; only
    /// the browser acts on it, except a live attribute, which published HTML writes with
    /// the value it has when rendered.
    Live(LivePart),
}

/// The parts of an element that answer the reader or follow signals, each a boxed
/// closure: one copy of the code that applies them serves every element, where a `view!`
/// attribute or handler is a type of its own (decision 023).
enum LivePart {
    /// An attribute whose value follows signals; `None` leaves it out.
    Attribute(&'static str, LiveValue),
    /// A custom property of the element's inline style (`--name`), set through the CSSOM,
    /// which a host page's Content Security Policy allows where a `style` attribute would
    /// need `'unsafe-inline'`. Never in published HTML.
    StyleProperty(&'static str, LiveValue),
    /// A boolean property (an input's `checked`), following signals. Never in HTML.
    Property(&'static str, Box<dyn Fn() -> bool + Send + Sync>),
    /// A listener for an event on the element.
    Listener(&'static str, Box<dyn Fn(web_sys::Event) + Send + Sync>),
    /// Called with the element once it exists.
    Reference(Box<dyn FnOnce(web_sys::Element) + Send + Sync>),
}

/// A value that follows signals; `None` when there is none.
type LiveValue = Box<dyn Fn() -> Option<String> + Send + Sync>;

// The writing methods are never inlined: a call is a few bytes at each of the many places
// that write markup, where the push it makes is a few dozen.
impl Markup {
    /// Empty markup.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a `tag` element.
    #[inline(never)]
    pub fn open(&mut self, tag: &'static str) -> &mut Self {
        self.tokens.push(Token::Open(tag));
        self
    }

    /// Starts a `tag` element with the class `class`.
    #[inline(never)]
    pub fn open_with_class(&mut self, tag: &'static str, class: &'static str) -> &mut Self {
        self.tokens.push(Token::Open(tag));
        self.tokens.push(Token::Attribute("class", Cow::Borrowed(class)));
        self
    }

    /// Adds `name="value"` to the element just opened.
    #[inline(never)]
    pub fn attribute(&mut self, name: &'static str, value: &'static str) -> &mut Self {
        self.tokens.push(Token::Attribute(name, Cow::Borrowed(value)));
        self
    }

    /// Adds `name="value"` to the element just opened, with a value of the article's.
    #[inline(never)]
    pub fn owned_attribute(&mut self, name: &'static str, value: String) -> &mut Self {
        self.tokens.push(Token::Attribute(name, Cow::Owned(value)));
        self
    }

    /// Adds a text node.
    #[inline(never)]
    pub fn text(&mut self, text: &'static str) -> &mut Self {
        self.tokens.push(Token::Text(Cow::Borrowed(text)));
        self
    }

    /// Adds a text node with the article's text.
    #[inline(never)]
    pub fn owned_text(&mut self, text: String) -> &mut Self {
        self.tokens.push(Token::Text(Cow::Owned(text)));
        self
    }

    /// Adds `other`'s elements, text and views, in its order.
    #[inline(never)]
    pub fn append(&mut self, other: Markup) -> &mut Self {
        self.tokens.extend(other.tokens);
        self
    }

    /// Adds a Leptos view.
    #[inline(never)]
    pub fn view(&mut self, view: AnyView) -> &mut Self {
        self.tokens.push(Token::View(view));
        self
    }

    /// Adds `name` to the element just opened, with the value `value` gives, again whenever
    /// a signal it read changes; `None` leaves the attribute out.
    pub fn live_attribute(
        &mut self,
        name: &'static str,
        value: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> &mut Self {
        self.live(LivePart::Attribute(name, Box::new(value)))
    }

    /// Sets the custom property `name` (`--…`) of the inline style of the element just
    /// opened to what `value` gives, again whenever a signal it read changes. In the
    /// browser only: published HTML leaves it to the stylesheet.
    pub fn live_style_property(
        &mut self,
        name: &'static str,
        value: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> &mut Self {
        self.live(LivePart::StyleProperty(name, Box::new(value)))
    }

    /// Sets the boolean property `name` of the element just opened (an input's
    /// `checked`) to what `value` gives, again whenever a signal it read changes. In the
    /// browser only, as Leptos's `prop:`.
    pub fn live_property(&mut self, name: &'static str, value: impl Fn() -> bool + Send + Sync + 'static) -> &mut Self {
        self.live(LivePart::Property(name, Box::new(value)))
    }

    /// Calls `handler` with every `event` on the element just opened. In the browser only.
    pub fn on(&mut self, event: &'static str, handler: impl Fn(web_sys::Event) + Send + Sync + 'static) -> &mut Self {
        self.live(LivePart::Listener(event, Box::new(handler)))
    }

    /// Calls `reference` with the element just opened once it exists. In the browser only.
    pub fn reference(&mut self, reference: impl FnOnce(web_sys::Element) + Send + Sync + 'static) -> &mut Self {
        self.live(LivePart::Reference(Box::new(reference)))
    }

    /// Adds a text node with the text `text` gives, again whenever a signal it read changes.
    #[inline(never)]
    pub fn live_text(&mut self, text: impl Fn() -> String + Send + Sync + 'static) -> &mut Self {
        self.tokens.push(Token::LiveText(Box::new(text)));
        self
    }

    #[inline(never)]
    fn live(&mut self, part: LivePart) -> &mut Self {
        self.tokens.push(Token::Live(part));
        self
    }

    /// Ends the element opened last.
    #[inline(never)]
    pub fn close(&mut self) -> &mut Self {
        self.tokens.push(Token::Close);
        self
    }
}

/// Elements that have no children and no closing tag.
fn is_void(tag: &str) -> bool {
    matches!(tag, "img" | "hr" | "wbr" | "br" | "input")
}

/// The rendered markup: its top-level nodes, and the views inside its elements.
pub struct MarkupState {
    top_level: Vec<MountedNode>,
    /// Kept only to be dropped with the markup: a view's state owns its reactive effects,
    /// and dropping it would stop them. Its nodes leave the page with their elements.
    _inner_views: Vec<AnyViewState>,
    /// What keeps the live parts live, dropped with the markup, as its views are.
    _live: Vec<LiveState>,
}

/// What keeps a live part of an element working: the effect that follows its signals, or
/// the listener's closure, which the browser calls until the markup is dropped.
// Its fields are held only to be dropped with the markup, never read.
#[allow(dead_code)]
enum LiveState {
    Effect(leptos::prelude::RenderEffect<()>),
    Listener(leptos::tachys::renderer::RemoveEventHandler<Element>),
}

/// Keeps the text of `node` what `text` gives.
#[inline(never)]
fn follow_text(node: Text, text: Box<dyn Fn() -> String + Send + Sync>) -> LiveState {
    LiveState::Effect(leptos::prelude::RenderEffect::new(move |_| Rndr::set_text(&node, &text())))
}

/// Applies `part` to `element`, in the browser: one copy of this code serves every live
/// part of every element.
#[inline(never)]
fn apply_live_part(element: &Element, part: LivePart, live: &mut Vec<LiveState>) {
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

enum MountedNode {
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
            let starts_an_element = matches!(token, Token::Open(_));
            let is_attribute = matches!(token, Token::Attribute(..) | Token::Live(_));
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
            in_start_tag = starts_an_element || (in_start_tag && is_attribute);
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

/// Writes `value` escaped for a double-quoted attribute.
fn push_attribute_value(buf: &mut String, value: &str) {
    for character in value.chars() {
        match character {
            '&' => buf.push_str("&amp;"),
            '"' => buf.push_str("&quot;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            other => buf.push(other),
        }
    }
}

fn push_attribute(buf: &mut String, name: &str, value: &str) {
    buf.push(' ');
    buf.push_str(name);
    buf.push_str("=\"");
    push_attribute_value(buf, value);
    buf.push('"');
}

impl RenderHtml for Markup {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {
        for token in &mut self.tokens {
            if let Token::View(view) = token {
                view.dry_resolve();
            }
        }
    }

    // The views markup holds render synchronously (a permalink's button): there is
    // nothing to wait for.
    async fn resolve(self) -> Self {
        self
    }

    fn html_len(&self) -> usize {
        self.tokens
            .iter()
            .map(|token| match token {
                Token::Open(tag) => 2 * tag.len() + 5,
                Token::Attribute(name, value) => name.len() + value.len() + 4,
                Token::Text(text) => text.len(),
                Token::View(view) => view.html_len(),
                Token::Close | Token::Live(_) | Token::LiveText(_) => 0,
            })
            .sum()
    }

    /// Writes the markup as Leptos writes its own elements and text: `class` after the
    /// other attributes, and a `<!>` between two text nodes in a row, which HTML would
    /// otherwise read as one.
    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        let mut open: Vec<&'static str> = Vec::new();
        let mut tokens = self.tokens.into_iter().peekable();
        while let Some(token) = tokens.next() {
            match token {
                Token::Open(tag) => {
                    buf.push('<');
                    buf.push_str(tag);
                    let mut class = None;
                    while let Some(Token::Attribute(..) | Token::Live(_)) = tokens.peek() {
                        let (name, value) = match tokens.next() {
                            Some(Token::Attribute(name, value)) => (name, value),
                            Some(Token::Live(LivePart::Attribute(name, value))) => match value() {
                                Some(value) => (name, Cow::Owned(value)),
                                None => continue,
                            },
                            _ => continue,
                        };
                        if name == "class" {
                            class = Some(value);
                        } else {
                            push_attribute(buf, name, &value);
                        }
                    }
                    if let Some(class) = class {
                        push_attribute(buf, "class", &class);
                    }
                    buf.push('>');
                    open.push(tag);
                    *position = Position::FirstChild;
                }
                // Attributes are written with the element that they follow.
                Token::Attribute(..) | Token::Live(_) => {}
                Token::Text(text) => {
                    let escape_text = escape || !open.is_empty();
                    <&str as RenderHtml>::to_html_with_buf(&text, buf, position, escape_text, mark_branches, Vec::new());
                }
                Token::LiveText(text) => {
                    let escape_text = escape || !open.is_empty();
                    <&str as RenderHtml>::to_html_with_buf(&text(), buf, position, escape_text, mark_branches, Vec::new());
                }
                Token::View(view) => view.to_html_with_buf(buf, position, escape, mark_branches, Vec::new()),
                Token::Close => close_tag(buf, position, open.pop()),
            }
        }
        while let Some(tag) = open.pop() {
            close_tag(buf, position, Some(tag));
        }
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buffer: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) where
        Self: Sized,
    {
        let mut html = String::new();
        self.to_html_with_buf(&mut html, position, escape, mark_branches, extra_attrs);
        buffer.push_sync(&html);
    }

    /// Claims the nodes a page rendered from the same markup already has, as Leptos
    /// hydrates its own elements and text.
    fn hydrate<const FROM_SERVER: bool>(self, cursor: &Cursor, position: &PositionState) -> MarkupState {
        let mut top_level = Vec::new();
        let mut inner_views = Vec::new();
        let mut live = Vec::new();
        let mut open: Vec<Element> = Vec::new();
        let mut in_start_tag = false;
        for token in self.tokens {
            let starts_an_element = matches!(token, Token::Open(_));
            let is_attribute = matches!(token, Token::Attribute(..) | Token::Live(_));
            match token {
                Token::Open(tag) => {
                    let current_position = position.get();
                    if current_position == Position::FirstChild {
                        cursor.child();
                    } else if current_position != Position::Current {
                        cursor.sibling();
                    }
                    // A page that does not have the element the markup expects was not
                    // rendered from it: a stand-in element keeps the markup's shape, and
                    // the page is left as it is.
                    let element =
                        Element::cast_from(cursor.current()).unwrap_or_else(|| Rndr::create_element(tag, None));
                    if open.is_empty() {
                        top_level.push(MountedNode::Element(element.clone()));
                    }
                    position.set(if is_void(tag) { Position::NextChild } else { Position::FirstChild });
                    open.push(element);
                }
                Token::Attribute(..) => {}
                Token::Text(text) => {
                    let state = <String as RenderHtml>::hydrate::<FROM_SERVER>(text.into_owned(), cursor, position);
                    if let (true, Some(text)) = (open.is_empty(), Text::cast_from(cursor.current())) {
                        top_level.push(MountedNode::Text(text));
                    }
                    drop(state);
                }
                Token::View(view) => {
                    let state = view.hydrate::<FROM_SERVER>(cursor, position);
                    if open.is_empty() {
                        top_level.push(MountedNode::View(state));
                    } else {
                        inner_views.push(state);
                    }
                }
                Token::Close => {
                    if let Some(element) = open.pop() {
                        cursor.set(AsRef::<Node>::as_ref(&element).clone());
                        position.set(Position::NextChild);
                    }
                }
                Token::Live(part) => {
                    if let (true, Some(element)) = (in_start_tag, open.last()) {
                        apply_live_part(element, part, &mut live);
                    }
                }
                Token::LiveText(text) => {
                    let state = <String as RenderHtml>::hydrate::<FROM_SERVER>(text(), cursor, position);
                    if let Some(node) = Text::cast_from(cursor.current()) {
                        if open.is_empty() {
                            top_level.push(MountedNode::Text(node.clone()));
                        }
                        live.push(follow_text(node, text));
                    }
                    drop(state);
                }
            }
            in_start_tag = starts_an_element || (in_start_tag && is_attribute);
        }
        MarkupState {
            top_level,
            _inner_views: inner_views,
            _live: live,
        }
    }

    fn into_owned(self) -> Self {
        self
    }
}

/// Ends the element `tag`, which void elements do without a closing tag.
fn close_tag(buf: &mut String, position: &mut Position, tag: Option<&'static str>) {
    if let Some(tag) = tag {
        if !is_void(tag) {
            buf.push_str("</");
            buf.push_str(tag);
            buf.push('>');
        }
        *position = Position::NextChild;
    }
}

leptos::tachys::no_attrs!(Markup);
