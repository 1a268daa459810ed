//! The body of an article from HTML: sections at second-level headings, blocks from an
//! allow-list of elements, and inline runs from an allow-list of inline elements. Anything
//! else is dropped and reported; a script, a style, a frame or a form never becomes
//! anything. Entities are decoded by the parser; white space is collapsed as a browser
//! collapses it.
//!
//! The mapping walks any tree behind [`HtmlNode`]: html5ever's natively, the browser's
//! inert `DOMParser` document in the reader.

use std::collections::BTreeMap;

use crate::model::wire::{WireBlock, WireInline, WireSection};

use super::html_blocks::{descendants_named, is_slug};
use super::runs::{Runs, Style};
use super::Notes;
pub use super::runs::{collapse_white_space, short_text};

/// One node of a parsed HTML tree, as the mapping needs it.
pub trait HtmlNode: Sized {
    /// The element's local name in lowercase; `None` for anything but an element.
    fn element_name(&self) -> Option<String>;
    /// The text of a text node; `None` for anything else.
    fn text(&self) -> Option<String>;
    /// The value of the element's attribute `name`.
    fn attribute(&self, name: &str) -> Option<String>;
    /// The node's children, in document order.
    fn children(&self) -> Vec<Self>;
}

/// Parses HTML fragments for an importer: html5ever natively, `DOMParser` in the browser.
pub trait HtmlParser {
    /// The parser's tree node.
    type Node: HtmlNode + Clone;
    /// The root of the fragment `html`, whose children are its top-level nodes.
    fn parse_fragment(&self, html: &str) -> Self::Node;
    /// The document node of the whole page `html`, whose child is its `<html>` element.
    fn parse_document(&self, html: &str) -> Self::Node;
}

/// What the mapping needs to know about the document the HTML came from.
pub struct HtmlSource<'a> {
    /// The source field the HTML is in, for the report, such as `content.rendered`.
    pub field: &'a str,
    /// The address relative links and pictures resolve against (the post's own page).
    pub base_url: Option<&'a str>,
    /// The heading of the section that holds what comes before the first second-level
    /// heading (an article's sections all have one).
    pub first_heading: &'a str,
}

/// Elements that never become anything, and are counted in the report.
const DROPPED_ELEMENTS: [&str; 18] = [
    "script", "style", "iframe", "frame", "frameset", "form", "object", "embed", "noscript", "template", "svg",
    "canvas", "video", "audio", "button", "input", "select", "textarea",
];

/// How deep the mapping follows nested elements. Real articles nest a handful of levels; a
/// deeper document is hostile, and its deeper content is dropped and reported.
pub(super) const MAX_DEPTH: usize = 48;

/// The sections of an article body written in the HTML under `root`.
pub fn sections_from_html<N: HtmlNode>(root: &N, source: &HtmlSource<'_>, notes: &mut Notes) -> Vec<WireSection> {
    sections_from(root, source, notes, false)
}

/// The sections of an article body in the main column `root` of a web page: as
/// [`sections_from_html`], and the page's navigation, asides, headers and footers are left
/// out, and so is a first-level heading that repeats the headline.
pub fn sections_from_page_html<N: HtmlNode>(root: &N, source: &HtmlSource<'_>, notes: &mut Notes) -> Vec<WireSection> {
    sections_from(root, source, notes, true)
}

fn sections_from<N: HtmlNode>(root: &N, source: &HtmlSource<'_>, notes: &mut Notes, is_web_page: bool) -> Vec<WireSection> {
    let mut mapping = Mapping {
        is_web_page,
        source,
        sections: Vec::new(),
        current: WireSection {
            id: None,
            heading: source.first_heading.to_owned(),
            blocks: Vec::new(),
        },
        dropped: BTreeMap::new(),
        notes,
    };
    mapping.blocks_of(root, 0);
    mapping.finish()
}

/// All the text under `root` as one inline text, its paragraphs run together with a space
/// between them (a summary, a caption), or `None` when there is none.
pub fn inline_from_html<N: HtmlNode>(root: &N, source: &HtmlSource<'_>, notes: &mut Notes) -> Option<WireInline> {
    let mut mapping = Mapping {
        is_web_page: false,
        source,
        sections: Vec::new(),
        current: WireSection::default(),
        dropped: BTreeMap::new(),
        notes,
    };
    let mut runs = Runs::default();
    mapping.inline_blocks(root, &mut runs, 0);
    let dropped = std::mem::take(&mut mapping.dropped);
    for (name, count) in dropped {
        mapping.notes.dropped(source.field, format!("{count} <{name}> element(s): no script, style, frame, form or media element becomes part of an article"));
    }
    runs.finish()
}

/// The text of `node` and its descendants, with white space collapsed and trimmed.
pub fn plain_text<N: HtmlNode>(node: &N) -> String {
    let mut text = String::new();
    collect_text(node, &mut text, 0);
    collapse_white_space(&text)
}

