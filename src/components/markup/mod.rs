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

//! The module is split by where markup goes: [`dom`] builds it in the browser, with its
//! live parts; [`html`] writes it as a published page's HTML, and claims such HTML when
//! hydrating.

mod dom;
mod html;

use std::borrow::Cow;

use leptos::prelude::AnyView;

pub use dom::MarkupState;

/// Elements, text and views, written in document order.
///
/// Each `open` is ended by a `close`, void elements (`img`, `hr`) included. A `close`
/// with nothing open is ignored, and what is still open at the end is closed there. An
/// attribute belongs to the element opened just before it: one written after a text, a
/// view or another element is ignored, in the browser and in published HTML alike.
#[derive(Default)]
pub struct Markup {
    pub(super) tokens: Vec<Token>,
}

pub(super) enum Token {
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
pub(super) enum LivePart {
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
pub(super) type LiveValue = Box<dyn Fn() -> Option<String> + Send + Sync>;

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

/// Whether the element opened last can still take attributes after `token`: an `open`
/// starts its start tag, and attributes and live parts keep it open; anything else ends
/// it. Rendering in the browser and hydrating both follow this rule.
pub(super) fn still_in_start_tag(token: &Token, in_start_tag: bool) -> bool {
    match token {
        Token::Open(_) => true,
        Token::Attribute(..) | Token::Live(_) => in_start_tag,
        _ => false,
    }
}

/// Elements that have no children and no closing tag.
pub(super) fn is_void(tag: &str) -> bool {
    matches!(tag, "img" | "hr" | "wbr" | "br" | "input")
}
leptos::tachys::no_attrs!(Markup);
