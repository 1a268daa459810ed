//! The page's metadata in `<head>`, kept in step with the article shown: the description,
//! the canonical link, Open Graph and Twitter card tags ([`crate::reading::head`]) and a
//! schema.org `NewsArticle` in JSON-LD.
//!
//! Only the full-page app does this; an embedded widget must never touch its host's
//! `<head>`. Everything is written through DOM attributes and `textContent`, never parsed
//! as HTML.

use leptos::prelude::*;

use crate::reading::head::head_tags;
use crate::routing::{article_page_path, Route};
use crate::reading::json_ld::news_article_json_ld;
use crate::model::Article;

/// The attribute that marks the elements this module owns (a published page's head tags
/// carry it too, so that the app updates them rather than adding a second set).
pub const OWNER_ATTRIBUTE: &str = "data-lede";

/// Describes `article` in `<head>`, or removes the description when there is no article
/// (an error or not-found page), so no stale article is advertised.
pub fn describe_page(article: Option<&Article>) {
    let Some(head) = document().head() else { return };
    let Some(article) = article else {
        // Each removal shrinks the set, so this ends; a failed removal ends it too.
        while let Ok(Some(owned)) = head.query_selector(&format!("[{OWNER_ATTRIBUTE}]")) {
            if head.remove_child(&owned).is_err() {
                break;
            }
        }
        return;
    };
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    // An article of the reader's own site is known by its published page's address,
    // whether it is read there, at `/articles/{id}` or on the front page: the published
    // page says the same before the app takes it over.
    let page_url = match Route::from_location(&path, &query) {
        Route::Home => format!("{origin}{}", article_page_path(&article.id)),
        Route::Article(id) if id == article.id => format!("{origin}{}", article_page_path(&article.id)),
        _ => format!("{origin}{path}"),
    };
    for tag in head_tags(article, &page_url) {
        let (element, key) = (tag.kind.element(), tag.kind.key_attribute());
        match &tag.value {
            Some(value) => set_tag(&head, element, key, tag.key, tag.kind.value_attribute(), value),
            None => remove_tag(&head, element, key, tag.key),
        }
    }
    let script = owned_element(&head, "script", "type", "application/ld+json");
    if let Some(script) = script {
        script.set_text_content(Some(&news_article_json_ld(article, &page_url)));
    }
}

fn selector(tag: &str, key: &str, value: &str) -> String {
    format!("{tag}[{OWNER_ATTRIBUTE}][{key}=\"{value}\"]")
}

/// The owned `<tag key="value">` in `head`, created if missing.
fn owned_element(head: &web_sys::HtmlHeadElement, tag: &str, key: &str, value: &str) -> Option<web_sys::Element> {
    if let Ok(Some(existing)) = head.query_selector(&selector(tag, key, value)) {
        return Some(existing);
    }
    let element = document().create_element(tag).ok()?;
    element.set_attribute(OWNER_ATTRIBUTE, "").ok()?;
    element.set_attribute(key, value).ok()?;
    head.append_child(&element).ok()?;
    Some(element)
}

fn set_tag(head: &web_sys::HtmlHeadElement, tag: &str, key: &str, value: &str, attribute: &str, content: &str) {
    if let Some(element) = owned_element(head, tag, key, value) {
        let _ = element.set_attribute(attribute, content);
    }
}

fn remove_tag(head: &web_sys::HtmlHeadElement, tag: &str, key: &str, value: &str) {
    if let Ok(Some(existing)) = head.query_selector(&selector(tag, key, value)) {
        let _ = head.remove_child(&existing);
    }
}
