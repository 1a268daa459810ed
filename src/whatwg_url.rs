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
///
/// A host written with any character outside ASCII, directly or percent-encoded, is
/// refused on both platforms, before either parser sees it: both would turn it into
/// punycode or map it to ASCII (fullwidth letters, say), and a look-alike domain
/// (`аpple.com` with a Cyrillic `а`) would then pass as an ordinary one. Outlets write
/// international names in punycode (`xn--…`). So is a host with a character that has no
/// business in one (a space, `<`, `|`): Chromium percent-encodes some of them where the
/// standard, and the `url` crate, refuse. `tests/url_vectors.json` holds the cases both
/// platforms must agree on.
pub fn parse_url(text: &str, base: Option<&str>) -> Result<ParsedUrl, UrlError> {
    if let Err(reason) = check_written_host(text) {
        return Err(UrlError::Invalid(reason.to_owned()));
    }
    platform::parse_url(text, base)
}

/// Refuses the host that `text` spells out (if it spells one out) when it holds a
/// character outside ASCII, written as itself or percent-encoded, or any character other
/// than letters, digits, `-._~!$&'()*+,;=`, the port's `:` and an IPv6 address's brackets.
///
/// The host is found the way the WHATWG parser finds it: tabs and newlines are ignored;
/// after a special scheme (or none) any run of `/` and `\` opens the authority, after
/// another scheme only `//` does; the authority ends at `/`, `\`, `?` or `#`; the host
/// follows its last `@`. Where that reading is coarser than the parser's (a relative
/// `http:path` against an `http:` base), it can only refuse more, never less.
fn check_written_host(text: &str) -> Result<(), &'static str> {
    let cleaned: String = text
        .trim_matches(|character: char| character <= ' ')
        .chars()
        .filter(|character| !matches!(character, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, rest) = match cleaned.split_once(':') {
        Some((scheme, rest)) if is_scheme(scheme) => (Some(scheme.to_ascii_lowercase()), rest),
        _ => (None, cleaned.as_str()),
    };
    let is_special = scheme
        .as_deref()
        .is_none_or(|scheme| matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp" | "file"));
    let after_slashes = if is_special {
        let trimmed = rest.trim_start_matches(['/', '\\']);
        // Without a scheme, only a leading `//` (or `\\`) names a host.
        if scheme.is_none() && rest.len() - trimmed.len() < 2 {
            return Ok(());
        }
        trimmed
    } else {
        match rest.strip_prefix("//") {
            Some(after) => after,
            None => return Ok(()),
        }
    };
    let authority = after_slashes.split(['/', '\\', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or(authority);
    if !host.is_ascii() || has_percent_encoded_non_ascii(host) {
        return Err("invalid international domain name");
    }
    let is_plain = |byte: u8| byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:[]%".contains(&byte);
    if !host.bytes().all(is_plain) || has_percent_encoded_other_than_plain(host) {
        return Err("the host has a character that hosts may not have");
    }
    Ok(())
}

/// True if `text` has a `%XX` escape of a byte from 0x80 up.
fn has_percent_encoded_non_ascii(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|window| window[0] == b'%' && matches!(window[1], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F') && window[2].is_ascii_hexdigit())
}

/// True if `text` has a `%` that is not the escape of a letter, a digit, `-`, `.`, `_` or `~`.
fn has_percent_encoded_other_than_plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(index, &byte)| {
        if byte != b'%' {
            return false;
        }
        let decoded = bytes
            .get(index + 1..index + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        !decoded.is_some_and(|byte| byte.is_ascii_alphanumeric() || b"-._~".contains(&byte))
    })
}

/// True if `text` is a URL scheme such as `https` or `web+news`.
fn is_scheme(text: &str) -> bool {
    let mut characters = text.chars();
    characters.next().is_some_and(|first| first.is_ascii_alphabetic())
        && characters.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
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
            return Err(if base.is_none() && !text.split_once(':').is_some_and(|(scheme, _)| super::is_scheme(scheme)) {
                UrlError::RelativeWithoutBase
            } else {
                UrlError::Invalid("the browser cannot parse it".to_owned())
            });
        };
        Ok(ParsedUrl {
            scheme: parsed.protocol().trim_end_matches(':').to_owned(),
            path: parsed.pathname(),
            origin: parsed.origin(),
            has_query: parsed.href().split('#').next().unwrap_or("").contains('?'),
            href: parsed.href(),
        })
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
