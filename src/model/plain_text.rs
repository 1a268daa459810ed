//! An article's text as plain text, and its words counted: what the validator hashes into
//! generated ids and counts once for the reading time, and what the tests compare.

use crate::model::article::{Article, BlockKind, InlineText, Section};

/// The text a block shows, without marks, links or quotation marks; empty for blocks
/// without text.
pub fn block_plain_text(kind: &BlockKind) -> String {
    let mut text = String::new();
    visit_block_plain_text(kind, &mut |piece| text.push_str(piece));
    text
}

/// Calls `visit` with the pieces of [`block_plain_text`] in order, without joining them:
/// the word count and the generated ids read every block of an article, and building each
/// block's text first would copy the whole body.
pub fn visit_block_plain_text(kind: &BlockKind, visit: &mut impl FnMut(&str)) {
    fn inline(text: &InlineText, visit: &mut impl FnMut(&str)) {
        for run in &text.runs {
            visit(&run.text);
        }
    }
    match kind {
        BlockKind::Paragraph(text) | BlockKind::Quote { text, .. } => inline(text, visit),
        BlockKind::Subheading(text) | BlockKind::PullQuote { text, .. } => visit(text),
        BlockKind::List { items, .. } => {
            for (item_idx, item) in items.iter().enumerate() {
                if item_idx > 0 {
                    visit("\n");
                }
                inline(item, visit);
            }
        }
        BlockKind::Figure(image) => {
            if let Some(caption) = &image.caption {
                inline(caption, visit);
            }
        }
        BlockKind::FactBox { title, blocks } => {
            visit(title);
            for block in blocks {
                visit("\n");
                visit_block_plain_text(&block.kind, visit);
            }
        }
        BlockKind::Divider => {}
        BlockKind::LinkCard { title, description, .. } => {
            visit(title);
            if let Some(description) = description {
                visit("\n");
                visit(description);
            }
        }
    }
}

/// The article as plain text: headline, summary, the lead image's caption, each
/// section's heading and blocks, the context note and the corrections, separated by
/// blank lines.
pub fn plain_text(article: &Article) -> String {
    let mut parts: Vec<String> = vec![article.headline.clone(), article.summary.plain_text()];
    if let Some(caption) = article.lead_image.as_ref().and_then(|image| image.caption.as_ref()) {
        parts.push(caption.plain_text());
    }
    for section in &article.sections {
        parts.push(section.heading.clone());
        parts.extend(
            section
                .blocks
                .iter()
                .map(|block| block_plain_text(&block.kind))
                .filter(|text| !text.is_empty()),
        );
    }
    if let Some(context) = &article.context {
        parts.push(context.plain_text());
    }
    parts.extend(
        article
            .corrections
            .iter()
            .map(|correction| correction.text.plain_text()),
    );
    parts.join("\n\n")
}

/// The number of words in an article's body, `sections` (their headings and blocks): the
/// sum of [`count_words`] over each heading and each block's [`block_plain_text`].
pub fn body_word_count(sections: &[Section]) -> usize {
    // Counted straight from the runs rather than from each block's plain text: building
    // those strings copied the whole body, which for a 2 MB article doubled the cost of
    // its reading time in the first render.
    let mut counter = WordCounter::default();
    for section in sections {
        counter.add(&section.heading);
        counter.end_word();
        for block in &section.blocks {
            visit_block_plain_text(&block.kind, &mut |piece| counter.add(piece));
            counter.end_word();
        }
    }
    counter.finish()
}

/// The words in `text`: runs between white space that hold a letter or a digit.
pub fn count_words(text: &str) -> usize {
    let mut counter = WordCounter::default();
    counter.add(text);
    counter.finish()
}

/// Counts words in text that comes in pieces as [`count_words`] counts the pieces joined:
/// a word may run from one piece into the next, as it does across an inline text's runs.
#[derive(Default)]
struct WordCounter {
    n_words: usize,
    word_has_letter_or_digit: bool,
}

impl WordCounter {
    /// Reads `text` as the continuation of what came before.
    fn add(&mut self, text: &str) {
        // Most article text is ASCII, and a byte loop counts it several times faster than
        // decoding characters: for a 2 MB article this was the largest part of its first
        // render on a slow phone. White space is what `char::is_whitespace` says for ASCII
        // (tab to carriage return, and space), letters and digits what `is_alphanumeric` says.
        if text.is_ascii() {
            for &byte in text.as_bytes() {
                if matches!(byte, b'\t'..=b'\r' | b' ') {
                    self.end_word();
                } else if byte.is_ascii_alphanumeric() {
                    self.word_has_letter_or_digit = true;
                }
            }
        } else {
            for character in text.chars() {
                if character.is_whitespace() {
                    self.end_word();
                } else if character.is_alphanumeric() {
                    self.word_has_letter_or_digit = true;
                }
            }
        }
    }

    /// Ends the current word, as white space would.
    fn end_word(&mut self) {
        self.n_words += usize::from(self.word_has_letter_or_digit);
        self.word_has_letter_or_digit = false;
    }

    /// The words counted, the last one included.
    fn finish(mut self) -> usize {
        self.end_word();
        self.n_words
    }
}
