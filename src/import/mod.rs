//! Articles from the systems outlets already use, turned into Lede articles (format v1)
//! with a report of everything that could not be carried over (docs/importing.md).
//!
//! Pure Rust, as the model is: an importer reads the source document with the model's JSON
//! reader, and the HTML inside it through [`html::HtmlNode`], a small tree interface with
//! two back ends, html5ever natively (the `lede` command) and the browser's `DOMParser` in
//! the reader. What an importer makes is a [`WireArticle`], which the model then validates
//! like any article, so that an import never writes what `lede check` would refuse.

pub mod ans;
mod fields;
pub mod html;
mod html_blocks;
pub mod page;
mod runs;
mod sections;
pub mod wordpress;

use crate::model::wire::WireArticle;

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
