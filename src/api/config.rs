//! The reader's configuration, fetched once and kept.

use std::cell::RefCell;

use crate::api::error::FetchError;
use crate::api::http::fetch_text;
use crate::api::location::absolute_url;
use crate::config::{ReaderConfig, CONFIG_PATH};

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
