//! Browser tests: components mounted into a real DOM in headless Chromium and Firefox
//! (`cargo xtask test` runs both). Elements are found by role, landmark or `data-testid`.
//!
//! One file per behaviour; this one holds what they share: mounting an article or a widget
//! (the actions) and finding what it shows (the results).
#![cfg(target_arch = "wasm32")]

mod errors;
mod importing;
mod interaction;
mod markup;
mod parsing;
mod reading_view;
mod settings;
mod times;
mod widgets;

use std::sync::{Arc, Mutex};

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[path = "../support/long_article.rs"]
mod long_article;
#[path = "../support/url_vectors.rs"]
mod url_vectors;

use lede::components::ErrorState;
use lede::pages::ReadingView;
use lede::model::slug::Slug;
use lede::model::{parse_article, Article};
use lede::routing::ArticleNavigation;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_JSON: &str = include_str!("../../fixtures/articles/zelensky-kushner-witkoff-call.json");

fn seed_article() -> Article {
    match parse_article(SEED_JSON, "articles/zelensky-kushner-witkoff-call.json") {
        Ok(parsed) => std::sync::Arc::unwrap_or_clone(parsed.article),
        Err(error) => panic!("{error}"),
    }
}

/// A fresh element in the document for one test to mount into.
fn fresh_container() -> web_sys::HtmlElement {
    let document = document();
    let container = document
        .create_element("div")
        .expect("create a container")
        .unchecked_into::<web_sys::HtmlElement>();
    document
        .body()
        .expect("the test page has a body")
        .append_child(&container)
        .expect("append the container");
    container
}

/// Mounts the reading view and waits for the first paint: the related articles and what
/// follows the body are rendered just after it, to keep the first render short.
async fn mount_article_view_after_first_paint(
    article: Article,
    navigation: ArticleNavigation,
) -> (web_sys::HtmlElement, impl Sized) {
    let mounted = mount_article_view(article, navigation);
    after_next_paint().await;
    mounted
}

/// Resolves in the task after the next paint. Callbacks the view queued the same way
/// before (`lede::platform::frames::after_next_paint`) have run by then.
async fn after_next_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    let task = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(task).await;
}

fn all(container: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let nodes = container.query_selector_all(selector).expect("a valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.dyn_into().ok())
        .collect()
}

fn one(container: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    container
        .query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(element: &web_sys::Element) -> String {
    element.text_content().unwrap_or_default()
}

fn ignore_navigation() -> ArticleNavigation {
    ArticleNavigation {
        open: Callback::new(|_| ()),
        prefetch: Callback::new(|_| ()),
        href: Callback::new(|id: Slug| format!("/articles/{id}")),
        leave: None,
    }
}

/// Mounts the reading view of `article` into a fresh container. Keep the returned handle
/// alive for as long as the test reads the DOM: dropping it unmounts the view.
fn mount_article_view(article: Article, navigation: ArticleNavigation) -> (web_sys::HtmlElement, impl Sized) {
    let container = fresh_container();
    let mounted = mount_to(
        container.clone(),
        move || view! { <ReadingView article=article navigation=navigation /> },
    );
    (container, mounted)
}

const LONG_FORM_JSON: &str = include_str!("../../fixtures/articles/peace-talks-explainer.json");
const RIGHT_TO_LEFT_JSON: &str = include_str!("../../fixtures/articles/zelensky-call-ar.json");

fn fixture_article(json: &str, id: &str) -> Article {
    match parse_article(json, &format!("https://reader.example/articles/{id}.json")) {
        Ok(parsed) => std::sync::Arc::unwrap_or_clone(parsed.article),
        Err(error) => panic!("{error}"),
    }
}

fn clear_stored_settings() {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.remove_item(lede::reader_settings::STORAGE_KEY);
    }
}

// Mounting widgets into a shadow root as embed.js does, fed by `data:` URLs so that the
// tests need no server.

/// A `data:` URL whose body is `json`, as a server would send it.
fn data_url(json: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(json))
    )
}

/// A host element in the document with an open shadow root holding the widget's mount
/// point, as embed.js builds it.
fn widget_host() -> (web_sys::HtmlElement, web_sys::ShadowRoot, web_sys::HtmlElement) {
    let host = fresh_container();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .expect("attach a shadow root");
    let mount = document()
        .create_element("div")
        .expect("create the mount point")
        .unchecked_into::<web_sys::HtmlElement>();
    mount.set_class_name("lede-app lede-embed");
    shadow.append_child(&mount).expect("append the mount point");
    (host, shadow, mount)
}

/// Mounts a widget with these attributes; returns it and the events it reported, as
/// "type" or "type:reason".
fn mount_widget(
    mount: &web_sys::HtmlElement,
    attributes: &[(&str, &str)],
) -> (
    lede::embed::EmbeddedArticle,
    std::rc::Rc<std::cell::RefCell<Vec<String>>>,
) {
    use wasm_bindgen::closure::Closure;
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let recorder = events.clone();
    let report = Closure::<dyn FnMut(wasm_bindgen::JsValue, wasm_bindgen::JsValue)>::new(
        move |kind: wasm_bindgen::JsValue, detail| {
            let reason = js_sys::Reflect::get(&detail, &"reason".into())
                .ok()
                .and_then(|reason| reason.as_string());
            let kind = kind.as_string().unwrap_or_default();
            recorder.borrow_mut().push(match reason {
                Some(reason) => format!("{kind}:{reason}"),
                None => kind,
            });
        },
    )
    .into_js_value()
    .unchecked_into::<js_sys::Function>();
    let pairs: js_sys::Array = attributes
        .iter()
        .map(|(name, value)| js_sys::Array::of2(&(*name).into(), &(*value).into()))
        .collect();
    let widget = lede::embed::mount_embedded_article(mount.clone(), pairs, report).expect("the widget mounts");
    (widget, events)
}

/// Waits (up to five seconds) until `condition` holds.
async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
    }
    panic!("timed out waiting until {what}");
}

fn in_shadow(shadow: &web_sys::ShadowRoot, selector: &str) -> Option<web_sys::Element> {
    shadow.query_selector(selector).ok().flatten()
}

/// An article of `sections` sections of `paragraphs` paragraphs each.
fn long_article(sections: usize, paragraphs: usize) -> Article {
    let json = long_article::long_article_json(sections, paragraphs);
    fixture_article(&json, "long")
}
