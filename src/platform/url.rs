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
    let bytes: Vec<u8> = text
        .trim_matches(|character: char| character <= ' ')
        .bytes()
        .filter(|byte| !matches!(byte, b'\t' | b'\n' | b'\r'))
        .collect();
    let (scheme, rest) = match bytes.iter().position(|&byte| byte == b':') {
        Some(end) if is_scheme(&bytes[..end]) => (Some(&bytes[..end]), &bytes[end + 1..]),
        _ => (None, &bytes[..]),
    };
    let is_special = scheme.is_none_or(|scheme| {
        [&b"http"[..], b"https", b"ws", b"wss", b"ftp", b"file"]
            .iter()
            .any(|special| scheme.eq_ignore_ascii_case(special))
    });
    let n_slashes = rest.iter().take_while(|&&byte| byte == b'/' || byte == b'\\').count();
    let authority_start = match (is_special, scheme.is_some()) {
        // Without a scheme, only a leading `//` (or `\\`) names a host.
        (true, false) if n_slashes < 2 => return Ok(()),
        (true, _) => n_slashes,
        (false, _) if rest.starts_with(b"//") => 2,
        (false, _) => return Ok(()),
    };
    let authority = &rest[authority_start..];
    let authority_end = authority
        .iter()
        .position(|byte| matches!(byte, b'/' | b'\\' | b'?' | b'#'))
        .unwrap_or(authority.len());
    let authority = &authority[..authority_end];
    let host = &authority[authority.iter().rposition(|&byte| byte == b'@').map_or(0, |at| at + 1)..];
    let mut index = 0;
    while index < host.len() {
        let byte = match host[index] {
            b'%' => {
                let escaped = host.get(index + 1..index + 3).and_then(|hex| {
                    let digit = |byte: u8| char::from(byte).to_digit(16);
                    u8::try_from(digit(hex[0])? * 16 + digit(hex[1])?).ok()
                });
                index += 2;
                match escaped {
                    // The escape of a byte from 0x80 up: part of a character outside ASCII.
                    Some(value) if value >= 0x80 => return Err("invalid international domain name"),
                    Some(value) if value.is_ascii_alphanumeric() || matches!(value, 0x2d | 0x2e | 0x5f | 0x7e) => {
                        index += 1;
                        continue;
                    }
                    _ => return Err("the host has a character that hosts may not have"),
                }
            }
            byte => byte,
        };
        if byte >= 0x80 {
            return Err("invalid international domain name");
        }
        if !(byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:[]".contains(&byte)) {
            return Err("the host has a character that hosts may not have");
        }
        index += 1;
    }
    Ok(())
}

/// The first value of `name` in a query string (with or without its `?`), decoded.
pub fn query_parameter(query: &str, name: &str) -> Option<String> {
    platform::query_parameter(query.trim_start_matches('?'), name)
}
/// `name=value`, form-encoded, for a query string.
pub fn query_pair(name: &str, value: &str) -> String {
    platform::query_pair(name, value)
}

/// True if `text` is a URL scheme such as `https` or `web+news`.
fn is_scheme(text: &[u8]) -> bool {
    text.first().is_some_and(u8::is_ascii_alphabetic)
        && text.iter().all(|&byte| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'-' | b'.'))
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
            return Err(if base.is_none() && !text.split_once(':').is_some_and(|(scheme, _)| super::is_scheme(scheme.as_bytes())) {
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
