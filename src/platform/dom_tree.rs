//! HTML parsed inertly by the browser's `DOMParser`, for the importers that run in the
//! reader (`crate::import::browser_tree`).
//!
//! A document made by `DOMParser` has no browsing context: its scripts never run, its
//! pictures, styles and frames never load, and an `onerror` attribute is only an attribute.
//! The importer's mapping then keeps an allow-list of elements and attributes, as it does
//! with html5ever natively.

use wasm_bindgen::JsCast;

/// One node of a tree `DOMParser` made, or an empty one where it could not parse (a
/// browser without `DOMParser`): no name, no text, no children.
#[derive(Clone)]
pub struct DomTreeNode(Option<web_sys::Node>);

impl DomTreeNode {
    /// The element's local name in lowercase; `None` for anything but an element.
    pub fn element_name(&self) -> Option<String> {
        let element = self.0.as_ref()?.dyn_ref::<web_sys::Element>()?;
        Some(element.local_name().to_ascii_lowercase())
    }

    /// The text of a text node; `None` for anything else (comments included).
    pub fn text(&self) -> Option<String> {
        let node = self.0.as_ref()?;
        (node.node_type() == web_sys::Node::TEXT_NODE).then(|| node.node_value().unwrap_or_default())
    }

    /// The value of attribute `name` of an element.
    pub fn attribute(&self, name: &str) -> Option<String> {
        self.0.as_ref()?.dyn_ref::<web_sys::Element>()?.get_attribute(name)
    }

    /// The node's children, in document order. A `<template>`'s content is not among
    /// them, as in html5ever's tree.
    pub fn children(&self) -> Vec<DomTreeNode> {
        let Some(node) = self.0.as_ref() else { return Vec::new() };
        let nodes = node.child_nodes();
        (0..nodes.length()).filter_map(|index| nodes.item(index)).map(|child| DomTreeNode(Some(child))).collect()
    }
}

/// The document node of `html` parsed as a whole page.
pub fn parse_html_document(html: &str) -> DomTreeNode {
    DomTreeNode(parse(html).map(Into::into))
}

/// The `<body>` of a page whose body is the fragment `html`: its children are the
/// fragment's top-level nodes.
pub fn parse_html_fragment(html: &str) -> DomTreeNode {
    DomTreeNode(parse(html).and_then(|document| document.body()).map(Into::into))
}

fn parse(html: &str) -> Option<web_sys::Document> {
    let parser = web_sys::DomParser::new().ok()?;
    parser.parse_from_string(html, web_sys::SupportedType::TextHtml).ok()
}
