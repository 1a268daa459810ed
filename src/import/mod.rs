//! Articles from the systems outlets already use, turned into Lede articles (format v1)
//! with a report of everything that could not be carried over (docs/importing.md).
//!
//! Pure Rust, as the model is: an importer reads the source document with the model's JSON
//! reader, and the HTML inside it through [`html::HtmlNode`], a small tree interface with
//! two back ends, html5ever natively (the `lede` command) and the browser's `DOMParser` in
//! the reader. What an importer makes is a [`WireArticle`], which the model then validates
//! like any article, so that an import never writes what `lede check` would refuse.

pub mod anf;
pub mod ans;
pub mod browser_tree;
mod fields;
pub mod html;
mod html_blocks;
mod markdown;
pub mod page;
mod runs;
mod sections;
pub mod wordpress;

use crate::model::json::{parse_json, JsonValue};
use crate::model::wire::{WireArticle, WireBlock, WireCategory, WireInline, WireOutlet, WireSection};

/// One thing an importer dropped or guessed, and the source field it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportNote {
    /// Where in the source, such as `content.rendered` or `_embedded.author[0].name`.
    pub field: String,
    /// Dropped or guessed.
    pub kind: ImportNoteKind,
    /// What happened, lowercase, without a trailing period.
    pub message: String,
}

/// Whether something was left out or filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportNoteKind {
    /// Something in the source that the article does not carry.
    Dropped,
    /// Something the article needs that the source did not say, and the importer chose.
    Guessed,
}

impl ImportNoteKind {
    /// `"dropped"` or `"guessed"`, as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportNoteKind::Dropped => "dropped",
            ImportNoteKind::Guessed => "guessed",
        }
    }
}

impl std::fmt::Display for ImportNote {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{} {}: {}", self.kind.as_str(), self.field, self.message)
    }
}

/// The format of the document at an article's address: the reader's own, or one it
/// imports as it loads (a widget's `format` attribute).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SourceFormat {
    /// Lede's article JSON.
    #[default]
    Lede,
    /// A WordPress post from its REST API (`/wp-json/wp/v2/posts/{id}?_embed`).
    WordPress,
}

/// An imported article and its report.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The article, not yet validated.
    pub article: WireArticle,
    /// What was dropped or guessed, in source order.
    pub notes: Vec<ImportNote>,
}

/// Why a source document cannot make an article: the field it is about and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The source field, such as `title.rendered`; empty for the whole document.
    pub field: String,
    /// What is wrong, lowercase, without a trailing period.
    pub message: String,
}

impl ImportError {
    /// The source has no usable `field`.
    pub(crate) fn missing(field: &str, message: &str) -> ImportError {
        ImportError { field: field.to_owned(), message: message.to_owned() }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            formatter.write_str(&self.message)
        } else {
            write!(formatter, "{}: {}", self.field, self.message)
        }
    }
}

/// The notes an import adds to as it goes.
#[derive(Debug, Default)]
pub struct Notes(pub Vec<ImportNote>);

impl Notes {
    /// Notes that something in `field` was left out.
    pub fn dropped(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(ImportNote {
            field: field.to_owned(),
            kind: ImportNoteKind::Dropped,
            message: message.into(),
        });
    }

    /// Notes that something the article needs was chosen, for want of `field`.
    pub fn guessed(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(ImportNote {
            field: field.to_owned(),
            kind: ImportNoteKind::Guessed,
            message: message.into(),
        });
    }
}

