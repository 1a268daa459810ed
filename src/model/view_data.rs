//! What the reading view shows about an article besides the article itself: the section
//! navigation, the reading time, the quote index, the reporting note and the plain text.
//!
//! These are derived here, in plain Rust, so that components only render them and every
//! rule (what counts as a word, which quotes are indexed) is unit-tested natively.

use std::collections::BTreeMap;

use crate::model::article::{Article, Block, BlockKind, CreditKind, InlineText, Person, Section};

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
        .map(|section| SectionNavItem {
            anchor_id: section.id.to_string(),
            label: section.heading.clone(),
        })
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

/// Minutes to read the body at [`WORDS_PER_MINUTE`], rounded up, and at least one; from
/// the count the validator stored in [`Article::body_word_count`].
pub fn reading_time_minutes(article: &Article) -> usize {
    article.body_word_count.div_ceil(WORDS_PER_MINUTE).max(1)
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

/// The reporting note from the typed credits, such as "The Associated Press contributed
/// to this report." Handout material is credited separately.
pub fn reporting_note(article: &Article) -> Option<String> {
    let names_of = |handout: bool| -> Vec<&str> {
        article
            .credits
            .iter()
            .filter(|credit| (credit.kind == CreditKind::Handout) == handout)
            .map(|credit| credit.name.as_str())
            .collect()
    };
    let mut sentences = Vec::new();
    if let Some(contributors) = join_names(&names_of(false)) {
        sentences.push(format!("{contributors} contributed to this report."));
    }
    if let Some(handouts) = join_names(&names_of(true)) {
        sentences.push(format!("Includes material provided by {handouts}."));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// The byline text: the writers' names, or the outlet when none are given.
pub fn byline_text(article: &Article) -> String {
    let names: Vec<&str> = article.byline.iter().map(|person| person.name.as_str()).collect();
    join_names(&names).unwrap_or_else(|| article.outlet.name.clone())
}

fn join_names(names: &[&str]) -> Option<String> {
    match names {
        [] => None,
        [only] => Some((*only).to_owned()),
        [first @ .., last] => Some(format!("{} and {last}", first.join(", "))),
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

/// A schema.org `NewsArticle` description of the article as JSON-LD, for search engines
/// and link previews. `page_url` is the reader's address for the article; the canonical
/// address wins when the article has one.
///
/// The JSON is written by hand (the app carries no JSON serializer). Every string goes
/// through [`json_string`], which also escapes `<`, so the text can never close a
/// `<script>` element even if someone inserts it as HTML.
pub fn news_article_json_ld(article: &Article, page_url: &str) -> String {
    let url = article.canonical_url.as_ref().map_or(page_url, |url| url.as_str());
    let people: Vec<String> = article
        .byline
        .iter()
        .map(|person| format!("{{\"@type\":\"Person\",\"name\":{}}}", json_string(&person.name)))
        .collect();
    let author = if people.is_empty() {
        format!(
            "{{\"@type\":\"Organization\",\"name\":{}}}",
            json_string(&article.outlet.name)
        )
    } else {
        format!("[{}]", people.join(","))
    };
    let logo = article
        .outlet
        .logo
        .as_ref()
        .map(|logo| {
            format!(
                ",\"logo\":{{\"@type\":\"ImageObject\",\"url\":{}}}",
                json_string(logo.fallback_source().url.as_str())
            )
        })
        .unwrap_or_default();
    let image = article
        .lead_image
        .as_ref()
        .map(|image| format!(",\"image\":[{}]", json_string(image.fallback_source().url.as_str())))
        .unwrap_or_default();
    let modified = article.updated.as_ref().unwrap_or(&article.published);
    format!(
        "{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":{},\"description\":{},\"inLanguage\":{},\"mainEntityOfPage\":{},\"datePublished\":{},\"dateModified\":{},\"articleSection\":{},\"author\":{},\"publisher\":{{\"@type\":\"Organization\",\"name\":{}{}}}{}}}",
        json_string(&article.headline),
        json_string(&article.summary.plain_text()),
        json_string(&article.language),
        json_string(url),
        json_string(article.published.as_str()),
        json_string(modified.as_str()),
        json_string(&article.category.name),
        author,
        json_string(&article.outlet.name),
        logo,
        image,
    )
}

/// `text` as a JSON string literal, with `<`, `>` and `&` escaped as well.
pub fn json_string(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for character in text.chars() {
        match character {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            '\n' => literal.push_str("\\n"),
            '\r' => literal.push_str("\\r"),
            '\t' => literal.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => literal.push_str(&format!("\\u{:04x}", u32::from(character))),
            control if u32::from(control) < 0x20 => literal.push_str(&format!("\\u{:04x}", u32::from(control))),
            other => literal.push(other),
        }
    }
    literal.push('"');
    literal
}

/// How many blocks are rendered before the first paint: more than a first screen on any
/// device (sixteen blocks are at least sixteen lines, below a header that fills half a
/// first screen), so that a reader never sees the article end and then grow. Each block
/// more lengthens the first render: at 4× CPU throttling, 24 blocks made it a long task.
pub const FIRST_PAINT_BLOCKS: usize = 16;
/// How many blocks each later rendering chunk holds at most. At 4× CPU throttling twenty
/// paragraphs took about 25 ms to build, lay out and paint, under the 50 ms that makes a
/// task long (docs/performance.md).
pub const CHUNK_BLOCKS: usize = 20;

/// The part of one section rendered in one chunk: the blocks `blocks` of section `section`.
/// The part that starts a section also renders its heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionPart {
    /// The section's index in the article.
    pub section: usize,
    /// The indices of its blocks in this part.
    pub blocks: std::ops::Range<usize>,
}

/// Splits the body into consecutive chunks for rendering. The first chunk holds the first
/// [`FIRST_PAINT_BLOCKS`] blocks and is rendered before the first paint; for most articles
/// that is the whole article. Each later chunk holds the next [`CHUNK_BLOCKS`] blocks and
/// is rendered after the previous one has been painted, so that a very long article never
/// blocks the page for long. A long section is split between chunks; every section has a
/// part, even one without blocks, so that its heading is rendered.
pub fn rendering_chunks(sections: &[crate::model::article::Section]) -> Vec<Vec<SectionPart>> {
    let mut chunks: Vec<Vec<SectionPart>> = Vec::new();
    let mut chunk: Vec<SectionPart> = Vec::new();
    let mut room = FIRST_PAINT_BLOCKS;
    for (section, content) in sections.iter().enumerate() {
        let n_blocks = content.blocks.len();
        let mut next_block = 0;
        loop {
            let end = n_blocks.min(next_block + room);
            chunk.push(SectionPart {
                section,
                blocks: next_block..end,
            });
            room -= end - next_block;
            next_block = end;
            if room == 0 {
                chunks.push(std::mem::take(&mut chunk));
                room = CHUNK_BLOCKS;
            }
            if next_block == n_blocks {
                break;
            }
        }
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    chunks
}

/// How many rendering chunks are shown after each paint: one at first, more while paints
/// follow each other quickly, fewer when they do not. A fast device thus finishes a long
/// article in a fraction of the paints, and a slow one still gets one small task per
/// paint. Measured on the 5,000-paragraph benchmark article, against one chunk per paint:
/// the last block painted after 0.9 s instead of 4.3 s at full speed, and after 7 s
/// instead of 11.5 s at 4× CPU throttling, with fewer long tasks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChunkPace {
    chunks_per_paint: usize,
    /// When the previous batch was shown, in milliseconds.
    previous_batch_ms: f64,
}

impl ChunkPace {
    /// The most chunks shown after one paint.
    pub const MAX_CHUNKS_PER_PAINT: usize = 8;
    /// Batches this close together left the browser time to spare: show more.
    pub const QUICK_MS: f64 = 24.0;
    /// Batches this far apart made long frames: show fewer.
    pub const SLOW_MS: f64 = 40.0;

    /// One chunk per paint, counting from `now_ms`.
    pub fn start(now_ms: f64) -> ChunkPace {
        ChunkPace {
            chunks_per_paint: 1,
            previous_batch_ms: now_ms,
        }
    }

    /// How many chunks to show in this batch.
    pub fn chunks_per_paint(self) -> usize {
        self.chunks_per_paint
    }

    /// The pace for the batch shown at `now_ms`, from the time since the previous batch.
    pub fn next(self, now_ms: f64) -> ChunkPace {
        let since_previous_ms = now_ms - self.previous_batch_ms;
        let chunks_per_paint = if since_previous_ms < Self::QUICK_MS {
            (self.chunks_per_paint * 2).min(Self::MAX_CHUNKS_PER_PAINT)
        } else if since_previous_ms > Self::SLOW_MS {
            (self.chunks_per_paint / 2).max(1)
        } else {
            self.chunks_per_paint
        };
        ChunkPace {
            chunks_per_paint,
            previous_batch_ms: now_ms,
        }
    }
}

/// The same chunks for a compact widget: the first section, then everything else, which
/// is rendered only when the reader asks for it.
pub fn compact_rendering_chunks(sections: &[crate::model::article::Section]) -> Vec<Vec<SectionPart>> {
    let whole = |section: usize| SectionPart {
        section,
        blocks: 0..sections[section].blocks.len(),
    };
    let mut chunks = Vec::new();
    if !sections.is_empty() {
        chunks.push(vec![whole(0)]);
    }
    if sections.len() > 1 {
        chunks.push((1..sections.len()).map(whole).collect());
    }
    chunks
}
