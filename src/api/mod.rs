//! The only code that fetches. Every function returns `Result<T, FetchError>`: a failing
//! network, a missing article and a broken article are different things to a reader and
//! must never collapse into "nothing here".
//!
//! Every request is tied to the reactive owner that awaits it: when that owner is
//! cleaned up (the reader moved to another article, or the widget was removed), the
//! request is aborted through its `AbortController` rather than left to finish unseen.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use leptos::reactive::owner::Owner;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::config::{ReaderConfig, CONFIG_PATH};
use crate::model::slug::Slug;
use crate::model::{ArticleDocument, ArticleError, ParsedArticle};
use crate::routing::ArticleLocation;

/// How long a request may take, from sending it to the last byte of the body.
pub const REQUEST_DEADLINE_MS: i32 = 10_000;

/// How many times a failed request is tried again.
pub const MAX_RETRIES: u32 = 2;
/// The wait before the first retry; each further retry waits twice as long.
pub const FIRST_RETRY_DELAY_MS: u32 = 300;
/// The longest wait a server's `Retry-After` may ask for before the reader gives up instead.
pub const MAX_RETRY_AFTER_MS: u32 = 5_000;

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

fn cached_article(url: &str) -> Option<ParsedArticle> {
    RECENT_ARTICLES.with_borrow_mut(|recent| {
        let position = recent.iter().position(|(cached_url, _)| cached_url == url)?;
        let entry = recent.remove(position);
        let article = entry.1.clone();
        recent.push(entry);
        Some(article)
    })
}

fn remember_article(url: &str, article: &ParsedArticle) {
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
async fn join_prefetch(location: &ArticleLocation) {
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
    let navigator = js_sys::Reflect::get(&leptos::prelude::window(), &"navigator".into()).unwrap_or_default();
    let connection = js_sys::Reflect::get(&navigator, &"connection".into()).unwrap_or_default();
    if connection.is_undefined() {
        return false;
    }
    let saves_data = js_sys::Reflect::get(&connection, &"saveData".into()).is_ok_and(|value| value.is_truthy());
    let effective_type = js_sys::Reflect::get(&connection, &"effectiveType".into())
        .ok()
        .and_then(|value| value.as_string());
    saves_data || matches!(effective_type.as_deref(), Some("slow-2g" | "2g"))
}

/// `url` made absolute against this page, so that error messages name it fully and
/// relative URLs inside the article resolve against it.
pub fn absolute_url(url: &str) -> String {
    let page = leptos::prelude::window().location().href().unwrap_or_default();
    crate::whatwg_url::parse_url(url, Some(&page))
        .map(|parsed| parsed.href)
        .unwrap_or_else(|_| url.to_owned())
}

thread_local! {
    static CONFIG: RefCell<Option<ReaderConfig>> = const { RefCell::new(None) };
}

/// The reader's configuration, fetched once from [`CONFIG_PATH`]. A missing file means the
/// defaults; a broken one is an error, since guessing could show the wrong outlet's text.
pub async fn load_config() -> Result<ReaderConfig, FetchError> {
    if let Some(config) = CONFIG.with_borrow(Clone::clone) {
        return Ok(config);
    }
    let url = absolute_url(CONFIG_PATH);
    // Its own controller, for the deadline: the configuration outlives any one page.
    let controller = web_sys::AbortController::new().ok();
    let config = match fetch_text(&url, controller.as_ref()).await {
        Ok(text) => ReaderConfig::parse(&text).map_err(|message| FetchError::Config { message })?,
        Err((FetchError::NotFound { .. }, _)) => ReaderConfig::default(),
        Err((error, _)) => return Err(error),
    };
    CONFIG.with_borrow_mut(|slot| *slot = Some(config.clone()));
    Ok(config)
}

/// The absolute address of the article at `location`, or why it may not be loaded.
///
/// This is the one place where an address taken from the reader's own URL meets the
/// allow-list: the app's `/?src=` and the widget frame's `embed.html?src=` both arrive
/// here as [`ArticleLocation::Source`].
pub fn resolve_location(config: &ReaderConfig, location: &ArticleLocation) -> Result<String, FetchError> {
    match location {
        ArticleLocation::Default => Ok(absolute_url(&config.article_url(&config.default_article))),
        ArticleLocation::Id(article_id) => Ok(absolute_url(&config.article_url(article_id))),
        ArticleLocation::Source(url) => {
            let url = absolute_url(url);
            let reader_origin = leptos::prelude::window().location().origin().unwrap_or_default();
            if config.allows_article_address(&url, &reader_origin) {
                Ok(url)
            } else {
                Err(FetchError::SourceNotAllowed { url })
            }
        }
        ArticleLocation::Embedded(url) => Ok(absolute_url(url)),
    }
}

/// Why an article could not be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request did not reach the server, or the connection broke.
    Network {
        /// The address asked for.
        url: String,
        /// What the browser said.
        detail: String,
    },
    /// The server has no article at that address (HTTP 404 or 410).
    NotFound {
        /// The address asked for.
        url: String,
    },
    /// No complete answer arrived before the deadline.
    TimedOut {
        /// The address asked for.
        url: String,
        /// The deadline in seconds.
        seconds: i32,
    },
    /// The server answered with something that is not JSON, such as an HTML error page.
    NotJson {
        /// The address asked for.
        url: String,
        /// The `Content-Type` it sent, or empty.
        content_type: String,
    },
    /// The document is bigger than the reader accepts: announced so, or found so while
    /// reading it.
    TooLarge {
        /// The address asked for.
        url: String,
        /// The size it announced, if it announced one, in bytes.
        announced_bytes: Option<u64>,
    },
    /// The server answered with another error status.
    Server {
        /// The address asked for.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The document arrived but is not a readable article.
    Article(ArticleError),
    /// The reader's own URL (`/?src=`, or the widget frame's `?src=`) named an address on
    /// an origin that is neither the reader's nor allowed by the configuration.
    SourceNotAllowed {
        /// The address asked for.
        url: String,
    },
    /// The reader's own `lede.config.json` is broken.
    Config {
        /// What is wrong with it, lowercase.
        message: String,
    },
}

impl fmt::Display for FetchError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network { url, detail } => write!(formatter, "could not reach {url}: {detail}"),
            FetchError::NotFound { url } => write!(formatter, "there is no article at {url}"),
            FetchError::TimedOut { url, seconds } => {
                write!(formatter, "{url} did not answer within {seconds} seconds")
            }
            FetchError::NotJson { url, content_type } if content_type.is_empty() => {
                write!(
                    formatter,
                    "{url} did not say what it sent, so it was not read as an article"
                )
            }
            FetchError::NotJson { url, content_type } => {
                write!(formatter, "{url} sent {content_type}, not an article")
            }
            FetchError::TooLarge {
                url,
                announced_bytes: Some(n_bytes),
            } => write!(
                formatter,
                "{url} is {n_bytes} bytes, more than the limit of {} bytes for an article",
                crate::model::validate::MAX_DOCUMENT_BYTES
            ),
            FetchError::TooLarge {
                url,
                announced_bytes: None,
            } => write!(
                formatter,
                "{url} is more than the limit of {} bytes for an article; reading stopped there",
                crate::model::validate::MAX_DOCUMENT_BYTES
            ),
            FetchError::Server { url, status } => {
                write!(formatter, "the server failed to send {url} (http status {status})")
            }
            FetchError::Article(error) => write!(formatter, "{error}"),
            FetchError::SourceNotAllowed { url } => {
                write!(
                    formatter,
                    "{url} is not from a source this reader is configured to show"
                )
            }
            FetchError::Config { message } => write!(
                formatter,
                "the reader's configuration {CONFIG_PATH} is invalid: {message}"
            ),
        }
    }
}

