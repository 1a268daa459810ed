//! Anchor ids: those a document gives are claimed first, and those it leaves out are
//! generated from content, always valid slugs and never taken twice.

use crate::model::article::*;
use crate::model::error::quoted;
use crate::model::json_path::JsonPath;
use crate::model::wire::*;

use super::*;

impl Validator {
    pub(super) fn claim_given_block_ids(&mut self, blocks: &[WireBlock], path: &JsonPath<'_>) {
        for (block_idx, block) in blocks.iter().enumerate() {
            let block_path = path.item(block_idx);
            if let Some(id) = block.given_id() {
                self.claim_given_id(id, &block_path.field("id"));
            }
            if let WireBlock::FactBox { blocks: inner, .. } = block {
                self.claim_given_block_ids(inner, &block_path.field("blocks"));
            }
        }
    }

    pub(super) fn claim_given_id(&mut self, id: &str, path: &JsonPath<'_>) {
        match Slug::parse(id) {
            Err(message) => self.problem(path, message),
            Ok(slug) => {
                if self.anchor_ids.insert(slug.to_string(), 2).is_some() {
                    self.problem(path, format!("id {} is used more than once", quoted(id)));
                }
            }
        }
    }

    /// Claims `base`, or `base-2`, `base-3` and so on if it is taken, and returns the id
    /// claimed. A suffix that would make the id longer than a slug may be takes its room
    /// from the end of `base`, so the result is always a valid slug and never one taken.
    pub(super) fn unique_generated_id(&mut self, base: Slug) -> Slug {
        // Nearly every base is free: claim it with one lookup. Each block without an id of
        // its own comes here, and the suffix table is needed only once a base is taken.
        let Some(&first_suffix) = self.anchor_ids.get(base.as_str()) else {
            self.anchor_ids.insert(base.to_string(), 2);
            return base;
        };
        let mut n = first_suffix;
        loop {
            let candidate = with_numeric_suffix(base.as_str(), n);
            n += 1;
            if !self.anchor_ids.contains_key(candidate.as_str()) {
                if let Ok(slug) = Slug::parse(&candidate) {
                    self.anchor_ids.insert(base.to_string(), n);
                    self.anchor_ids.insert(candidate, 2);
                    return slug;
                }
            }
        }
    }
}

// A block's generated id is a hash of its content, not its position, so that inserting a
// paragraph above does not move every permalink below it.
pub(super) fn generated_block_id(kind: &BlockKind) -> Slug {
    let prefix = match kind {
        BlockKind::Paragraph(_) => "p",
        BlockKind::Subheading(_) => "h",
        BlockKind::Quote { .. } | BlockKind::PullQuote { .. } => "q",
        BlockKind::List { .. } => "l",
        BlockKind::Figure(_) => "f",
        BlockKind::FactBox { .. } => "b",
        BlockKind::Divider => "d",
        BlockKind::LinkCard { .. } => "c",
    };
    // The hash is fed the block's text piece by piece rather than built from a copy of it:
    // every block without an id of its own comes here, and a long article has thousands.
    let mut hash = Fnv1a32::default();
    match kind {
        BlockKind::Figure(image) => hash.write(image.fallback_source().url.as_str()),
        BlockKind::LinkCard { url, .. } => hash.write(url.as_str()),
        other => crate::model::plain_text::visit_block_plain_text(other, &mut |piece| hash.write(piece)),
    }
    Slug::from_prefix_and_token(prefix, &base36(hash.0))
}

/// `base-n`, shortened from the end of `base` (and never ending in a hyphen there) so that
/// it fits in a slug.
fn with_numeric_suffix(base: &str, n: usize) -> String {
    let suffix = format!("-{n}");
    let mut end = base.len().min(MAX_SLUG_LEN.saturating_sub(suffix.len()));
    while end > 0 && base.as_bytes()[end - 1] == b'-' {
        end -= 1;
    }
    // Slugs are ASCII, so every byte index is a character boundary.
    format!("{}{suffix}", &base[..end])
}

/// The 32-bit FNV-1a hash of the bytes written to it, in order.
struct Fnv1a32(u32);

impl Default for Fnv1a32 {
    fn default() -> Self {
        Fnv1a32(0x811c_9dc5)
    }
}

impl Fnv1a32 {
    fn write(&mut self, text: &str) {
        for &byte in text.as_bytes() {
            self.0 = (self.0 ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
}

fn base36(mut value: u32) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut text = String::new();
    loop {
        text.insert(0, char::from(DIGITS[(value % 36) as usize]));
        value /= 36;
        if value == 0 {
            return text;
        }
    }
}
