//! Slugs: the short, URL-safe names used for article ids and in-page anchors.
//!
//! An article id ends up in two URLs (`/articles/{id}` in the address bar and
//! `articles/{id}.json` on the server), so it is restricted to lowercase ASCII letters,
//! digits and single hyphens. That rules out path traversal (`..`), query strings and
//! anything that would need escaping, by construction rather than by escaping.

use std::fmt;

use crate::model::error::quoted;

/// The longest slug accepted, in bytes.
pub const MAX_SLUG_LEN: usize = 100;

/// A validated slug: 1 to [`MAX_SLUG_LEN`] characters of `a-z`, `0-9` and `-`, with no
/// leading, trailing or doubled hyphen.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    /// Returns the slug if `text` already is one, or an explanation of why it is not.
    pub fn parse(text: &str) -> Result<Slug, String> {
        if text.is_empty() {
            return Err("must not be empty".to_owned());
        }
        if text.len() > MAX_SLUG_LEN {
            return Err(format!("must be at most {MAX_SLUG_LEN} characters"));
        }
        let well_formed = text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !text.starts_with('-')
            && !text.ends_with('-')
            && !text.contains("--");
        if !well_formed {
            return Err(format!(
                "{} is not a slug (lowercase letters, digits and single hyphens)",
                quoted(text)
            ));
        }
        Ok(Slug(text.to_owned()))
    }

    /// Builds a slug from free text such as a heading: letters and digits are kept
    /// (lowercased, ASCII only), everything else becomes a single hyphen. Returns `None`
    /// when nothing usable is left, for example for a heading written only in Arabic.
    pub fn from_text(text: &str) -> Option<Slug> {
        let mut slug = String::new();
        for character in text.chars() {
            if character.is_ascii_alphanumeric() {
                if slug.len() >= MAX_SLUG_LEN {
                    break;
                }
                slug.push(character.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        while slug.ends_with('-') {
            slug.pop();
        }
        if slug.is_empty() {
            None
        } else {
            Some(Slug(slug))
        }
    }

    /// A slug written in the source code, such as the default article's id. The literal is
    /// trusted here and checked by a native test, so that no UI path needs to handle a
    /// failure that cannot happen.
    pub fn from_literal(literal: &'static str) -> Slug {
        Slug(literal.to_owned())
    }

    /// `{prefix}-{token}`, such as `section-3` or `p-1x2y3z`: `prefix` is a slug written in
    /// the source code, and `token` a short run of lowercase letters and digits (a number
    /// or a hash), so the result is a slug by construction.
    pub fn from_prefix_and_token(prefix: &'static str, token: &str) -> Slug {
        debug_assert!(Slug::parse(prefix).is_ok() && token.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        debug_assert!(!token.is_empty() && prefix.len() + 1 + token.len() <= MAX_SLUG_LEN);
        Slug(format!("{prefix}-{token}"))
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}
