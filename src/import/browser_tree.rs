//! The importers' HTML parser in the reader: the browser's inert `DOMParser`
//! (`crate::platform::dom_tree`), behind the same [`HtmlNode`] interface as html5ever's
//! tree in the `lede` command, so that both run one mapping.

use crate::platform::dom_tree::{parse_html_document, parse_html_fragment, DomTreeNode};

use super::html::{HtmlNode, HtmlParser};

impl HtmlNode for DomTreeNode {
    fn element_name(&self) -> Option<String> {
        DomTreeNode::element_name(self)
    }
    fn text(&self) -> Option<String> {
        DomTreeNode::text(self)
    }
    fn attribute(&self, name: &str) -> Option<String> {
        DomTreeNode::attribute(self, name)
    }
    fn children(&self) -> Vec<Self> {
        DomTreeNode::children(self)
    }
}

/// Parses with the browser's `DOMParser`.
pub struct BrowserHtmlParser;

impl HtmlParser for BrowserHtmlParser {
    type Node = DomTreeNode;
    fn parse_fragment(&self, html: &str) -> DomTreeNode {
        parse_html_fragment(html)
    }
    fn parse_document(&self, html: &str) -> DomTreeNode {
        parse_html_document(html)
    }
}
