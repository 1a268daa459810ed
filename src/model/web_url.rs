//! Links from article data, checked before they can reach an `href` or `src`.
//!
//! Article JSON comes from outlets and, through a compromised feed, possibly from anyone.
//! A URL is parsed by the platform's WHATWG URL parser (`crate::platform::url`: the
//! browser's own in the app, the `url` crate natively) and accepted only with an
//! explicit, allowed scheme: `https` and `http` for web resources, plus `mailto` for
//! links. Relative URLs, `javascript:`, `data:` and every other scheme are refused with a
//! message that names the scheme. The parsed, normalized form is what reaches the page,
//! so a browser never re-interprets what was checked.

use std::fmt;

use crate::model::error::quoted;
use crate::platform::url::{parse_url, UrlError};

/// Where a URL may be used; images may not be `mailto:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    /// A link a reader can follow: `https`, `http` or `mailto`.
    Link,
    /// A web resource such as a page or an image: `https` or `http` only.
    WebResource,
}

/// An absolute URL whose scheme is allowed for its use, in normalized form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebUrl(String);

impl WebUrl {
    /// Parses `text` for `url_use`, or explains in lowercase why it is refused. A relative
    /// reference such as `images/lead.jpg` is resolved against `base`, the address of the
    /// document it came from, and refused when there is none.
    pub fn parse(text: &str, base: Option<&str>, url_use: UrlUse) -> Result<WebUrl, String> {
        if text.trim().is_empty() {
            return Err("url must not be empty".to_owned());
        }
        // The parser would silently drop tabs and newlines inside a URL; an outlet's
        // developer should hear about them instead.
        if text.trim().chars().any(char::is_control) {
            return Err("url must not contain control characters".to_owned());
        }
        let parsed = parse_url(text.trim(), base).map_err(|error| match error {
            UrlError::RelativeWithoutBase => {
                format!(
                    "{} is relative, and the article's own address is not known to resolve it",
                    quoted(text)
                )
            }
            UrlError::Invalid(reason) => format!("{} is not a valid url: {reason}", quoted(text)),
        })?;
        let scheme = parsed.scheme.as_str();
        let allowed = match url_use {
            UrlUse::Link => matches!(scheme, "https" | "http" | "mailto"),
            UrlUse::WebResource => matches!(scheme, "https" | "http"),
        };
        if !allowed {
            return Err(format!("scheme {} is not allowed", quoted(scheme)));
        }
        if scheme == "mailto" && parsed.path.is_empty() {
            return Err("mailto url has no address".to_owned());
        }
        Ok(WebUrl(parsed.href))
    }

    /// The host, such as `outlet.example`; the address itself for `mailto:` links.
    pub fn host(&self) -> &str {
        let after_scheme = self.0.split_once(':').map_or(self.0.as_str(), |(_, rest)| rest);
        let Some(after_slashes) = after_scheme.strip_prefix("//") else {
            return after_scheme;
        };
        let authority = after_slashes.split(['/', '?', '#']).next().unwrap_or("");
        authority.rsplit('@').next().unwrap_or(authority)
    }

    /// The URL as text, safe to put in an `href`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}
