//! The only code that fetches. Every function returns `Result<T, FetchError>`: a failing
//! network, a missing article and a broken article are different things to a reader and
//! must never collapse into "nothing here".
//!
//! Every request is tied to the reactive owner that awaits it: when that owner is
//! cleaned up (the reader moved to another article, or the widget was removed), the
//! request is aborted through its `AbortController` rather than left to finish unseen.

use std::cell::Cell;
use std::fmt;
use std::rc::Rc;

use leptos::reactive::owner::Owner;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::model::slug::Slug;
use crate::model::{parse_article, ArticleError, ParsedArticle};

/// How long a request may take, from sending it to the last byte of the body.
pub const REQUEST_DEADLINE_MS: i32 = 10_000;

/// Where article documents are served from, relative to the app's origin.
pub const ARTICLES_BASE_PATH: &str = "/articles";

/// The absolute address of the document for the article `article_id` on this page's
/// origin. Absolute, so that error messages name it fully and relative URLs inside the
/// article resolve against it.
pub fn article_document_url(article_id: &Slug) -> String {
    let origin = leptos::prelude::window().location().origin().unwrap_or_default();
    format!("{origin}{ARTICLES_BASE_PATH}/{article_id}.json")
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
    /// The server answered with another error status.
    Server {
        /// The address asked for.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The document arrived but is not a readable article.
    Article(ArticleError),
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
                write!(formatter, "{url} did not say what it sent, so it was not read as an article")
            }
            FetchError::NotJson { url, content_type } => {
                write!(formatter, "{url} sent {content_type}, not an article")
            }
            FetchError::Server { url, status } => {
                write!(formatter, "the server failed to send {url} (http status {status})")
            }
            FetchError::Article(error) => write!(formatter, "{error}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// Fetches and validates the article `article_id` from [`ARTICLES_BASE_PATH`].
///
/// The request is aborted when the current reactive owner is cleaned up, so call it
/// from inside a resource.
pub async fn fetch_article(article_id: Slug) -> Result<ParsedArticle, FetchError> {
    let url = article_document_url(&article_id);
    let text = fetch_text(&url).await?;
    parse_article(&text, &url).map_err(FetchError::Article)
}

async fn fetch_text(url: &str) -> Result<String, FetchError> {
    // `AbortController` is a JS object and so not `Send`, while cleanups must be: the
    // wrapper is sound because wasm32 in the browser runs this on one thread.
    let abort_controller = web_sys::AbortController::new().ok();
    let abort_signal = abort_controller.as_ref().map(|controller| controller.signal());

    // The deadline aborts through the same controller, and says so, so that an abort
    // reads as "too slow" rather than as a network failure.
    let timed_out = Rc::new(Cell::new(false));
    let deadline = abort_controller.clone().map(|controller| {
        let timed_out = timed_out.clone();
        Closure::once(move || {
            timed_out.set(true);
            controller.abort();
        })
    });
    let timer_id = deadline.as_ref().and_then(|deadline| {
        leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(deadline.as_ref().unchecked_ref(), REQUEST_DEADLINE_MS)
            .ok()
    });
    let cleanup_controller = SendWrapper::new(abort_controller);
    Owner::on_cleanup(move || {
        if let Some(controller) = cleanup_controller.take() {
            controller.abort();
        }
    });

    let outcome = send_and_read(url, abort_signal.as_ref()).await;
    if let Some(timer_id) = timer_id {
        leptos::prelude::window().clear_timeout_with_handle(timer_id);
    }
    drop(deadline);
    match outcome {
        Err(FetchError::Network { .. }) if timed_out.get() => {
            Err(FetchError::TimedOut { url: url.to_owned(), seconds: REQUEST_DEADLINE_MS / 1000 })
        }
        other => other,
    }
}

async fn send_and_read(url: &str, abort_signal: Option<&web_sys::AbortSignal>) -> Result<String, FetchError> {
    let network_error = |error: gloo_net::Error| FetchError::Network { url: url.to_owned(), detail: error.to_string() };
    let response = gloo_net::http::Request::get(url).abort_signal(abort_signal).send().await.map_err(network_error)?;
    match response.status() {
        200..=299 => {}
        404 | 410 => return Err(FetchError::NotFound { url: url.to_owned() }),
        status => return Err(FetchError::Server { url: url.to_owned(), status }),
    }
    // An HTML error page behind a misconfigured proxy is never parsed as an article.
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let media_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if media_type != "application/json" && !media_type.ends_with("+json") {
        return Err(FetchError::NotJson { url: url.to_owned(), content_type });
    }
    response.text().await.map_err(network_error)
}
