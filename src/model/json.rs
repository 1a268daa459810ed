//! A small, strict JSON parser for article documents.
//!
//! Why not serde_json: serde stops at the first type error and reports a line and column,
//! while an outlet's developer needs every problem with its JSON path
//! (`body[3].blocks[2].href: …`). Parsing to a plain tree first and reading the tree
//! afterwards ([`crate::model::read`]) gives that, and it costs far less WebAssembly than
//! serde_json plus a derived deserializer per type (docs/decisions/004-json-reader.md).
//!
//! It is strict where leniency would be a risk: duplicate keys are refused (two parsers
//! that pick different values are a classic smuggling trick), nesting is limited so a
//! hostile document cannot exhaust the stack, and numbers are kept as their text so no
//! float parsing code is needed for the few integers the format has.

use std::collections::BTreeMap;

/// A parsed JSON value. Objects keep their keys in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<JsonValue>),
    /// An object, keys in document order, each key once.
    Object(Vec<(String, JsonValue)>),
}

impl JsonValue {
    /// What kind of value this is, for messages such as "expected a string, found an array".
    pub fn kind_name(&self) -> &'static str {
        match self {
            JsonValue::Null => "null",
            JsonValue::Bool(_) => "a boolean",
            JsonValue::Number(_) => "a number",
            JsonValue::String(_) => "a string",
            JsonValue::Array(_) => "an array",
            JsonValue::Object(_) => "an object",
        }
    }
}

/// Why a document is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonSyntaxError {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
    /// What is wrong, lowercase.
    pub message: String,
}

/// How many keys an object may have before repeated keys are found through an ordered map
/// of the keys rather than by comparing each new key with every earlier one.
const KEYS_COMPARED_ONE_BY_ONE: usize = 32;

/// The deepest nesting of arrays and objects accepted.
pub const MAX_JSON_DEPTH: usize = 64;

