//! Turning an article document into a domain [`Article`], once, at the boundary.
//!
//! Three steps, each collecting every problem rather than stopping at the first: the
//! JSON grammar ([`crate::model::json`]), the document's shape ([`crate::model::read`]),
//! and the format's rules (here). An outlet's developer fixing a feed gets the whole
//! list, each with its JSON path. Limits keep a hostile or broken document from
//! exhausting a phone's memory. Missing anchor ids are generated from content, so a
//! permalink to a paragraph still works on the next load.
//!
//! This file holds the steps and the limits; the rules are split by concept: [`article`]
//! (the article as a whole: what comes before the body and after it), [`text`] (texts,
//! inline runs, language), [`urls`] (addresses, times, pictures), [`body`] (sections,
//! blocks, related articles) and [`ids`] (anchor ids).

mod article;
mod body;
mod ids;
mod text;
mod urls;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::article::*;
use article::ArticleHead;
use crate::model::error::{quoted, ArticleError, Problem, Warning};
use crate::model::json::{parse_json, JsonValue};
use crate::model::json_path::JsonPath;
use crate::model::read::WireReader;
use crate::model::slug::{Slug, MAX_SLUG_LEN};
use crate::model::timestamp::Timestamp;
use crate::model::web_url::{UrlUse, WebUrl};
use crate::model::wire::*;

/// The largest document accepted, in bytes (2 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;
/// The most sections an article may have.
pub const MAX_SECTIONS: usize = 500;
/// The most blocks an article may have, counting blocks inside fact boxes.
pub const MAX_BLOCKS: usize = 20_000;
/// How deep fact boxes may nest: a fact box may hold blocks, but not a fact box that
/// holds another.
pub const MAX_BLOCK_NESTING: usize = 2;
/// The most runs one piece of inline text may have.
pub const MAX_RUNS: usize = 2_000;
/// The longest headline, heading, name or title, in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 500;
/// The longest plain-text summary or description, in characters.
pub const MAX_LONG_TEXT_CHARS: usize = 2_000;
/// The longest run of inline text, in characters.
pub const MAX_RUN_CHARS: usize = 50_000;
/// The most related articles kept.
pub const MAX_RELATED: usize = 50;
/// The most files one picture may list.
pub const MAX_IMAGE_SOURCES: usize = 16;

/// The path of the document itself, from which every other path is built.
const ROOT: JsonPath<'static> = JsonPath::Root;

/// The format's major version that this reader understands.
pub const SUPPORTED_MAJOR_VERSION: u64 = 1;

/// A validated article and the warnings raised while reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedArticle {
    /// The article, shared: the reader keeps it in its cache of recent articles, in the
    /// page's resource and in the view, and a long article is megabytes. Cloning a parsed
    /// article copies none of it.
    pub article: Arc<Article>,
    /// Things skipped or assumed, such as unknown block types.
    pub warnings: Vec<Warning>,
}


/// Parses and validates an article document. `source` names where it came from (a URL or
/// a file name) and appears in every error message.
///
/// This is the three steps of [`ArticleDocument`] in a row. The browser runs them as
/// separate tasks instead, so that a long article never blocks the page for the time of
/// all three.
pub fn parse_article(json: &str, source: &str) -> Result<ParsedArticle, ArticleError> {
    ArticleDocument::parse(json, source)?.read().validate()
}

/// The first step: an article document whose JSON grammar has been checked.
pub struct ArticleDocument {
    value: JsonValue,
    source: String,
}

/// The second step: a document read into the wire types, with the problems of its shape.
pub struct ReadArticleDocument {
    wire: WireArticle,
    reader: WireReader,
    source: String,
}

