//! The only code that fetches. Every function returns `Result<T, FetchError>`: a failing
//! network, a missing article and a broken article are different things to a reader and
//! must never collapse into "nothing here".
//!
//! Every request is tied to the reactive owner that awaits it: when that owner is
//! cleaned up (the reader moved to another article, or the widget was removed), the
//! request is aborted through its `AbortController` rather than left to finish unseen.
//!
//! The module is split by concept: [`error`] (what can go wrong, classified once),
//! [`http`] (one request, its deadline and retries' pauses), [`cache`] (recent articles
//! and prefetches), [`config`] (the reader's configuration) and [`location`] (where an
//! article is, and the allow-list).

pub mod cache;
pub mod config;
pub mod error;
pub mod http;
pub mod location;

use leptos::reactive::owner::Owner;
use send_wrapper::SendWrapper;

pub use cache::{prefetch_article, prefetch_article_at, CACHED_ARTICLES};
pub use config::load_config;
pub use error::{FailureKind, FetchError};
pub use http::{retry_delay_ms, FIRST_RETRY_DELAY_MS, MAX_RETRIES, MAX_RETRY_AFTER_MS, REQUEST_DEADLINE_MS};
pub use location::{absolute_url, resolve_location, ArticleLocation, SourceFormat};

use crate::model::{ArticleDocument, ParsedArticle};
use cache::{cached_article, join_prefetch, remember_article};
use http::{fetch_text, sleep_ms};

/// How many blocks of a long article's body are validated in one task.
const BLOCKS_VALIDATED_PER_TASK: usize = 1_000;

/// From how many bytes of JSON an article is read in more tasks than the usual three. The
/// seed is 12 KB; the benchmark's long article, 1.9 MB.
const LONG_DOCUMENT_BYTES: usize = 128 * 1024;

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
pub(crate) async fn fetch_article_now(
    location: ArticleLocation,
    abort_controller: Option<web_sys::AbortController>,
) -> Result<ParsedArticle, FetchError> {
    // A widget's article is where its snippet says: the host page's `/lede.config.json`
    // is none of the reader's business, and asking for it would be a stray request.
    let url = match &location {
        ArticleLocation::Embedded(url, _) => absolute_url(url),
        _ => resolve_location(&load_config().await?, &location)?,
    };
    if let Some(article) = cached_article(&url) {
        crate::platform::performance_marks::mark(crate::platform::performance_marks::JSON_ARRIVED);
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
    crate::platform::performance_marks::mark(crate::platform::performance_marks::JSON_ARRIVED);
    // A WordPress post becomes a Lede article's JSON in the importer module first, and is
    // then read and validated like any article.
    let (text, import_warnings) = match location.format() {
        SourceFormat::Lede => (text, Vec::new()),
        SourceFormat::WordPress => wordpress_post_as_lede_json(&text, &url).await?,
    };
    // A long article takes tens of milliseconds per step on a slow phone. Each step runs
    // in a task of its own, apart from the task that received the text too, and so does
    // the first render after them, so the page keeps answering input while a long article
    // is read.
    // A short article, the usual case, is read in a few milliseconds even on a slow phone:
    // it is not split further than the three steps, each in a task of its own, that every
    // article gets. A long one is parsed apart from the task that received it too.
    let is_long = text.len() > LONG_DOCUMENT_BYTES;
    if is_long {
        crate::platform::frames::yield_to_browser().await;
    }
    let document = ArticleDocument::parse(&text, &url).map_err(FetchError::Article)?;
    drop(text);
    crate::platform::frames::yield_to_browser().await;
    let read_document = document.read();
    crate::platform::frames::yield_to_browser().await;
    // The rules, in parts of about a thousand blocks: the benchmark's 5,000 paragraphs took
    // one task of 48 to 64 ms at 4× CPU throttling in one go.
    let mut validation = read_document.start_validation();
    while !validation.validate_sections(BLOCKS_VALIDATED_PER_TASK) {
        crate::platform::frames::yield_to_browser().await;
    }
    if is_long {
        crate::platform::frames::yield_to_browser().await;
    }
    let mut parsed = validation.finish().map_err(FetchError::Article)?;
    parsed.warnings.splice(0..0, import_warnings);
    remember_article(&url, &parsed);
    crate::platform::frames::yield_to_browser().await;
    Ok(parsed)
}

/// The WordPress post `text`, from `url`, as a Lede article's JSON, with what the import
/// dropped or guessed as warnings under the post's field names, which come first among the
/// article's warnings for the `debug` report.
#[cfg(feature = "widget")]
async fn wordpress_post_as_lede_json(
    text: &str,
    url: &str,
) -> Result<(String, Vec<crate::model::Warning>), FetchError> {
    let converted = crate::platform::wordpress_importer::convert_wordpress_post(text)
        .await
        .map_err(|message| {
            FetchError::Article(crate::model::ArticleError::Syntax {
                source: url.to_owned(),
                message: format!("as a wordpress post, {message}"),
            })
        })?;
    let warnings = converted
        .notes
        .into_iter()
        .map(|(field, kind, message)| crate::model::Warning {
            path: format!("wordpress {field}"),
            message: format!("{kind} {message}"),
        })
        .collect();
    Ok((converted.article_json, warnings))
}

/// Only a widget's `format` attribute asks for a WordPress post, and the reader's page is
/// built without the widget (decision 021), so it never gets here: it refuses, rather
/// than carry the importer's loader for nothing.
#[cfg(not(feature = "widget"))]
async fn wordpress_post_as_lede_json(
    _text: &str,
    url: &str,
) -> Result<(String, Vec<crate::model::Warning>), FetchError> {
    Err(FetchError::Article(crate::model::ArticleError::Syntax {
        source: url.to_owned(),
        message: "wordpress posts are read only by the widget".to_owned(),
    }))
}
