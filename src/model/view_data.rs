//! What the reading view shows about an article besides the article itself: the section
//! navigation, the reading time, the quote index and the plain text.
//!
//! These are derived here, in plain Rust, so that components only render them and every
//! rule (what counts as a word, which quotes are indexed) is unit-tested natively.

use crate::model::article::{Article, BlockKind, InlineText, Person};

/// Words per minute used for the reading time; a common figure for adults reading
/// news on a screen.
pub const WORDS_PER_MINUTE: usize = 230;

/// One entry of the section navigation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionNavItem {
    /// The section's anchor id, without `#`.
    pub anchor_id: String,
    /// The section heading.
    pub label: String,
}

/// The section navigation: one item per section, in reading order.
pub fn section_nav_items(article: &Article) -> Vec<SectionNavItem> {
    article
        .sections
        .iter()
        .map(|section| SectionNavItem { anchor_id: section.id.to_string(), label: section.heading.clone() })
        .collect()
}

/// One direct quote, for the "who said what" index.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteIndexEntry {
    /// Who said it.
    pub speaker: Person,
    /// The quoted words.
    pub text: String,
    /// The anchor id of the block that holds the quote.
    pub block_anchor_id: String,
}

/// Every direct quote in the article with its speaker, in reading order: block quotes
/// and quoted runs inside paragraphs alike.
pub fn quote_index(article: &Article) -> Vec<QuoteIndexEntry> {
    let mut entries = Vec::new();
    for section in &article.sections {
        for block in &section.blocks {
            let block_anchor_id = block.id.to_string();
            match &block.kind {
                BlockKind::Quote { text, speaker } => entries.push(QuoteIndexEntry {
                    speaker: speaker.clone(),
                    text: text.plain_text(),
                    block_anchor_id,
                }),
                BlockKind::Paragraph(text) => {
                    for run in &text.runs {
                        if let Some(speaker) = &run.quote_speaker {
                            entries.push(QuoteIndexEntry {
                                speaker: speaker.clone(),
                                text: run.text.clone(),
                                block_anchor_id: block_anchor_id.clone(),
                            });
                        }
                    }
                }
            }
        }
    }
    entries
}

/// The article as plain text: headline, summary, then each section's heading and blocks,
/// then the context note, separated by blank lines.
pub fn plain_text(article: &Article) -> String {
    let mut parts: Vec<String> = vec![article.headline.clone(), article.summary.plain_text()];
    for section in &article.sections {
        parts.push(section.heading.clone());
        for block in &section.blocks {
            parts.push(block_text(&block.kind).plain_text());
        }
    }
    if let Some(context) = &article.context {
        parts.push(context.plain_text());
    }
    parts.join("\n\n")
}

fn block_text(kind: &BlockKind) -> &InlineText {
    match kind {
        BlockKind::Paragraph(text) | BlockKind::Quote { text, .. } => text,
    }
}

/// The number of words in the article's body (section headings and blocks).
pub fn body_word_count(article: &Article) -> usize {
    article
        .sections
        .iter()
        .map(|section| {
            count_words(&section.heading)
                + section.blocks.iter().map(|block| count_words(&block_text(&block.kind).plain_text())).sum::<usize>()
        })
        .sum()
}

/// Minutes to read the body at [`WORDS_PER_MINUTE`], rounded up, and at least one.
pub fn reading_time_minutes(article: &Article) -> usize {
    body_word_count(article).div_ceil(WORDS_PER_MINUTE).max(1)
}

fn count_words(text: &str) -> usize {
    text.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

/// The line that credits contributors, such as
/// "The Associated Press contributed to this report".
pub fn reporting_note(article: &Article) -> Option<String> {
    let names: Vec<&str> = article.credits.iter().map(|credit| credit.name.as_str()).collect();
    let joined = match names.as_slice() {
        [] => return None,
        [only] => (*only).to_owned(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    };
    Some(format!("{joined} contributed to this report."))
}

/// The byline text: the writers' names, or the outlet when none are given.
pub fn byline_text(article: &Article) -> String {
    let names: Vec<&str> = article.byline.iter().map(|person| person.name.as_str()).collect();
    match names.as_slice() {
        [] => article.outlet.name.clone(),
        [only] => (*only).to_owned(),
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}
