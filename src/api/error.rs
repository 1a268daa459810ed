//! Why an article could not be loaded, and the one classification of those failures: what
//! a reader is told ([`FailureKind`]), what a host page hears ([`FetchError::reason`]), and
//! whether trying again can help ([`FetchError::is_transient`]).

use std::fmt;

use crate::config::CONFIG_PATH;
use crate::model::ArticleError;

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

/// The kinds of failure a reader is told about, in the order of
/// `InterfaceText::failures`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// The network failed.
    Unreachable = 0,
    /// The server did not answer in time.
    TooSlow = 1,
    /// The server was busy or failing.
    ServerTrouble = 2,
    /// The server refused.
    Refused = 3,
    /// There is no such article.
    NotFound = 4,
    /// What came back is not a readable article.
    Unreadable = 5,
    /// The address is not one this reader may load.
    NotAllowed = 6,
    /// The reader's configuration is broken.
    Misconfigured = 7,
}

impl FetchError {
    /// What kind of failure this is for a reader, who is told about it in plain words. A
    /// server error is "trouble" exactly when trying again may help.
    pub fn failure_kind(&self) -> FailureKind {
        match self {
            FetchError::Network { .. } => FailureKind::Unreachable,
            FetchError::TimedOut { .. } => FailureKind::TooSlow,
            FetchError::Server { .. } if self.is_transient() => FailureKind::ServerTrouble,
            FetchError::Server { .. } => FailureKind::Refused,
            FetchError::NotFound { .. } => FailureKind::NotFound,
            FetchError::NotJson { .. } | FetchError::TooLarge { .. } | FetchError::Article(_) => FailureKind::Unreadable,
            FetchError::SourceNotAllowed { .. } => FailureKind::NotAllowed,
            FetchError::Config { .. } => FailureKind::Misconfigured,
        }
    }
}