impl std::error::Error for FetchError {}

impl FetchError {
    /// A short, stable name for the kind of failure, for the widget's `lede:error` event:
    /// hosts can branch on it, where the message is for people.
    pub fn reason(&self) -> &'static str {
        match self {
            FetchError::Network { .. } => "network",
            FetchError::NotFound { .. } => "not-found",
            FetchError::TimedOut { .. } => "timed-out",
            FetchError::NotJson { .. } => "not-json",
            FetchError::TooLarge { .. } => "too-large",
            FetchError::Server { .. } => "server",
            FetchError::Article(_) => "invalid-article",
            FetchError::SourceNotAllowed { .. } => "source-not-allowed",
            FetchError::Config { .. } => "config",
        }
    }

    /// True if and only if trying again soon may succeed: the network failed, or the server
    /// was busy or failing (408, 429, 500, 502, 503, 504). Never for a missing or broken
    /// article, and never after the deadline.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Network { .. } => true,
            FetchError::Server { status, .. } => matches!(status, 408 | 429 | 500 | 502 | 503 | 504),
            // The reader has already waited the whole deadline once.
            FetchError::TimedOut { .. } => false,
            FetchError::NotFound { .. }
            | FetchError::NotJson { .. }
            | FetchError::TooLarge { .. }
            | FetchError::Article(_)
            | FetchError::SourceNotAllowed { .. }
            | FetchError::Config { .. } => false,
        }
    }
}

impl FetchError {
    /// True if and only if asking again later may succeed: a transient failure, or a
    /// server too slow this time. This decides whether a reader is offered "Try again".
    pub fn is_transient_or_slow(&self) -> bool {
        self.is_transient() || matches!(self, FetchError::TimedOut { .. })
    }
}