fn collect_text<N: HtmlNode>(node: &N, text: &mut String, depth: usize) {
    if let Some(own) = node.text() {
        text.push_str(&own);
        return;
    }
    let name = node.element_name().unwrap_or_default();
    if depth > MAX_DEPTH || DROPPED_ELEMENTS.contains(&name.as_str()) {
        return;
    }
    if name == "br" {
        text.push(' ');
    }
    for child in node.children() {
        collect_text(&child, text, depth + 1);
    }
}

/// The body being built from one HTML tree (the block-level elements here; lists,
/// quotations, pictures and embeds in `html_blocks.rs`).
pub(super) struct Mapping<'s, 'n> {
    /// The HTML is a whole page's main column, with furniture around the article.
    is_web_page: bool,
    pub(super) source: &'s HtmlSource<'s>,
    sections: Vec<WireSection>,
    current: WireSection,
    /// Dropped elements by name, reported once each with a count.
    dropped: BTreeMap<String, usize>,
    pub(super) notes: &'n mut Notes,
}

impl Mapping<'_, '_> {
    fn finish(mut self) -> Vec<WireSection> {
        if !self.current.blocks.is_empty() || self.sections.is_empty() {
            self.sections.push(self.current);
        }
        for (name, count) in &self.dropped {
            self.notes
                .dropped(self.source.field, format!("{count} <{name}> element(s): no script, style, frame, form or media element becomes part of an article"));
        }
        // A section that ended up with no blocks (a heading followed by nothing the
        // format carries) cannot be published; its heading goes with a note.
        let mut kept = Vec::with_capacity(self.sections.len());
        for section in self.sections {
            if section.blocks.is_empty() {
                self.notes
                    .dropped(self.source.field, format!("the section \"{}\", which held nothing the format carries", section.heading));
            } else {
                kept.push(section);
            }
        }
        kept
    }

    fn drop_element(&mut self, name: &str) {
        *self.dropped.entry(name.to_owned()).or_default() += 1;
    }

    pub(super) fn push(&mut self, block: WireBlock) {
        self.current.blocks.push(block);
    }

    /// The children of `node` as blocks.
    pub(super) fn blocks_of<N: HtmlNode>(&mut self, node: &N, depth: usize) {
        if depth > MAX_DEPTH {
            self.notes.dropped(self.source.field, format!("what is nested more than {MAX_DEPTH} elements deep"));
            return;
        }
        // Text and inline elements directly among blocks make paragraphs of their own.
        let mut loose_inline: Vec<N> = Vec::new();
        for child in node.children() {
            if is_inline(&child) {
                loose_inline.push(child);
                continue;
            }
            self.paragraph_from(&loose_inline, depth);
            loose_inline.clear();
            self.block(&child, depth + 1);
        }
        self.paragraph_from(&loose_inline, depth);
    }

    fn paragraph_from<N: HtmlNode>(&mut self, nodes: &[N], depth: usize) {
        let mut runs = Runs::default();
        for node in nodes {
            self.inline(node, Style::default(), &mut runs, depth + 1);
        }
        if let Some(text) = runs.finish() {
            self.push(WireBlock::Paragraph { id: None, text });
        }
    }

    fn block<N: HtmlNode>(&mut self, node: &N, depth: usize) {
        let Some(name) = node.element_name() else { return };
        let class = node.attribute("class").unwrap_or_default();
        if self.is_web_page {
            match name.as_str() {
                "nav" | "aside" | "header" | "footer" => {
                    self.notes.dropped(self.source.field, format!("the page's <{name}>, which is around the article, not in it"));
                    return;
                }
                "h1" if plain_text(node) == self.source.first_heading => return,
                _ => {}
            }
        }
        match name.as_str() {
            _ if DROPPED_ELEMENTS.contains(&name.as_str()) => self.drop_element(&name),
            "h1" | "h2" => {
                let Some(heading) = self.short(&plain_text(node)) else { return };
                let finished = std::mem::replace(
                    &mut self.current,
                    WireSection {
                        id: node.attribute("id").filter(|id| is_slug(id)),
                        heading,
                        blocks: Vec::new(),
                    },
                );
                if !finished.blocks.is_empty() {
                    self.sections.push(finished);
                } else if !self.sections.is_empty() || finished.heading != self.source.first_heading {
                    self.sections.push(finished);
                }
            }
            "h3" | "h4" | "h5" | "h6" => {
                if let Some(text) = self.short(&plain_text(node)) {
                    self.push(WireBlock::Subheading { id: None, text });
                }
            }
            "p" => {
                // A paragraph that holds only a picture is the picture.
                let pictures = descendants_named(node, "img", depth);
                if pictures.len() == 1 && plain_text(node).is_empty() {
                    if let Some(figure) = self.figure(&pictures[0], None) {
                        self.push(figure);
                    }
                    return;
                }
                self.paragraph_from(&node.children(), depth);
            }
            "pre" => {
                self.notes.guessed(self.source.field, "preformatted text became a paragraph, its line breaks spaces");
                self.paragraph_from(&node.children(), depth);
            }
            "ul" | "ol" => {
                let mut items = Vec::new();
                self.list_items(node, &mut items, depth);
                if !items.is_empty() {
                    let style = if name == "ol" { "ordered" } else { "unordered" };
                    self.push(WireBlock::List { id: None, style: style.to_owned(), items });
                }
            }
            "hr" => self.push(WireBlock::Divider { id: None }),
            "blockquote" => self.blockquote(node, depth),
            "figure" if class.contains("wp-block-pullquote") => self.pull_quote(node, depth),
            "figure" if class.contains("wp-block-embed") => self.embed(node),
            "figure" => {
                let pictures = descendants_named(node, "img", depth);
                let caption = node
                    .children()
                    .into_iter()
                    .find(|child| child.element_name().as_deref() == Some("figcaption"))
                    .and_then(|caption| self.inline_text(&caption, depth));
                match pictures.first() {
                    Some(picture) => {
                        if let Some(figure) = self.figure(picture, caption) {
                            self.push(figure);
                        }
                        if pictures.len() > 1 {
                            self.notes.dropped(self.source.field, format!("{} more picture(s) of a gallery: a figure holds one", pictures.len() - 1));
                        }
                    }
                    None => self.blocks_of(node, depth),
                }
            }
            "img" => {
                if let Some(figure) = self.figure(node, None) {
                    self.push(figure);
                }
            }
            "table" => self.notes.dropped(self.source.field, "a table: the format has no tables"),
            "figcaption" => {}
            _ => self.blocks_of(node, depth),
        }
    }