/// Makes the inline text of `article` fit the format's limits, which formatted sources
/// can exceed without being hostile: a run longer than the limit is split, and the runs
/// past the most an inline text may have are joined into one plain run, with a note.
pub(crate) fn fit_to_format(article: &mut WireArticle, notes: &mut Notes) {
    use crate::model::wire::WireBlock;
    let mut inlines: Vec<&mut crate::model::wire::WireInline> = vec![&mut article.summary];
    if let Some(image) = article.lead_image.as_mut() {
        inlines.extend(image.caption.as_mut());
    }
    fn inlines_of_blocks<'a>(blocks: &'a mut [WireBlock], inlines: &mut Vec<&'a mut crate::model::wire::WireInline>) {
        for block in blocks {
            match block {
                WireBlock::Paragraph { text, .. } | WireBlock::Quote { text, .. } => inlines.push(text),
                WireBlock::List { items, .. } => inlines.extend(items.iter_mut()),
                WireBlock::Figure { image, .. } => inlines.extend(image.caption.as_mut()),
                WireBlock::FactBox { blocks: inner, .. } => inlines_of_blocks(inner, inlines),
                _ => {}
            }
        }
    }
    for section in &mut article.body {
        inlines_of_blocks(&mut section.blocks, &mut inlines);
    }
    for correction in &mut article.corrections {
        inlines.push(&mut correction.text);
    }
    let (mut split, mut joined) = (false, false);
    for inline in inlines {
        let limit = crate::model::validate::MAX_RUN_CHARS;
        if inline.0.iter().any(|run| run.text.chars().count() > limit) {
            split = true;
            let runs = std::mem::take(&mut inline.0);
            for run in runs {
                let characters: Vec<char> = run.text.chars().collect();
                for piece in characters.chunks(limit) {
                    inline.0.push(crate::model::wire::WireRun { text: piece.iter().collect(), ..run.clone() });
                }
            }
        }
        let most = crate::model::validate::MAX_RUNS;
        if inline.0.len() > most {
            joined = true;
            // Keep as many runs as leave room for the rest, joined and cut to the limit.
            let lengths: Vec<usize> = inline.0.iter().map(|run| run.text.chars().count()).collect();
            let mut kept = most - 1;
            let mut rest_length: usize = lengths[kept..].iter().sum();
            while kept > 0 && kept + rest_length.div_ceil(limit) > most {
                kept -= 1;
                rest_length += lengths[kept];
            }
            let rest: Vec<char> = inline.0.drain(kept..).flat_map(|run| run.text.chars().collect::<Vec<_>>()).collect();
            for piece in rest.chunks(limit) {
                inline.0.push(crate::model::wire::WireRun { text: piece.iter().collect(), ..crate::model::wire::WireRun::default() });
            }
        }
    }
    if split {
        notes.guessed("", format!("text longer than {} characters in one style was split into runs", crate::model::validate::MAX_RUN_CHARS));
    }
    if joined {
        notes.dropped("", format!("the formatting of text past the {} runs an inline text may have (its words are kept)", crate::model::validate::MAX_RUNS));
    }
}

/// What every article needs, as an importer found it.
pub(crate) struct ArticleEssentials {
    pub(crate) id: String,
    pub(crate) outlet_name: String,
    pub(crate) category: WireCategory,
    pub(crate) headline: String,
    pub(crate) summary: WireInline,
    pub(crate) published: String,
    pub(crate) body: Vec<WireSection>,
}

/// An article of format 1.0.0 with `essentials` and nothing else; importers add the rest.
pub(crate) fn new_article(essentials: ArticleEssentials) -> WireArticle {
    WireArticle {
        schema_version: "1.0.0".to_owned(),
        id: essentials.id,
        url: None,
        language: None,
        direction: None,
        outlet: WireOutlet { name: essentials.outlet_name, url: None, logo: None },
        category: essentials.category,
        headline: essentials.headline,
        summary: essentials.summary,
        dateline: None,
        byline: Vec::new(),
        published: essentials.published,
        updated: None,
        lead_image: None,
        body: essentials.body,
        context: None,
        credits: Vec::new(),
        corrections: Vec::new(),
        related: Vec::new(),
        tags: Vec::new(),
    }
}

/// `article` fitted to the format's limits, with the notes of its import.
pub(crate) fn finished(mut article: WireArticle, mut notes: Notes) -> Imported {
    fit_to_format(&mut article, &mut notes);
    Imported { article, notes: notes.0 }
}

/// The first paragraph of `body`: the summary of a source that gives none.
pub(crate) fn first_paragraph(body: &[WireSection]) -> Option<WireInline> {
    body.iter().flat_map(|section| &section.blocks).find_map(|block| match block {
        WireBlock::Paragraph { text, .. } => Some(text.clone()),
        _ => None,
    })
}

/// Each document of `json` (one object, or an array of them) imported with `import_one`;
/// an error names the item's index. `kind` names what the objects are, for the message
/// about a document that is neither.
pub(crate) fn import_each(
    json: &str,
    kind: &str,
    import_one: impl Fn(&JsonValue) -> Result<Imported, ImportError>,
) -> Result<Vec<Result<Imported, ImportError>>, ImportError> {
    let document = parse_json(json).map_err(|error| ImportError {
        field: String::new(),
        message: format!("not json: {} at line {}, column {}", error.message, error.line, error.column),
    })?;
    match &document {
        JsonValue::Array(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                import_one(item).map_err(|error| ImportError {
                    field: if error.field.is_empty() { format!("[{index}]") } else { format!("[{index}].{}", error.field) },
                    message: error.message,
                })
            })
            .collect()),
        JsonValue::Object(_) => Ok(vec![import_one(&document)]),
        other => Err(ImportError {
            field: String::new(),
            message: format!("expected {kind} or an array of them, found {}", other.kind_name()),
        }),
    }
}
