//! The rules for the body and what follows it: sections, blocks (fact boxes nested at most
//! twice, at most a limit of them), and related articles.

use crate::model::article::*;
use crate::model::error::quoted;
use crate::model::json_path::JsonPath;
use crate::model::wire::*;

use super::ids::generated_block_id;
use super::*;

impl Validator {
    pub(super) fn sections(&mut self, body: &[WireSection]) -> Vec<Section> {
        if !self.begin_sections(body) {
            return Vec::new();
        }
        body.iter()
            .enumerate()
            .filter_map(|(section_idx, wire_section)| self.section(section_idx, wire_section))
            .collect()
    }

    /// The body's first pass: its own problems, and the ids its sections and blocks give.
    /// False if its sections are not to be validated (there are more than the limit).
    pub(super) fn begin_sections(&mut self, body: &[WireSection]) -> bool {
        if body.is_empty() {
            self.problem(&ROOT.field("body"), "must have at least one section");
        }
        if body.len() > MAX_SECTIONS {
            self.problem(
                &ROOT.field("body"),
                format!("has {} sections, more than the limit of {MAX_SECTIONS}", body.len()),
            );
            return false;
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
        true
    }

    /// The body's second pass for the section at `section_idx`, after [`Self::begin_sections`].
    pub(super) fn section(&mut self, section_idx: usize, wire_section: &WireSection) -> Option<Section> {
        let body_path = ROOT.field("body");
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
        id.map(|id| Section { id, heading, blocks })
    }

    pub(super) fn blocks(&mut self, wire_blocks: &[WireBlock], path: &JsonPath<'_>, depth: usize) -> Vec<Block> {
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

    pub(super) fn block_kind(&mut self, wire_block: &WireBlock, path: &JsonPath<'_>, depth: usize) -> Option<BlockKind> {
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

    pub(super) fn related(&mut self, wire_related: &[WireRelated], own_id: Option<&Slug>) -> Vec<RelatedArticle> {
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
