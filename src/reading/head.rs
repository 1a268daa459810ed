//! What the page's `<head>` says about an article (description, canonical link, Open Graph
//! and Twitter card tags), as plain values: the reader's page writes them into its head
//! through the DOM, and a published page writes them as HTML. One list, so that a link
//! preview reads the same before and after the app has taken a page over.

use crate::model::article::Article;

/// Which attribute names a head tag: `<meta name=…>`, `<meta property=…>` or `<link rel=…>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadTagKind {
    /// `<meta name="…" content="…">`.
    MetaName,
    /// `<meta property="…" content="…">` (Open Graph).
    MetaProperty,
    /// `<link rel="…" href="…">`.
    Link,
}

impl HeadTagKind {
    /// The element's name.
    pub fn element(self) -> &'static str {
        match self {
            HeadTagKind::MetaName | HeadTagKind::MetaProperty => "meta",
            HeadTagKind::Link => "link",
        }
    }

    /// The attribute that names the tag.
    pub fn key_attribute(self) -> &'static str {
        match self {
            HeadTagKind::MetaName => "name",
            HeadTagKind::MetaProperty => "property",
            HeadTagKind::Link => "rel",
        }
    }

    /// The attribute that holds the tag's value.
    pub fn value_attribute(self) -> &'static str {
        match self {
            HeadTagKind::MetaName | HeadTagKind::MetaProperty => "content",
            HeadTagKind::Link => "href",
        }
    }
}

/// One tag of the head, such as `<meta property="og:title" content="…">`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadTag {
    /// Which attribute names it.
    pub kind: HeadTagKind,
    /// Its name, such as `og:title`.
    pub key: &'static str,
    /// Its value; `None` when the article has none, so that a stale one is removed.
    pub value: Option<String>,
}

/// The address the article is known by: its canonical URL, or else `page_url`.
pub fn canonical_address(article: &Article, page_url: &str) -> String {
    article
        .canonical_url
        .as_ref()
        .map_or_else(|| page_url.to_owned(), |url| url.to_string())
}

/// Every tag the head carries for `article`, shown at `page_url`, in the order written.
pub fn head_tags(article: &Article, page_url: &str) -> Vec<HeadTag> {
    let canonical = canonical_address(article, page_url);
    let summary = article.summary.plain_text();
    let image = article
        .lead_image
        .as_ref()
        .map(|image| image.fallback_source().url.to_string());
    let card = if image.is_some() { "summary_large_image" } else { "summary" };
    let tag = |kind, key, value: &str| HeadTag {
        kind,
        key,
        value: Some(value.to_owned()),
    };
    vec![
        tag(HeadTagKind::MetaName, "description", &summary),
        tag(HeadTagKind::Link, "canonical", &canonical),
        tag(HeadTagKind::MetaProperty, "og:type", "article"),
        tag(HeadTagKind::MetaProperty, "og:site_name", &article.outlet.name),
        tag(HeadTagKind::MetaProperty, "og:title", &article.headline),
        tag(HeadTagKind::MetaProperty, "og:description", &summary),
        tag(HeadTagKind::MetaProperty, "og:url", &canonical),
        HeadTag {
            kind: HeadTagKind::MetaProperty,
            key: "og:image",
            value: image,
        },
        tag(HeadTagKind::MetaName, "twitter:card", card),
        tag(HeadTagKind::MetaName, "twitter:title", &article.headline),
        tag(HeadTagKind::MetaName, "twitter:description", &summary),
    ]
}