/// How long to wait before retry number `retry` (from 0): 300 ms, then 600 ms, unless the
/// server asked for a longer wait with `Retry-After` (in seconds). `None` means the server
/// asked for a wait too long to keep a reader looking at a spinner.
pub fn retry_delay_ms(retry: u32, retry_after: Option<&str>) -> Option<u32> {
    let backoff = FIRST_RETRY_DELAY_MS.saturating_mul(1 << retry.min(8));
    let asked = retry_after
        .and_then(|value| value.trim().parse::<u32>().ok())
        .map(|seconds| seconds.saturating_mul(1000));
    match asked {
        Some(asked) if asked > MAX_RETRY_AFTER_MS => None,
        Some(asked) => Some(asked.max(backoff)),
        None => Some(backoff),
    }
}

/// Fetches and validates the article at `location` (as the configuration resolves it), trying a
/// transient failure again up to [`MAX_RETRIES`] times with backoff. A recently loaded
/// article comes from memory.
///
/// The request is aborted when the current reactive owner is cleaned up, so call it
/// from inside a resource.
pub async fn fetch_article(location: ArticleLocation) -> Result<ParsedArticle, FetchError> {
    // A reader who opens an article while it is being loaded ahead joins that load rather
    // than asking the server a second time. If it failed, the article is fetched anew.
    join_prefetch(&location).await;
    // One controller for every attempt: when the reader moves on, cleanup aborts it, and
    // an aborted load is never retried, so a superseded request cannot come back.
    let controller = web_sys::AbortController::new().ok();
    let cleanup_controller = SendWrapper::new(controller.clone());
    Owner::on_cleanup(move || {
        if let Some(controller) = cleanup_controller.take() {
            controller.abort();
        }
    });
    fetch_article_now(location, controller).await
}

/// [`fetch_article`] without joining a prefetch, aborted through `abort_controller`: what
/// a prefetch itself calls.
async fn fetch_article_now(
    location: ArticleLocation,
    abort_controller: Option<web_sys::AbortController>,
) -> Result<ParsedArticle, FetchError> {
    // A widget's article is where its snippet says: the host page's `/lede.config.json`
    // is none of the reader's business, and asking for it would be a stray request.
    let url = match &location {
        ArticleLocation::Embedded(url) => absolute_url(url),
        _ => resolve_location(&load_config().await?, &location)?,
    };
    if let Some(article) = cached_article(&url) {
        crate::performance_marks::mark(crate::performance_marks::JSON_ARRIVED);
        return Ok(article);
    }
    let is_aborted = || {
        abort_controller
            .as_ref()
            .is_some_and(|controller| controller.signal().aborted())
    };

    let mut retry = 0;
    let text = loop {
        match fetch_text(&url, abort_controller.as_ref()).await {
            Ok(text) => break text,
            Err((error, retry_after)) if error.is_transient() && retry < MAX_RETRIES && !is_aborted() => {
                let Some(delay) = retry_delay_ms(retry, retry_after.as_deref()) else {
                    return Err(error);
                };
                sleep_ms(delay).await;
                if is_aborted() {
                    return Err(error);
                }
                retry += 1;
            }
            Err((error, _)) => return Err(error),
        }
    };
    crate::performance_marks::mark(crate::performance_marks::JSON_ARRIVED);
    // A long article takes tens of milliseconds per step on a slow phone. Each step runs
    // in a task of its own, and so does the first render after them, so the page keeps
    // answering input while a long article is read.
    let document = ArticleDocument::parse(&text, &url).map_err(FetchError::Article)?;
    drop(text);
    crate::frames::yield_to_browser().await;
    let read_document = document.read();
    crate::frames::yield_to_browser().await;
    let parsed = read_document.validate().map_err(FetchError::Article)?;
    remember_article(&url, &parsed);
    crate::frames::yield_to_browser().await;
    Ok(parsed)
}

