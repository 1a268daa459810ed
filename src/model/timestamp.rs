//! RFC 3339 timestamps, checked by shape; the browser formats them for readers.
//!
//! The reader never does calendar arithmetic itself: formatting goes through the
//! browser's `Intl`, which knows every locale. So this module only makes sure a value
//! is a complete RFC 3339 date-time with an offset, which `Date` parses identically in
//! every browser, and keeps the original text.

use std::fmt;

use crate::model::error::quoted;

/// A date-time such as `2025-12-06T18:00:00Z` or `2025-12-06T20:00:00+02:00`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp(String);

impl Timestamp {
    /// Returns the timestamp if `text` is an RFC 3339 date-time with an offset.
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let refusal = || {
            format!(
                "{} is not an rfc 3339 date-time such as 2025-12-06T18:00:00Z",
                quoted(text)
            )
        };
        let bytes = text.as_bytes();
        if bytes.len() < 20 {
            return Err(refusal());
        }
        let digits_at = |positions: &[usize]| positions.iter().all(|&i| bytes[i].is_ascii_digit());
        let shape_ok = digits_at(&[0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18])
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && matches!(bytes[10], b'T' | b't')
            && bytes[13] == b':'
            && bytes[16] == b':';
        if !shape_ok {
            return Err(refusal());
        }
        let number = |range: std::ops::Range<usize>| -> u32 { text[range].parse().unwrap_or(u32::MAX) };
        let ranges_ok = (1..=12).contains(&number(5..7))
            && (1..=31).contains(&number(8..10))
            && number(11..13) <= 23
            && number(14..16) <= 59
            && number(17..19) <= 60;
        if !ranges_ok {
            return Err(refusal());
        }
        let mut rest = &text[19..];
        if let Some(fraction) = rest.strip_prefix('.') {
            let n_digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if n_digits == 0 {
                return Err(refusal());
            }
            rest = &fraction[n_digits..];
        }
        let offset_ok = match rest.as_bytes() {
            [b'Z' | b'z'] => true,
            [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()),
            _ => false,
        };
        if !offset_ok {
            return Err(refusal());
        }
        Ok(Timestamp(text.to_owned()))
    }

    /// The timestamp as given, for `<time datetime>` and the browser's `Date`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}
