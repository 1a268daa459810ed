//! Turning an article document into a domain [`Article`], once, at the boundary.
//!
//! Three steps, each collecting every problem rather than stopping at the first: the
//! JSON grammar ([`crate::model::json`]), the document's shape ([`crate::model::read`]),
//! and the format's rules (here). An outlet's developer fixing a feed gets the whole
//! list, each with its JSON path. Limits keep a hostile or broken document from
//! exhausting a phone's memory. Missing anchor ids are generated from content, so a
//! permalink to a paragraph still works on the next load.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::article::*;
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

/// Whether `text` has more than `limit` characters. A text of at most `limit` bytes cannot,
/// and checking that first spares counting the characters of every paragraph.
fn exceeds_chars(text: &str, limit: usize) -> bool {
    text.len() > limit && text.chars().count() > limit
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
        let ReadArticleDocument { wire, reader, source } = self;
        let mut outcome = validate_article(&wire, &source);
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
    let base = crate::platform::url::parse_url(source, None)
        .ok()
        .filter(|base| matches!(base.scheme.as_str(), "http" | "https"))
        .map(|base| base.href);
    let mut validator = Validator {
        base,
        ..Validator::default()
    };
    let article = validator.article(wire);
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
    fn problem(&mut self, path: &JsonPath<'_>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn warning(&mut self, path: &JsonPath<'_>, message: impl Into<String>) {
        self.warnings.push(Warning {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn article(&mut self, wire: &WireArticle) -> Option<Article> {
        self.schema_version(&wire.schema_version);
        let id = self.slug(&wire.id, &ROOT.field("id"));
        let canonical_url = self.optional_url(wire.url.as_deref(), &ROOT.field("url"), UrlUse::WebResource);
        let language = self.language(wire.language.as_deref());
        let direction = self.direction(wire.direction.as_deref(), &language);
        let outlet_path = ROOT.field("outlet");
        let outlet = Outlet {
            name: self.short_text(&wire.outlet.name, &outlet_path.field("name")),
            url: self.optional_url(
                wire.outlet.url.as_deref(),
                &outlet_path.field("url"),
                UrlUse::WebResource,
            ),
            logo: wire
                .outlet
                .logo
                .as_ref()
                .and_then(|logo| self.image(logo, &outlet_path.field("logo"))),
        };
        let category_path = ROOT.field("category");
        let category = Category {
            name: self.short_text(&wire.category.name, &category_path.field("name")),
            url: self.optional_url(
                wire.category.url.as_deref(),
                &category_path.field("url"),
                UrlUse::WebResource,
            ),
        };
        let headline = self.short_text(&wire.headline, &ROOT.field("headline"));
        let summary = self.inline(&wire.summary, &ROOT.field("summary"));
        let dateline = wire
            .dateline
            .as_deref()
            .map(|dateline| self.short_text(dateline, &ROOT.field("dateline")));
        let byline = wire
            .byline
            .iter()
            .enumerate()
            .map(|(person_idx, person)| self.person(person, &ROOT.field("byline").item(person_idx)))
            .collect();
        let published = self.timestamp(&wire.published, &ROOT.field("published"));
        let updated = wire
            .updated
            .as_deref()
            .and_then(|text| self.timestamp(text, &ROOT.field("updated")));
        let lead_image = wire
            .lead_image
            .as_ref()
            .and_then(|image| self.image(image, &ROOT.field("lead_image")));
        let sections = self.sections(&wire.body);
        let context = wire
            .context
            .as_ref()
            .and_then(|context| self.inline(context, &ROOT.field("context")));
        let credits = wire
            .credits
            .iter()
            .enumerate()
            .filter_map(|(credit_idx, credit)| self.credit(credit, &ROOT.field("credits").item(credit_idx)))
            .collect();
        let corrections_path = ROOT.field("corrections");
        let corrections = wire
            .corrections
            .iter()
            .enumerate()
            .filter_map(|(correction_idx, correction)| {
                let path = corrections_path.item(correction_idx);
                let time = self.timestamp(&correction.time, &path.field("time"));
                let text = self.inline(&correction.text, &path.field("text"));
                Some(Correction {
                    time: time?,
                    text: text?,
                })
            })
            .collect();
        let related = self.related(&wire.related, id.as_ref());
        let tags = wire
            .tags
            .iter()
            .enumerate()
            .map(|(tag_idx, tag)| self.short_text(tag, &ROOT.field("tags").item(tag_idx)))
            .collect();

        // Counted here, once, rather than in the first render: see `Article::body_word_count`.
        let body_word_count = crate::model::view_data::body_word_count(&sections);
        Some(Article {
            id: id?,
            canonical_url,
            language,
            direction,
            outlet,
            category,
            headline,
            summary: summary?,
            dateline,
            byline,
            published: published?,
            updated,
            lead_image,
            sections,
            context,
            credits,
            corrections,
            related,
            tags,
            body_word_count,
        })
    }

    fn schema_version(&mut self, version: &str) {
        let mut parts = version.split('.');
        let numbers: Vec<Option<u64>> = parts.by_ref().take(3).map(|part| part.parse().ok()).collect();
        let is_semver = numbers.len() == 3 && numbers.iter().all(Option::is_some) && parts.next().is_none();
        if !is_semver {
            self.problem(
                &ROOT.field("schema_version"),
                format!("{} is not a version such as \"1.0.0\"", quoted(version)),
            );
        } else if numbers[0] != Some(SUPPORTED_MAJOR_VERSION) {
            self.problem(
                &ROOT.field("schema_version"),
                format!("version {version} is not supported; this reader reads version {SUPPORTED_MAJOR_VERSION}.x"),
            );
        }
    }

    fn slug(&mut self, text: &str, path: &JsonPath<'_>) -> Option<Slug> {
        Slug::parse(text).map_err(|message| self.problem(path, message)).ok()
    }

    fn short_text(&mut self, text: &str, path: &JsonPath<'_>) -> String {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.problem(path, "must not be empty");
        } else if exceeds_chars(trimmed, MAX_SHORT_TEXT_CHARS) {
            self.problem(path, format!("must be at most {MAX_SHORT_TEXT_CHARS} characters"));
        }
        trimmed.to_owned()
    }

    fn optional_text(&mut self, text: Option<&str>, path: &JsonPath<'_>) -> Option<String> {
        let trimmed = text?.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(self.short_text(trimmed, path))
    }

    fn optional_long_text(&mut self, text: Option<&str>, path: &JsonPath<'_>) -> Option<String> {
        let trimmed = text?.trim();
        if exceeds_chars(trimmed, MAX_LONG_TEXT_CHARS) {
            self.problem(path, format!("must be at most {MAX_LONG_TEXT_CHARS} characters"));
        }
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    fn optional_url(&mut self, text: Option<&str>, path: &JsonPath<'_>, url_use: UrlUse) -> Option<WebUrl> {
        self.url(text?, path, url_use)
    }

    fn url(&mut self, text: &str, path: &JsonPath<'_>, url_use: UrlUse) -> Option<WebUrl> {
        WebUrl::parse(text, self.base.as_deref(), url_use)
            .map_err(|message| self.problem(path, message))
            .ok()
    }

    fn timestamp(&mut self, text: &str, path: &JsonPath<'_>) -> Option<Timestamp> {
        Timestamp::parse(text)
            .map_err(|message| self.problem(path, message))
            .ok()
    }

    fn language(&mut self, tag: Option<&str>) -> String {
        let Some(tag) = tag else { return "en".to_owned() };
        let mut subtags = tag.split('-');
        let primary_ok = subtags.next().is_some_and(|primary| {
            (2..=8).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())
        });
        let rest_ok =
            subtags.all(|subtag| (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric()));
        if !(primary_ok && rest_ok) {
            self.problem(
                &ROOT.field("language"),
                format!(
                    "{} is not a bcp 47 language tag such as \"en\" or \"ar-EG\"",
                    quoted(tag)
                ),
            );
            return "en".to_owned();
        }
        tag.to_owned()
    }

    fn direction(&mut self, given: Option<&str>, language: &str) -> TextDirection {
        match given {
            Some("ltr") => TextDirection::LeftToRight,
            Some("rtl") => TextDirection::RightToLeft,
            Some(other) => {
                self.problem(
                    &ROOT.field("direction"),
                    format!("{} is not \"ltr\" or \"rtl\"", quoted(other)),
                );
                TextDirection::LeftToRight
            }
            None => direction_of_language(language),
        }
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

    fn image(&mut self, image: &WireImage, path: &JsonPath<'_>) -> Option<Image> {
        let mut sources = Vec::new();
        if image.sources.is_empty() {
            self.problem(&path.field("sources"), "must list at least one file");
        }
        if image.sources.len() > MAX_IMAGE_SOURCES {
            self.problem(
                &path.field("sources"),
                format!("must list at most {MAX_IMAGE_SOURCES} files"),
            );
        }
        let sources_path = path.field("sources");
        for (source_idx, source) in image.sources.iter().take(MAX_IMAGE_SOURCES).enumerate() {
            let source_path = sources_path.item(source_idx);
            let url = self.url(&source.url, &source_path.field("url"), UrlUse::WebResource);
            if source.width == 0 {
                self.problem(&source_path.field("width"), "must be more than 0");
            }
            if let Some(url) = url {
                sources.push(ImageSource {
                    url,
                    width: source.width,
                });
            }
        }
        sources.sort_by_key(|source| source.width);
        for (dimension, value) in [("width", image.width), ("height", image.height)] {
            if value == 0 {
                self.problem(&path.field(dimension), "must be more than 0");
            }
        }
        let caption = image
            .caption
            .as_ref()
            .and_then(|caption| self.inline(caption, &path.field("caption")));
        let credit = self.optional_text(image.credit.as_deref(), &path.field("credit"));
        if sources.is_empty() || image.width == 0 || image.height == 0 {
            return None;
        }
        Some(Image {
            sources,
            width: image.width,
            height: image.height,
            alt: image.alt.trim().to_owned(),
            caption,
            credit,
        })
    }

    fn inline(&mut self, inline: &WireInline, path: &JsonPath<'_>) -> Option<InlineText> {
        if inline.0.len() > MAX_RUNS {
            self.problem(
                path,
                format!("has {} runs, more than the limit of {MAX_RUNS}", inline.0.len()),
            );
            return None;
        }
        let mut runs = Vec::with_capacity(inline.0.len());
        for (run_idx, wire_run) in inline.0.iter().enumerate() {
            let run_path = path.item(run_idx);
            if exceeds_chars(&wire_run.text, MAX_RUN_CHARS) {
                self.problem(&run_path, format!("text must be at most {MAX_RUN_CHARS} characters"));
                continue;
            }
            if wire_run.text.is_empty() {
                // An empty run shows nothing; a link or quote on it would vanish unseen.
                if wire_run.href.is_some() || wire_run.quote.is_some() {
                    self.warning(&run_path, "a run without text is skipped, with its link or speaker");
                }
                continue;
            }
            let mut marks = Marks::default();
            for (mark_idx, mark) in wire_run.marks.iter().enumerate() {
                match mark.as_str() {
                    "bold" => marks.bold = true,
                    "italic" => marks.italic = true,
                    other => self.warning(
                        &run_path.field("marks").item(mark_idx),
                        format!("unknown mark {} is ignored", quoted(other)),
                    ),
                }
            }
            let link = self.optional_url(wire_run.href.as_deref(), &run_path.field("href"), UrlUse::Link);
            let quote_speaker = wire_run
                .quote
                .as_ref()
                .map(|person| self.person(person, &run_path.field("quote")));
            runs.push(Run {
                text: wire_run.text.clone(),
                marks,
                link,
                quote_speaker,
            });
        }
        if runs.iter().all(|run| run.text.trim().is_empty()) {
            self.problem(path, "must not be empty");
            return None;
        }
        Some(InlineText { runs })
    }

    fn sections(&mut self, body: &[WireSection]) -> Vec<Section> {
        if body.is_empty() {
            self.problem(&ROOT.field("body"), "must have at least one section");
        }
        if body.len() > MAX_SECTIONS {
            self.problem(
                &ROOT.field("body"),
                format!("has {} sections, more than the limit of {MAX_SECTIONS}", body.len()),
            );
            return Vec::new();
        }
        // Ids given in the document are claimed first, so that a generated id never takes
        // a name an outlet chose for a later element.
        let body_path = ROOT.field("body");
        for (section_idx, section) in body.iter().enumerate() {
            let path = body_path.item(section_idx);
            if let Some(id) = &section.id {
                self.claim_given_id(id, &path.field("id"));
            }
            self.claim_given_block_ids(&section.blocks, &path.field("blocks"));
        }
        let mut sections = Vec::with_capacity(body.len());
        for (section_idx, wire_section) in body.iter().enumerate() {
            let path = body_path.item(section_idx);
            let heading = self.short_text(&wire_section.heading, &path.field("heading"));
            let id = match &wire_section.id {
                Some(given) => Slug::parse(given).ok(),
                None => {
                    let base = Slug::from_text(&heading)
                        .unwrap_or_else(|| Slug::from_prefix_and_token("section", &(section_idx + 1).to_string()));
                    Some(self.unique_generated_id(base))
                }
            };
            let n_problems_before = self.problems.len();
            let blocks = self.blocks(&wire_section.blocks, &path.field("blocks"), 1);
            if blocks.is_empty() && self.problems.len() == n_problems_before {
                self.problem(
                    &path.field("blocks"),
                    "must have at least one block the reader can show",
                );
            }
            if let Some(id) = id {
                sections.push(Section { id, heading, blocks });
            }
        }
        sections
    }

    fn claim_given_block_ids(&mut self, blocks: &[WireBlock], path: &JsonPath<'_>) {
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

    fn claim_given_id(&mut self, id: &str, path: &JsonPath<'_>) {
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
    fn unique_generated_id(&mut self, base: Slug) -> Slug {
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

    fn blocks(&mut self, wire_blocks: &[WireBlock], path: &JsonPath<'_>, depth: usize) -> Vec<Block> {
        let mut blocks = Vec::with_capacity(wire_blocks.len());
        for (block_idx, wire_block) in wire_blocks.iter().enumerate() {
            let block_path = path.item(block_idx);
            self.n_blocks += 1;
            if self.n_blocks == MAX_BLOCKS + 1 {
                self.problem(
                    &block_path,
                    format!("the article has more than the limit of {MAX_BLOCKS} blocks"),
                );
            }
            if self.n_blocks > MAX_BLOCKS {
                continue;
            }
            let Some(kind) = self.block_kind(wire_block, &block_path, depth) else {
                continue;
            };
            let id = match wire_block.given_id() {
                Some(given) => Slug::parse(given).ok(),
                None => Some(self.unique_generated_id(generated_block_id(&kind))),
            };
            if let Some(id) = id {
                blocks.push(Block { id, kind });
            }
        }
        blocks
    }

    fn block_kind(&mut self, wire_block: &WireBlock, path: &JsonPath<'_>, depth: usize) -> Option<BlockKind> {
        let field = |name: &'static str| path.field(name);
        match wire_block {
            WireBlock::Paragraph { text, .. } => self.inline(text, &field("text")).map(BlockKind::Paragraph),
            WireBlock::Subheading { text, .. } => Some(BlockKind::Subheading(self.short_text(text, &field("text")))),
            WireBlock::Quote { text, speaker, .. } => {
                let text = self.inline(text, &field("text"));
                let speaker = self.person(speaker, &field("speaker"));
                Some(BlockKind::Quote { text: text?, speaker })
            }
            WireBlock::PullQuote { text, speaker, .. } => {
                let text = self.short_text(text, &field("text"));
                let speaker = speaker.as_ref().map(|speaker| self.person(speaker, &field("speaker")));
                Some(BlockKind::PullQuote { text, speaker })
            }
            WireBlock::List { style, items, .. } => {
                let ordered = match style.as_str() {
                    "ordered" => true,
                    "unordered" => false,
                    other => {
                        self.problem(
                            &field("style"),
                            format!("{} is not \"ordered\" or \"unordered\"", quoted(other)),
                        );
                        false
                    }
                };
                if items.is_empty() {
                    self.problem(&field("items"), "must have at least one item");
                }
                let items: Vec<InlineText> = items
                    .iter()
                    .enumerate()
                    .filter_map(|(item_idx, item)| self.inline(item, &path.field("items").item(item_idx)))
                    .collect();
                (!items.is_empty()).then_some(BlockKind::List { ordered, items })
            }
            WireBlock::Figure { image, .. } => {
                if image.alt.trim().is_empty() {
                    self.warning(
                        &field("alt"),
                        "an empty alt text hides this picture from screen readers",
                    );
                }
                self.image(image, path).map(BlockKind::Figure)
            }
            WireBlock::FactBox { title, blocks, .. } => {
                let title = self.short_text(title, &field("title"));
                if depth >= MAX_BLOCK_NESTING && blocks.iter().any(|block| matches!(block, WireBlock::FactBox { .. })) {
                    self.problem(
                        &field("blocks"),
                        format!("fact boxes may nest at most {MAX_BLOCK_NESTING} deep"),
                    );
                    return None;
                }
                let n_problems_before = self.problems.len();
                let inner = self.blocks(blocks, &field("blocks"), depth + 1);
                if inner.is_empty() {
                    if self.problems.len() == n_problems_before {
                        self.problem(&field("blocks"), "must have at least one block the reader can show");
                    }
                    return None;
                }
                Some(BlockKind::FactBox { title, blocks: inner })
            }
            WireBlock::Divider { .. } => Some(BlockKind::Divider),
            WireBlock::LinkCard {
                url,
                title,
                description,
                ..
            } => {
                let url = self.url(url, &field("url"), UrlUse::WebResource);
                let title = self.short_text(title, &field("title"));
                let description = self.optional_long_text(description.as_deref(), &field("description"));
                Some(BlockKind::LinkCard {
                    url: url?,
                    title,
                    description,
                })
            }
            WireBlock::Unknown => {
                self.warning(path, "unknown block type is skipped");
                None
            }
        }
    }

    fn related(&mut self, wire_related: &[WireRelated], own_id: Option<&Slug>) -> Vec<RelatedArticle> {
        if wire_related.len() > MAX_RELATED {
            self.warning(
                &ROOT.field("related"),
                format!("only the first {MAX_RELATED} related articles are kept"),
            );
        }
        let mut related = Vec::new();
        let related_path = ROOT.field("related");
        for (related_idx, item) in wire_related.iter().take(MAX_RELATED).enumerate() {
            let path = related_path.item(related_idx);
            let target = match (&item.id, &item.url) {
                (Some(id), url) => {
                    if url.is_some() {
                        self.warning(&path.field("url"), "is ignored: the related article is opened by its id");
                    }
                    self.slug(id, &path.field("id")).map(RelatedTarget::Article)
                }
                (None, Some(url)) => self
                    .url(url, &path.field("url"), UrlUse::WebResource)
                    .map(RelatedTarget::External),
                (None, None) => {
                    self.problem(&path, "needs an \"id\" or a \"url\"");
                    None
                }
            };
            if let (Some(RelatedTarget::Article(id)), Some(own_id)) = (&target, own_id) {
                if id == own_id {
                    self.warning(&path, "an article that lists itself as related is skipped");
                    continue;
                }
            }
            let headline = self.short_text(&item.headline, &path.field("headline"));
            let published = item
                .published
                .as_deref()
                .and_then(|text| self.timestamp(text, &path.field("published")));
            let summary = self.optional_long_text(item.summary.as_deref(), &path.field("summary"));
            let category = self.optional_text(item.category.as_deref(), &path.field("category"));
            let image = item
                .image
                .as_ref()
                .and_then(|image| self.image(image, &path.field("image")));
            if let Some(target) = target {
                related.push(RelatedArticle {
                    target,
                    headline,
                    summary,
                    category,
                    published,
                    image,
                });
            }
        }
        related
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

// A block's generated id is a hash of its content, not its position, so that inserting a
// paragraph above does not move every permalink below it.
fn generated_block_id(kind: &BlockKind) -> Slug {
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
        other => crate::model::view_data::visit_block_plain_text(other, &mut |piece| hash.write(piece)),
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
