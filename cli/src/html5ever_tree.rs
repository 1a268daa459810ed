//! The importers' HTML back end natively: html5ever, through scraper, behind the
//! reader's [`HtmlNode`] interface (the browser's `DOMParser` is the other back end).

use std::rc::Rc;

use lede::import::html::{HtmlNode, HtmlParser};

/// Parses fragments with html5ever, as a browser parses `innerHTML` of a `<body>`: entities
/// decoded, scripts inert, broken markup repaired the standard way.
pub struct Html5ever;

/// A node of a parsed fragment; it keeps its whole document alive.
#[derive(Clone)]
pub struct Html5everNode {
    document: Rc<scraper::Html>,
    id: ego_tree::NodeId,
}

impl HtmlParser for Html5ever {
    type Node = Html5everNode;

    fn parse_fragment(&self, html: &str) -> Html5everNode {
        let document = Rc::new(scraper::Html::parse_fragment(&with_bounded_nesting(html)));
        // The fragment's nodes are the children of the `<html>` element html5ever puts
        // around them.
        let id = document.root_element().id();
        Html5everNode { document, id }
    }

    fn parse_document(&self, html: &str) -> Html5everNode {
        let document = Rc::new(scraper::Html::parse_document(&with_bounded_nesting(html)));
        let id = document.tree.root().id();
        Html5everNode { document, id }
    }
}

impl Html5everNode {
    fn node(&self) -> Option<ego_tree::NodeRef<'_, scraper::Node>> {
        self.document.tree.get(self.id)
    }
}

impl HtmlNode for Html5everNode {
    fn element_name(&self) -> Option<String> {
        match self.node()?.value() {
            scraper::Node::Element(element) => Some(element.name().to_ascii_lowercase()),
            _ => None,
        }
    }

    fn text(&self) -> Option<String> {
        match self.node()?.value() {
            scraper::Node::Text(text) => Some(text.to_string()),
            _ => None,
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        match self.node()?.value() {
            scraper::Node::Element(element) => element.attr(name).map(str::to_owned),
            _ => None,
        }
    }

    fn children(&self) -> Vec<Html5everNode> {
        self.node()
            .map(|node| {
                node.children()
                    .map(|child| Html5everNode {
                        document: Rc::clone(&self.document),
                        id: child.id(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// How deep elements may nest in what reaches html5ever's tree builder. The importers
/// follow 48 levels; a margin above that keeps ordinary markup whole.
const MAX_NESTING: usize = 128;

/// `html` with its elements nested at most [`MAX_NESTING`] deep: deeper start tags (and
/// their end tags) are left out, their text kept. html5ever's tree builder looks through
/// the whole stack of open elements for each new element, as the standard says, which
/// takes quadratic time on a hostile document nested a hundred thousand deep; its
/// tokenizer is linear, and so is this pass over its tokens. The count of open elements
/// is the standard's where markup is well formed, and an overestimate otherwise.
pub fn with_bounded_nesting(html: &str) -> String {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let sink = NestingBound::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.output.take()
}

/// Elements that have no end tag.
const VOID_ELEMENTS: [&str; 16] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "frame",
];
/// Elements whose end tag may be left out before another of their kind.
const SELF_ENDING_ELEMENTS: [&str; 9] = ["p", "li", "dd", "dt", "option", "tr", "td", "th", "rt"];

#[derive(Default)]
struct NestingBound {
    output: std::cell::RefCell<String>,
    /// The elements open in the output, innermost last.
    open: std::cell::RefCell<Vec<String>>,
    /// Start tags left out, by name, whose end tags are left out too.
    left_out: std::cell::RefCell<std::collections::BTreeMap<String, usize>>,
    /// Text is raw (script, style): written as it came.
    raw_text: std::cell::Cell<bool>,
    /// Text is the raw content of an element left out: left out too.
    dropping_raw_text: std::cell::Cell<bool>,
}

impl html5ever::tokenizer::TokenSink for NestingBound {
    type Handle = ();

    fn process_token(&self, token: html5ever::tokenizer::Token, _line: u64) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{TagKind, Token, TokenSinkResult};
        let mut output = self.output.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        self.raw_text.set(false);
                        self.dropping_raw_text.set(false);
                        let mut open = self.open.borrow_mut();
                        if SELF_ENDING_ELEMENTS.contains(&name.as_str()) && open.last() == Some(&name) {
                            open.pop();
                        }
                        // The tokenizer reads these elements' content as the tree builder
                        // would tell it to.
                        let raw = match name.as_str() {
                            "script" => Some(RawKind::ScriptData),
                            "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                            "textarea" | "title" => Some(RawKind::Rcdata),
                            _ => None,
                        };
                        let is_void = VOID_ELEMENTS.contains(&name.as_str());
                        if !is_void && open.len() >= MAX_NESTING {
                            *self.left_out.borrow_mut().entry(name).or_default() += 1;
                            // A script left out is read as a script, and its text left out
                            // with it: it never becomes text.
                            if let Some(kind) = raw {
                                self.dropping_raw_text.set(true);
                                return TokenSinkResult::RawData(kind);
                            }
                            return TokenSinkResult::Continue;
                        }
                        output.push('<');
                        output.push_str(&name);
                        for attribute in &tag.attrs {
                            output.push(' ');
                            output.push_str(&attribute.name.local);
                            output.push_str("=\"");
                            output.push_str(&attribute.value.replace('&', "&amp;").replace('"', "&quot;"));
                            output.push('"');
                        }
                        output.push('>');
                        if !is_void {
                            open.push(name.clone());
                        }
                        if let Some(kind) = raw {
                            self.raw_text.set(true);
                            return TokenSinkResult::RawData(kind);
                        }
                        if name == "plaintext" {
                            return TokenSinkResult::Plaintext;
                        }
                    }
                    TagKind::EndTag => {
                        self.raw_text.set(false);
                        self.dropping_raw_text.set(false);
                        let mut open = self.open.borrow_mut();
                        if let Some(position) = open.iter().rposition(|open_name| *open_name == name) {
                            open.truncate(position);
                        } else if let Some(count) = self.left_out.borrow_mut().get_mut(&name).filter(|count| **count > 0) {
                            *count -= 1;
                            return TokenSinkResult::Continue;
                        }
                        output.push_str("</");
                        output.push_str(&name);
                        output.push('>');
                    }
                }
            }
            Token::CharacterTokens(text) => {
                if self.dropping_raw_text.get() {
                    return TokenSinkResult::Continue;
                }
                if self.raw_text.get() {
                    output.push_str(&text);
                } else {
                    output.push_str(&text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"));
                }
            }
            Token::DoctypeToken(_) | Token::CommentToken(_) | Token::NullCharacterToken | Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}
