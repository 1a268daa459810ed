//! The WHATWG URL parser, from the platform: the browser's own `URL` in the wasm build, and
//! the `url` crate (which implements the same standard) natively, for the tests, the schema
//! and the fuzzer.
//!
//! The reader's wasm does not carry a second URL parser when the browser has one: the
//! `url` crate and its IDNA and percent-encoding dependencies were about 16 KB of the
//! brotli budget (decision 008). Everything else goes through this module, so that the
//! model's checks (allowed schemes, `mailto:` addresses, relative references) are the same
//! on both sides; only the wording of a parse failure differs.

/// The parts of a parsed URL that Lede looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The serialized, normalized URL.
    pub href: String,
    /// The scheme, lowercase, without `:`.
    pub scheme: String,
    /// The path: for `mailto:`, the address.
    pub path: String,
    /// The origin as `scheme://host[:port]`, or `null` for opaque origins.
    pub origin: String,
    /// True if the URL has a query string (even an empty one is `?` in the href).
    pub has_query: bool,
}

/// Why a URL could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// A relative reference, with no base to resolve it against.
    RelativeWithoutBase,
    /// Anything else, in lowercase words.
    Invalid(String),
}

/// Parses `text`, resolved against `base` if given.
pub fn parse_url(text: &str, base: Option<&str>) -> Result<ParsedUrl, UrlError> {
    platform::parse_url(text, base)
}

/// The first value of `name` in a query string (with or without its `?`), decoded.
pub fn query_parameter(query: &str, name: &str) -> Option<String> {
    platform::query_parameter(query.trim_start_matches('?'), name)
}

/// `name=value`, form-encoded, for a query string.
pub fn query_pair(name: &str, value: &str) -> String {
    platform::query_pair(name, value)
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::{ParsedUrl, UrlError};

    pub fn parse_url(text: &str, base: Option<&str>) -> Result<ParsedUrl, UrlError> {
        let parsed = match base {
            Some(base) => url::Url::parse(base)
                .and_then(|base| base.join(text))
                .or_else(|_| url::Url::parse(text)),
            None => url::Url::parse(text),
        };
        let parsed = parsed.map_err(|error| match error {
            url::ParseError::RelativeUrlWithoutBase => UrlError::RelativeWithoutBase,
            other => UrlError::Invalid(other.to_string().to_ascii_lowercase()),
        })?;
        Ok(ParsedUrl {
            scheme: parsed.scheme().to_owned(),
            path: parsed.path().to_owned(),
            origin: parsed.origin().ascii_serialization(),
            has_query: parsed.query().is_some(),
            href: parsed.into(),
        })
    }

    pub fn query_parameter(query: &str, name: &str) -> Option<String> {
        url::form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    }

    pub fn query_pair(name: &str, value: &str) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair(name, value)
            .finish()
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use super::{ParsedUrl, UrlError};

    pub fn parse_url(text: &str, base: Option<&str>) -> Result<ParsedUrl, UrlError> {
        let parsed = match base {
            Some(base) => web_sys::Url::new_with_base(text, base).or_else(|_| web_sys::Url::new(text)),
            None => web_sys::Url::new(text),
        };
        let Ok(parsed) = parsed else {
            return Err(if base.is_none() && !has_scheme(text) {
                UrlError::RelativeWithoutBase
            } else {
                UrlError::Invalid("the browser cannot parse it".to_owned())
            });
        };
        // The `url` crate refuses non-ASCII host names (Cargo.lock pins its IDNA back end to
        // the stub), which rules out look-alike domains; the browser would punycode them.
        // A punycode label the text did not spell out means the text had such a name.
        let host = parsed.hostname();
        if host.contains("xn--") && !text.to_ascii_lowercase().contains("xn--") {
            return Err(UrlError::Invalid("invalid international domain name".to_owned()));
        }
        Ok(ParsedUrl {
            scheme: parsed.protocol().trim_end_matches(':').to_owned(),
            path: parsed.pathname(),
            origin: parsed.origin(),
            has_query: parsed.href().split('#').next().unwrap_or("").contains('?'),
            href: parsed.href(),
        })
    }

    /// True if `text` starts with a scheme such as `https:`.
    fn has_scheme(text: &str) -> bool {
        let Some((scheme, _)) = text.split_once(':') else {
            return false;
        };
        let mut characters = scheme.chars();
        characters.next().is_some_and(|first| first.is_ascii_alphabetic())
            && characters.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    }

    pub fn query_parameter(query: &str, name: &str) -> Option<String> {
        web_sys::UrlSearchParams::new_with_str(query).ok()?.get(name)
    }

    pub fn query_pair(name: &str, value: &str) -> String {
        let Ok(parameters) = web_sys::UrlSearchParams::new() else {
            return String::new();
        };
        parameters.append(name, value);
        parameters.to_string().into()
    }
}