/// Parses `text` as one JSON value. A leading UTF-8 byte-order mark is ignored, as RFC 8259
/// allows: some editors and content systems write one.
pub fn parse_json(text: &str) -> Result<JsonValue, JsonSyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        position: 0,
    };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.position < parser.bytes.len() {
        return Err(parser.error("unexpected text after the document"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    position: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> JsonSyntaxError {
        let before = &self.text[..self.position.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |index| index + 1);
        let column = before[line_start..].chars().count() + 1;
        JsonSyntaxError {
            line,
            column,
            message: message.to_owned(),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.position) {
            self.position += 1;
        }
    }

    fn expect_literal(&mut self, literal: &str, value: JsonValue) -> Result<JsonValue, JsonSyntaxError> {
        if self.bytes[self.position..].starts_with(literal.as_bytes()) {
            self.position += literal.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<JsonValue, JsonSyntaxError> {
        self.skip_whitespace();
        match self.bytes.get(self.position) {
            None => Err(self.error("unexpected end of the document")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(JsonValue::String),
            Some(b't') => self.expect_literal("true", JsonValue::Bool(true)),
            Some(b'f') => self.expect_literal("false", JsonValue::Bool(false)),
            Some(b'n') => self.expect_literal("null", JsonValue::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn check_depth(&self, depth: usize) -> Result<(), JsonSyntaxError> {
        if depth > MAX_JSON_DEPTH {
            Err(self.error(&format!("nesting is deeper than {MAX_JSON_DEPTH} levels")))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<JsonValue, JsonSyntaxError> {
        self.check_depth(depth)?;
        self.position += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.bytes.get(self.position) == Some(&b']') {
            self.position += 1;
            return Ok(JsonValue::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.bytes.get(self.position) {
                Some(b',') => self.position += 1,
                Some(b']') => {
                    self.position += 1;
                    return Ok(JsonValue::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]` in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<JsonValue, JsonSyntaxError> {
        self.check_depth(depth)?;
        self.position += 1;
        let mut fields: Vec<(String, JsonValue)> = Vec::new();
        // The keys seen so far, kept only once an object is too big to compare every new
        // key with the earlier ones: that comparison is quadratic, and one object of a
        // document under the size limit can hold a hundred thousand keys. An ordered map
        // (with nothing in its values) rather than a hash set, whose keys are predictable in
        // the browser, so that a document cannot pick keys that all collide.
        let mut seen_keys: BTreeMap<String, usize> = BTreeMap::new();
        self.skip_whitespace();
        if self.bytes.get(self.position) == Some(&b'}') {
            self.position += 1;
            return Ok(JsonValue::Object(fields));
        }
        loop {
            self.skip_whitespace();
            if self.bytes.get(self.position) != Some(&b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key_position = self.position;
            let key = self.string()?;
            let is_repeated = if fields.len() < KEYS_COMPARED_ONE_BY_ONE {
                fields.iter().any(|(existing, _)| *existing == key)
            } else {
                if seen_keys.is_empty() {
                    for (existing, _) in &fields {
                        seen_keys.insert(existing.clone(), 0);
                    }
                }
                seen_keys.insert(key.clone(), 0).is_some()
            };
            if is_repeated {
                self.position = key_position;
                return Err(self.error(&format!("the key \"{key}\" appears twice in one object")));
            }
            self.skip_whitespace();
            if self.bytes.get(self.position) != Some(&b':') {
                return Err(self.error("expected `:` after a key"));
            }
            self.position += 1;
            let value = self.value(depth)?;
            fields.push((key, value));
            self.skip_whitespace();
            match self.bytes.get(self.position) {
                Some(b',') => self.position += 1,
                Some(b'}') => {
                    self.position += 1;
                    return Ok(JsonValue::Object(fields));
                }
                _ => return Err(self.error("expected `,` or `}` in an object")),
            }
        }
    }

    fn number(&mut self) -> Result<JsonValue, JsonSyntaxError> {
        let start = self.position;
        let digits = |parser: &mut Parser<'_>| {
            let from = parser.position;
            while parser.bytes.get(parser.position).is_some_and(u8::is_ascii_digit) {
                parser.position += 1;
            }
            parser.position - from
        };
        if self.bytes.get(self.position) == Some(&b'-') {
            self.position += 1;
        }
        let integer_start = self.position;
        let n_integer_digits = digits(self);
        let leading_zero = n_integer_digits > 1 && self.bytes[integer_start] == b'0';
        if n_integer_digits == 0 || leading_zero {
            return Err(self.error("invalid number"));
        }
        if self.bytes.get(self.position) == Some(&b'.') {
            self.position += 1;
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.position) {
            self.position += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.position) {
                self.position += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok(JsonValue::Number(self.text[start..self.position].to_owned()))
    }

    fn string(&mut self) -> Result<String, JsonSyntaxError> {
        self.position += 1;
        let mut text = String::new();
        loop {
            let run_start = self.position;
            while let Some(&byte) = self.bytes.get(self.position) {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.position += 1;
            }
            // The run stops only at ASCII bytes, so it ends on a character boundary.
            text.push_str(&self.text[run_start..self.position]);
            match self.bytes.get(self.position) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.position += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.position += 1;
                    self.escape(&mut text)?;
                }
                Some(_) => return Err(self.error("control character in a string; escape it")),
            }
        }
    }

    fn escape(&mut self, text: &mut String) -> Result<(), JsonSyntaxError> {
        let Some(&byte) = self.bytes.get(self.position) else {
            return Err(self.error("unterminated string"));
        };
        self.position += 1;
        let character = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if !self.bytes[self.position..].starts_with(b"\\u") {
                        return Err(self.error("unpaired surrogate in a \\u escape"));
                    }
                    self.position += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("unpaired surrogate in a \\u escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(|| self.error("unpaired surrogate in a \\u escape"))?
            }
            _ => {
                self.position -= 1;
                return Err(self.error("invalid escape in a string"));
            }
        };
        text.push(character);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonSyntaxError> {
        let digits = self
            .bytes
            .get(self.position..self.position + 4)
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        let mut value = 0;
        for &digit in digits {
            let nibble = (digit as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid \\u escape"))?;
            value = value * 16 + nibble;
        }
        self.position += 4;
        Ok(value)
    }
}
