//! "Who said what": every quote in the article, with the paragraph it is in, grouped by
//! speaker.

use std::collections::BTreeMap;

use crate::model::article::{Article, Block, BlockKind, InlineText, Person};

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

/// Every direct quote in the body with its speaker, in reading order: block quotes and
/// quoted runs inside paragraphs, list items and fact boxes. Pull quotes repeat words
/// already in the text, so they are not listed twice.
pub fn quote_index(article: &Article) -> Vec<QuoteIndexEntry> {
    let mut entries = Vec::new();
    for section in &article.sections {
        collect_quotes(&section.blocks, None, &mut entries);
    }
    entries
}

// Quotes inside a fact box link to the fact box, the nearest block with a visible anchor.
fn collect_quotes(blocks: &[Block], enclosing_anchor: Option<&str>, entries: &mut Vec<QuoteIndexEntry>) {
    for block in blocks {
        let anchor = enclosing_anchor.unwrap_or(block.id.as_str()).to_owned();
        let mut quoted_runs = |text: &InlineText| {
            for run in &text.runs {
                if let Some(speaker) = &run.quote_speaker {
                    entries.push(QuoteIndexEntry {
                        speaker: speaker.clone(),
                        text: run.text.clone(),
                        block_anchor_id: anchor.clone(),
                    });
                }
            }
        };
        match &block.kind {
            BlockKind::Quote { text, speaker } => entries.push(QuoteIndexEntry {
                speaker: speaker.clone(),
                text: text.plain_text(),
                block_anchor_id: anchor.clone(),
            }),
            BlockKind::Paragraph(text) => quoted_runs(text),
            BlockKind::List { items, .. } => items.iter().for_each(quoted_runs),
            BlockKind::FactBox { blocks: inner, .. } => collect_quotes(inner, Some(&anchor), entries),
            BlockKind::Subheading(_)
            | BlockKind::PullQuote { .. }
            | BlockKind::Figure(_)
            | BlockKind::Divider
            | BlockKind::LinkCard { .. } => {}
        }
    }
}

/// One speaker's direct quotes, for the "who said what" index.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerQuotes {
    /// Who said them.
    pub speaker: Person,
    /// What they said, in reading order.
    pub quotes: Vec<QuoteIndexEntry>,
}

/// The quote index grouped by speaker name, speakers in the order they are first quoted.
pub fn quotes_by_speaker(article: &Article) -> Vec<SpeakerQuotes> {
    let mut groups: Vec<SpeakerQuotes> = Vec::new();
    // Each speaker's group by name, looked up rather than searched for: an article may
    // quote thousands of people, and a search of every group per quote is quadratic.
    let mut group_of_speaker: BTreeMap<String, usize> = BTreeMap::new();
    for entry in quote_index(article) {
        match group_of_speaker.get(entry.speaker.name.as_str()) {
            Some(&group_idx) => {
                if let Some(group) = groups.get_mut(group_idx) {
                    group.quotes.push(entry);
                }
            }
            None => {
                group_of_speaker.insert(entry.speaker.name.clone(), groups.len());
                groups.push(SpeakerQuotes {
                    speaker: entry.speaker.clone(),
                    quotes: vec![entry],
                });
            }
        }
    }
    groups
}