async fn sleep_ms(delay_ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            i32::try_from(delay_ms).unwrap_or(i32::MAX),
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// One attempt at the body of `url`, or why not, with the server's `Retry-After` if it
/// sent one. The attempt gives up after [`REQUEST_DEADLINE_MS`] by aborting `controller`.
async fn fetch_text(
    url: &str,
    controller: Option<&web_sys::AbortController>,
) -> Result<String, (FetchError, Option<String>)> {
    // The deadline aborts through the load's controller, and says so, so that an abort
    // reads as "too slow" rather than as a network failure. The timer may still fire after
    // the attempt ended (a clear that did not take): `finished` makes that harmless, and
    // `once_into_js` frees the closure when it runs instead of leaving a dangling one.
    let timed_out = Rc::new(Cell::new(false));
    let finished = Rc::new(Cell::new(false));
    let timer_id = controller.cloned().and_then(|controller| {
        let (timed_out, finished) = (timed_out.clone(), finished.clone());
        let deadline = Closure::once_into_js(move || {
            if !finished.get() {
                timed_out.set(true);
                controller.abort();
            }
        });
        leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(deadline.unchecked_ref(), REQUEST_DEADLINE_MS)
            .ok()
    });
    let abort_signal = controller.map(web_sys::AbortController::signal);
    let outcome = send_and_read(url, abort_signal.as_ref()).await;
    finished.set(true);
    if let Some(timer_id) = timer_id {
        leptos::prelude::window().clear_timeout_with_handle(timer_id);
    }
    match outcome {
        Err((FetchError::Network { .. }, _)) if timed_out.get() => Err((
            FetchError::TimedOut {
                url: url.to_owned(),
                seconds: REQUEST_DEADLINE_MS / 1000,
            },
            None,
        )),
        other => other,
    }
}

async fn send_and_read(
    url: &str,
    abort_signal: Option<&web_sys::AbortSignal>,
) -> Result<String, (FetchError, Option<String>)> {
    let network_error = |error: gloo_net::Error| {
        (
            FetchError::Network {
                url: url.to_owned(),
                detail: error.to_string(),
            },
            None,
        )
    };
    let response = gloo_net::http::Request::get(url)
        .abort_signal(abort_signal)
        .send()
        .await
        .map_err(network_error)?;
    let headers = response.headers();
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err((FetchError::NotFound { url: url.to_owned() }, None)),
        status => {
            return Err((
                FetchError::Server {
                    url: url.to_owned(),
                    status,
                },
                headers.get("retry-after"),
            ))
        }
    }
    // An HTML error page behind a misconfigured proxy is never parsed as an article.
    let content_type = headers.get("content-type").unwrap_or_default();
    let media_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if media_type != "application/json" && !media_type.ends_with("+json") {
        return Err((
            FetchError::NotJson {
                url: url.to_owned(),
                content_type,
            },
            None,
        ));
    }
    // A document announced as too big is refused before a byte of it is read; one whose
    // size is not announced, or announced wrongly, is cut off while reading.
    if let Some(n_bytes) = headers
        .get("content-length")
        .and_then(|value| value.trim().parse::<u64>().ok())
    {
        if n_bytes > crate::model::validate::MAX_DOCUMENT_BYTES as u64 {
            return Err((
                FetchError::TooLarge {
                    url: url.to_owned(),
                    announced_bytes: Some(n_bytes),
                },
                None,
            ));
        }
    }
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let bytes = read_at_most(&body, crate::model::validate::MAX_DOCUMENT_BYTES)
        .await
        .map_err(|error| match error {
            ReadError::TooLarge => (
                FetchError::TooLarge {
                    url: url.to_owned(),
                    announced_bytes: None,
                },
                None,
            ),
            ReadError::Failed(detail) => (
                FetchError::Network {
                    url: url.to_owned(),
                    detail,
                },
                None,
            ),
        })?;
    String::from_utf8(bytes).map_err(|_| {
        let message = "the document is not utf-8 text".to_owned();
        (
            FetchError::Article(crate::model::ArticleError::Syntax {
                source: url.to_owned(),
                message,
            }),
            None,
        )
    })
}

enum ReadError {
    TooLarge,
    Failed(String),
}

/// Reads `body` to its end, or stops and cancels it once more than `limit` bytes came.
// The stream API goes through `Reflect`: its bindings need several web-sys features, and
// every call here may fail (an aborted request rejects the pending read).
async fn read_at_most(body: &web_sys::ReadableStream, limit: usize) -> Result<Vec<u8>, ReadError> {
    let failed = |value: JsValue| {
        ReadError::Failed(
            value
                .as_string()
                .unwrap_or_else(|| "the connection broke while reading".to_owned()),
        )
    };
    let reader = method(body, "getReader")?.call0(body).map_err(failed)?;
    let read = method(&reader, "read")?;
    let mut bytes = Vec::new();
    loop {
        let promise: js_sys::Promise = read
            .call0(&reader)
            .map_err(failed)?
            .dyn_into()
            .map_err(|_| ReadError::Failed("the response body's read() did not return a promise".to_owned()))?;
        let chunk = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(failed)?;
        if js_sys::Reflect::get(&chunk, &"done".into()).is_ok_and(|done| done.is_truthy()) {
            return Ok(bytes);
        }
        let array = js_sys::Uint8Array::new(&js_sys::Reflect::get(&chunk, &"value".into()).map_err(failed)?);
        if bytes.len() + array.length() as usize > limit {
            if let Ok(cancel) = method(&reader, "cancel") {
                let _ = cancel.call0(&reader);
            }
            return Err(ReadError::TooLarge);
        }
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
    }
}

/// `target[name]` if it is a function.
fn method(target: &JsValue, name: &str) -> Result<js_sys::Function, ReadError> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or_else(|| ReadError::Failed(format!("the response body has no {name}()")))
}
