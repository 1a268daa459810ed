//! The only code that fetches. Every function returns `Result<T, FetchError>`: a failing
//! network, a missing article and a broken article are different things to a reader and
//! must never collapse into "nothing here".
//!
//! Every request is tied to the reactive owner that awaits it: when that owner is
//! cleaned up (the reader moved to another article, or the widget was removed), the
//! request is aborted through its `AbortController` rather than left to finish unseen.

use std::fmt;

use leptos::reactive::owner::Owner;
use send_wrapper::SendWrapper;

use crate::model::slug::Slug;
use crate::model::{parse_article, ArticleError, ParsedArticle};

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
    let abort_controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let abort_signal = abort_controller.as_ref().map(|controller| controller.signal());
    Owner::on_cleanup(move || {
        if let Some(controller) = abort_controller.take() {
            controller.abort();
        }
    });

    let network_error = |error: gloo_net::Error| FetchError::Network { url: url.to_owned(), detail: error.to_string() };
    let response = gloo_net::http::Request::get(url)
        .abort_signal(abort_signal.as_ref())
        .send()
        .await
        .map_err(network_error)?;
    match response.status() {
        200..=299 => response.text().await.map_err(network_error),
        404 | 410 => Err(FetchError::NotFound { url: url.to_owned() }),
        status => Err(FetchError::Server { url: url.to_owned(), status }),
    }
}