impl ArticleDocument {
    /// Checks the size limit and the JSON grammar of `json`, which came from `source`.
    ///
    /// Each step is kept out of its caller (`inline(never)`): the browser compiles a wasm
    /// function when it is first called, and a step inlined into the loading code would
    /// be compiled, all three at once, in the task that starts the load rather than each
    /// in its own (docs/performance.md).
    #[inline(never)]
    pub fn parse(json: &str, source: &str) -> Result<ArticleDocument, ArticleError> {
        if json.len() > MAX_DOCUMENT_BYTES {
            return Err(ArticleError::TooLarge {
                source: source.to_owned(),
                n_bytes: json.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        let value = parse_json(json).map_err(|error| ArticleError::Syntax {
            source: source.to_owned(),
            message: format!("line {} column {}: {}", error.line, error.column, error.message),
        })?;
        Ok(ArticleDocument {
            value,
            source: source.to_owned(),
        })
    }

    /// Reads the document's shape into the wire types. Problems are kept for the last
    /// step, which reports them together with the rules' problems.
    #[inline(never)]
    pub fn read(self) -> ReadArticleDocument {
        let mut reader = WireReader::default();
        let wire = reader.article(&self.value);
        ReadArticleDocument {
            wire,
            reader,
            source: self.source,
        }
    }
}

impl ReadArticleDocument {
    /// Checks the format's rules and builds the domain article, or reports every problem
    /// of the shape and of the rules.
    pub fn validate(self) -> Result<ParsedArticle, ArticleError> {
        self.start_validation().finish()
    }

    /// The last step in parts, for a caller that splits long work into tasks: what comes
    /// before the body first, then [`ArticleValidation::validate_sections`] until it says
    /// the body is done, then [`ArticleValidation::finish`]. The outcome is the same as
    /// [`Self::validate`]'s, problems in the same order.
    #[inline(never)]
    pub fn start_validation(self) -> ArticleValidation {
        let ReadArticleDocument { wire, reader, source } = self;
        let mut validator = validator_for(&source);
        let head = validator.article_head(&wire);
        let body_is_validated = validator.begin_sections(&wire.body);
        ArticleValidation {
            next_section: if body_is_validated { 0 } else { wire.body.len() },
            sections: Vec::new(),
            validator,
            head,
            wire,
            reader,
            source,
        }
    }
}

/// The last step of an article document, under way (see
/// [`ReadArticleDocument::start_validation`]).
pub struct ArticleValidation {
    validator: Validator,
    head: ArticleHead,
    sections: Vec<Section>,
    /// The index of the next section of the body to validate.
    next_section: usize,
    wire: WireArticle,
    reader: WireReader,
    source: String,
}

impl ArticleValidation {
    /// Validates the next sections of the body, at least one and then as many as hold at
    /// most `block_budget` blocks in all. True once every section is done.
    #[inline(never)]
    pub fn validate_sections(&mut self, block_budget: usize) -> bool {
        let mut blocks_validated: usize = 0;
        while let Some(wire_section) = self.wire.body.get(self.next_section) {
            let n_blocks = wire_section.blocks.len();
            if blocks_validated > 0 && blocks_validated.saturating_add(n_blocks) > block_budget {
                return false;
            }
            if let Some(section) = self.validator.section(self.next_section, wire_section) {
                self.sections.push(section);
            }
            blocks_validated = blocks_validated.saturating_add(n_blocks);
            self.next_section += 1;
        }
        true
    }

    /// What follows the body, then the article, or every problem of the shape and of the
    /// rules. Validates whatever of the body [`Self::validate_sections`] has not.
    #[inline(never)]
    pub fn finish(mut self) -> Result<ParsedArticle, ArticleError> {
        while !self.validate_sections(usize::MAX) {}
        let ArticleValidation {
            mut validator,
            head,
            sections,
            wire,
            reader,
            source,
            ..
        } = self;
        let article = validator.article_tail(&wire, head, sections);
        let mut outcome = validated_article(article, validator, &source);
        if reader.problems.is_empty() {
            if let Ok(parsed) = &mut outcome {
                parsed.warnings.splice(0..0, reader.warnings);
            }
            return outcome;
        }
        // The shape was wrong somewhere. Keep the rule problems too, except those about a
        // value the reader already reported (a missing headline is not also "empty"), or
        // about anything inside it. Each rule problem looks up its own path and the paths
        // of its ancestors in a set, which keeps this linear however many problems of each
        // kind a document has.
        let mut problems = reader.problems;
        if let Err(ArticleError::Invalid {
            problems: rule_problems,
            ..
        }) = outcome
        {
            // A map with nothing in its values: the one ordered-map type the model uses
            // everywhere, so that the wasm carries one copy of its code. Filled by inserts
            // rather than collected, which would bring in a stable sort of its own.
            let mut reported: BTreeMap<String, usize> = BTreeMap::new();
            for problem in &problems {
                reported.insert(problem.path.clone(), 0);
            }
            problems.extend(
                rule_problems
                    .into_iter()
                    .filter(|problem| !path_and_ancestors(&problem.path).any(|path| reported.contains_key(path))),
            );
        }
        Err(ArticleError::Invalid { source, problems })
    }
}

/// `path` and the path of every value that contains it, innermost first:
/// `body[2].heading`, `body[2]`, `body`.
fn path_and_ancestors(path: &str) -> impl Iterator<Item = &str> {
    let cuts = path
        .char_indices()
        .filter(|&(index, character)| index > 0 && matches!(character, '.' | '['))
        .map(|(index, _)| index)
        .rev();
    std::iter::once(path).chain(cuts.map(move |index| &path[..index]))
}

/// Validates an already-read wire article.
///
/// When `source` is an absolute `http` or `https` address, relative URLs in the article
/// are resolved against it.
pub fn validate_article(wire: &WireArticle, source: &str) -> Result<ParsedArticle, ArticleError> {
    let mut validator = validator_for(source);
    let article = validator.article(wire);
    validated_article(article, validator, source)
}

/// A validator for the document at `source`, whose relative URLs it resolves against
/// `source` when that is an absolute `http` or `https` address.
fn validator_for(source: &str) -> Validator {
    let base = crate::platform::url::parse_url(source, None)
        .ok()
        .filter(|base| matches!(base.scheme.as_str(), "http" | "https"))
        .map(|base| base.href);
    Validator {
        base,
        ..Validator::default()
    }
}

/// The outcome of validating a document: `article` if the rules found no problem.
fn validated_article(article: Option<Article>, validator: Validator, source: &str) -> Result<ParsedArticle, ArticleError> {
    match article {
        Some(article) if validator.problems.is_empty() => Ok(ParsedArticle {
            article: Arc::new(article),
            warnings: validator.warnings,
        }),
        _ => Err(ArticleError::Invalid {
            source: source.to_owned(),
            problems: validator.problems,
        }),
    }
}

#[derive(Default)]
struct Validator {
    /// The document's own address, for resolving relative URLs.
    base: Option<String>,
    problems: Vec<Problem>,
    warnings: Vec<Warning>,
    /// Every anchor id claimed so far, each with the next numeric suffix to try when a
    /// generated id wants it as its base (`base-2`, `base-3`…), so that thousands of
    /// identical paragraphs get their ids in linear time rather than quadratic.
    ///
    /// An ordered map rather than a hash map: in the browser the standard library's
    /// hasher has predictable keys, so a document could pick ids that all collide and make
    /// every lookup slow.
    anchor_ids: BTreeMap<String, usize>,
    n_blocks: usize,
}

impl Validator {
    pub(super) fn problem(&mut self, path: &JsonPath<'_>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_string(),
            message: message.into(),
        });
    }

    pub(super) fn warning(&mut self, path: &JsonPath<'_>, message: impl Into<String>) {
        self.warnings.push(Warning {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn slug(&mut self, text: &str, path: &JsonPath<'_>) -> Option<Slug> {
        Slug::parse(text).map_err(|message| self.problem(path, message)).ok()
    }

    fn person(&mut self, person: &WirePerson, path: &JsonPath<'_>) -> Person {
        Person {
            name: self.short_text(&person.name, &path.field("name")),
            role: self.optional_text(person.role.as_deref(), &path.field("role")),
            source: self.optional_text(person.source.as_deref(), &path.field("source")),
        }
    }

    fn credit(&mut self, credit: &WireCredit, path: &JsonPath<'_>) -> Option<Credit> {
        let name = self.short_text(&credit.name, &path.field("name"));
        let Some(kind) = CreditKind::parse(&credit.kind) else {
            self.problem(
                &path.field("kind"),
                format!(
                    "{} is not one of \"staff\", \"wire\", \"freelance\", \"handout\"",
                    quoted(&credit.kind)
                ),
            );
            return None;
        };
        Some(Credit { name, kind })
    }
}

/// The text direction of a BCP 47 language tag's script, by its primary subtag.
pub fn direction_of_language(language: &str) -> TextDirection {
    const RIGHT_TO_LEFT: [&str; 12] = ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi"];
    let primary = language.split('-').next().unwrap_or("").to_ascii_lowercase();
    let script_is_right_to_left = language
        .split('-')
        .any(|subtag| subtag.eq_ignore_ascii_case("arab") || subtag.eq_ignore_ascii_case("hebr"));
    if RIGHT_TO_LEFT.contains(&primary.as_str()) || script_is_right_to_left {
        TextDirection::RightToLeft
    } else {
        TextDirection::LeftToRight
    }
}

