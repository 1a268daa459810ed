//! One request for a document's text: the deadline, the checks of status, type and size,
//! the streamed read with its limit, and the pause between retries.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::api::error::FetchError;
use crate::platform::js;

/// How long a request may take, from sending it to the last byte of the body.
pub const REQUEST_DEADLINE_MS: i32 = 10_000;

/// How many times a failed request is tried again.
pub const MAX_RETRIES: u32 = 2;
/// The wait before the first retry; each further retry waits twice as long.
pub const FIRST_RETRY_DELAY_MS: u32 = 300;
/// The longest wait a server's `Retry-After` may ask for before the reader gives up instead.
pub const MAX_RETRY_AFTER_MS: u32 = 5_000;

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

pub(crate) async fn sleep_ms(delay_ms: u32) {
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
pub(crate) async fn fetch_text(
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
        if js::property(&chunk, "done").is_truthy() {
            return Ok(bytes);
        }
        let array = js_sys::Uint8Array::new(&js::property(&chunk, "value"));
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
    js::method(target, name).ok_or_else(|| ReadError::Failed(format!("the response body has no {name}()")))
}
