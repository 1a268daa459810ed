//! Articles kept in memory, so that Back is instant, and articles loaded ahead of being
//! opened (prefetches), which a load can join rather than asking the server twice.

use std::cell::RefCell;

use leptos::reactive::owner::Owner;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use crate::api::fetch_article_now;
use crate::api::location::ArticleLocation;
use crate::model::slug::Slug;
use crate::model::ParsedArticle;
use crate::platform::js;

/// How many recently loaded articles are kept in memory, so that Back is instant.
pub const CACHED_ARTICLES: usize = 12;

thread_local! {
    // Most recently used last. wasm in the browser has one thread, so this is the cache.
    static RECENT_ARTICLES: RefCell<Vec<(String, ParsedArticle)>> = const { RefCell::new(Vec::new()) };
    static PREFETCHES_UNDER_WAY: RefCell<Vec<PrefetchUnderWay>> = const { RefCell::new(Vec::new()) };
}

/// A prefetch that has not finished, and the loads that joined it.
struct PrefetchUnderWay {
    location: ArticleLocation,
    /// Aborts the prefetch's request.
    controller: Option<web_sys::AbortController>,
    /// The `resolve` functions of the loads waiting for it.
    waiting: Vec<js_sys::Function>,
}

pub(crate) fn cached_article(url: &str) -> Option<ParsedArticle> {
    RECENT_ARTICLES.with_borrow_mut(|recent| {
        let position = recent.iter().position(|(cached_url, _)| cached_url == url)?;
        let entry = recent.remove(position);
        let article = entry.1.clone();
        recent.push(entry);
        Some(article)
    })
}

pub(crate) fn remember_article(url: &str, article: &ParsedArticle) {
    RECENT_ARTICLES.with_borrow_mut(|recent| {
        recent.retain(|(cached_url, _)| cached_url != url);
        recent.push((url.to_owned(), article.clone()));
        if recent.len() > CACHED_ARTICLES {
            recent.remove(0);
        }
    });
}

/// Starts loading `article_id` into the cache, so that opening it is instant. Does nothing
/// if it is cached or under way already, or if the reader's browser asks to save data.
pub fn prefetch_article(article_id: Slug) {
    prefetch_article_at(ArticleLocation::Id(article_id));
}

/// [`prefetch_article`] for an article anywhere, such as a related article next to a
/// widget's article.
pub fn prefetch_article_at(location: ArticleLocation) {
    let already_wanted =
        PREFETCHES_UNDER_WAY.with_borrow(|under_way| under_way.iter().any(|prefetch| prefetch.location == location));
    if already_wanted || reader_saves_data() {
        return;
    }
    // No reactive owner: a prefetch outlives the card that asked for it, unless a load
    // joins it and is then left (see `join_prefetch`).
    let controller = web_sys::AbortController::new().ok();
    PREFETCHES_UNDER_WAY.with_borrow_mut(|under_way| {
        under_way.push(PrefetchUnderWay {
            location: location.clone(),
            controller: controller.clone(),
            waiting: Vec::new(),
        })
    });
    leptos::task::spawn_local(async move {
        // The outcome lands in the cache; a failure is simply fetched again on opening.
        let _ = fetch_article_now(location.clone(), controller).await;
        let finished = PREFETCHES_UNDER_WAY.with_borrow_mut(|under_way| {
            let position = under_way.iter().position(|prefetch| prefetch.location == location)?;
            Some(under_way.remove(position))
        });
        for resolve in finished.map(|prefetch| prefetch.waiting).into_iter().flatten() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
}

/// Waits for the prefetch of `location`, if one is under way. The prefetch becomes this
/// load's request: when the current owner is cleaned up (the reader moved on), it is
/// aborted like any other.
pub(crate) async fn join_prefetch(location: &ArticleLocation) {
    let mut joined_controller = None;
    let finished = js_sys::Promise::new(&mut |resolve, _reject| {
        PREFETCHES_UNDER_WAY.with_borrow_mut(|under_way| {
            if let Some(prefetch) = under_way.iter_mut().find(|prefetch| prefetch.location == *location) {
                prefetch.waiting.push(resolve);
                joined_controller = Some(prefetch.controller.clone());
            }
        });
    });
    let Some(controller) = joined_controller else { return };
    let cleanup_controller = SendWrapper::new(controller);
    Owner::on_cleanup(move || {
        if let Some(controller) = cleanup_controller.take() {
            controller.abort();
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(finished).await;
}

/// True if the reader's browser asks to save data (`navigator.connection.saveData`) or is
/// on a 2G connection; read through `Reflect` because most browsers lack the API.
fn reader_saves_data() -> bool {
    let connection = js::property(&js::property(&leptos::prelude::window(), "navigator"), "connection");
    if connection.is_undefined() {
        return false;
    }
    let saves_data = js::property(&connection, "saveData").is_truthy();
    let effective_type = js::property(&connection, "effectiveType").as_string();
    saves_data || matches!(effective_type.as_deref(), Some("slow-2g" | "2g"))
}