    /// The inline text of `node`, block children separated by a space.
    fn inline_blocks<N: HtmlNode>(&mut self, node: &N, runs: &mut Runs, depth: usize) {
        for child in node.children() {
            if is_inline(&child) {
                self.inline(&child, Style::default(), runs, depth + 1);
            } else if child.element_name().is_some_and(|name| DROPPED_ELEMENTS.contains(&name.as_str())) {
                self.inline(&child, Style::default(), runs, depth + 1);
            } else if depth < MAX_DEPTH {
                runs.separate();
                self.inline_blocks(&child, runs, depth + 1);
                runs.separate();
            }
        }
    }

    pub(super) fn inline_text<N: HtmlNode>(&mut self, node: &N, depth: usize) -> Option<WireInline> {
        let mut runs = Runs::default();
        for child in node.children() {
            self.inline(&child, Style::default(), &mut runs, depth + 1);
        }
        runs.finish()
    }

    pub(super) fn inline<N: HtmlNode>(&mut self, node: &N, style: Style, runs: &mut Runs, depth: usize) {
        if let Some(text) = node.text() {
            runs.push(&text, &style);
            return;
        }
        let Some(name) = node.element_name() else { return };
        if depth > MAX_DEPTH {
            self.notes.dropped(self.source.field, format!("text nested more than {MAX_DEPTH} elements deep"));
            return;
        }
        let mut style = style;
        match name.as_str() {
            _ if DROPPED_ELEMENTS.contains(&name.as_str()) => {
                self.drop_element(&name);
                return;
            }
            "br" => {
                runs.push(" ", &style);
                return;
            }
            "img" => {
                self.notes.dropped(self.source.field, "a picture inside a line of text");
                return;
            }
            "strong" | "b" => style.bold = true,
            "em" | "i" => style.italic = true,
            "a" => {
                if let Some(href) = node.attribute("href") {
                    match self.link_url(&href) {
                        Some(url) => style.href = Some(url),
                        None => self.notes.dropped(self.source.field, format!("the link to \"{}\", whose scheme the format refuses; its text is kept", href.escape_debug())),
                    }
                }
            }
            _ => {}
        }
        for child in node.children() {
            self.inline(&child, style.clone(), runs, depth + 1);
        }
    }

    /// `text` as short text, noting when it had to be cut.
    pub(super) fn short(&mut self, text: &str) -> Option<String> {
        let (text, was_cut) = short_text(text)?;
        if was_cut {
            self.notes.guessed(self.source.field, format!("\"{text}\" was cut to the format's {} characters", crate::model::validate::MAX_SHORT_TEXT_CHARS));
        }
        Some(text)
    }

    /// `address` resolved against the source's page, if it is http(s).
    pub(super) fn web_url(&self, address: &str) -> Option<String> {
        super::fields::web_url(address, self.source.base_url)
    }

    /// A link's address, if the format allows it: http(s) or mailto.
    pub(super) fn link_url(&self, address: &str) -> Option<String> {
        let parsed = crate::platform::url::parse_url(address.trim(), self.source.base_url).ok()?;
        matches!(parsed.scheme.as_str(), "http" | "https" | "mailto").then_some(parsed.href)
    }
}

/// True for text and the elements that live inside a line.
pub(super) fn is_inline<N: HtmlNode>(node: &N) -> bool {
    if node.text().is_some() {
        return true;
    }
    matches!(
        node.element_name().as_deref(),
        Some(
            "a" | "abbr" | "b" | "bdi" | "bdo" | "br" | "cite" | "code" | "data" | "dfn" | "em" | "i" | "kbd" | "mark"
                | "q" | "s" | "samp" | "small" | "span" | "strong" | "sub" | "sup" | "time" | "u" | "var" | "wbr"
        )
    )
}
