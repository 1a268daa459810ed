//! Links from article data, checked before they can reach an `href` or `src`.
//!
//! Article JSON comes from outlets and, through a compromised feed, possibly from anyone.
//! A URL is therefore accepted only with an explicit, allowed scheme: `https` and `http`
//! for web pages, plus `mailto` for links. Relative URLs, `javascript:`, `data:` and
//! everything else are refused with a message that names the scheme.

use std::fmt;

/// Where a URL may be used; images may not be `mailto:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    /// A link a reader can follow: `https`, `http` or `mailto`.
    Link,
    /// A web resource such as a page or an image: `https` or `http` only.
    WebResource,
}

/// An absolute URL whose scheme is allowed for its use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebUrl(String);

impl WebUrl {
    /// Checks `text` for `url_use` and returns it, trimmed, or a lowercase explanation.
    pub fn parse(text: &str, url_use: UrlUse) -> Result<WebUrl, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("url must not be empty".to_owned());
        }
        if text.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err("url must not contain spaces or control characters".to_owned());
        }
        let Some((scheme, rest)) = text.split_once(':') else {
            return Err(format!("{text:?} is not an absolute url"));
        };
        let scheme_is_well_formed = scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if !scheme_is_well_formed {
            return Err(format!("{text:?} is not an absolute url"));
        }
        let scheme = scheme.to_ascii_lowercase();
        let allowed = match url_use {
            UrlUse::Link => ["https", "http", "mailto"].contains(&scheme.as_str()),
            UrlUse::WebResource => ["https", "http"].contains(&scheme.as_str()),
        };
        if !allowed {
            return Err(format!("scheme {scheme:?} is not allowed"));
        }
        if scheme != "mailto" {
            let Some(after_slashes) = rest.strip_prefix("//") else {
                return Err(format!("{text:?} is not an absolute url"));
            };
            let host = after_slashes.split(['/', '?', '#']).next().unwrap_or("");
            if host.is_empty() {
                return Err(format!("{text:?} has no host"));
            }
        } else if rest.is_empty() {
            return Err("mailto url has no address".to_owned());
        }
        Ok(WebUrl(text.to_owned()))
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
