//! Markup written as a published page's HTML, as Leptos writes its own elements, and
//! claimed back from such HTML when hydrating.

use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node, Text};
use leptos::tachys::renderer::{CastFrom, Rndr};
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::{Position, PositionState, RenderHtml};
use std::borrow::Cow;

use super::dom::{apply_live_part, follow_text, MarkupState, MountedNode};
use super::{is_void, still_in_start_tag, LivePart, Markup, Token};

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
            let next_in_start_tag = still_in_start_tag(&token, in_start_tag);
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
            in_start_tag = next_in_start_tag;
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
