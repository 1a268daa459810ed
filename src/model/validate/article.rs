//! The article as a whole: what comes before the body (validated first, so that problems
//! keep the document's order) and what comes after it, around the body's sections.

use crate::model::article::*;
use crate::model::slug::Slug;
use crate::model::timestamp::Timestamp;
use crate::model::web_url::{UrlUse, WebUrl};
use crate::model::wire::*;

use super::{Validator, ROOT};

/// The validated fields before the body, kept while the body is validated.
pub(super) struct ArticleHead {
    id: Option<Slug>,
    canonical_url: Option<WebUrl>,
    language: String,
    direction: TextDirection,
    outlet: Outlet,
    category: Category,
    headline: String,
    summary: Option<InlineText>,
    dateline: Option<String>,
    byline: Vec<Person>,
    published: Option<Timestamp>,
    updated: Option<Timestamp>,
    lead_image: Option<Image>,
}

impl Validator {
    /// The article `wire` describes, validated in one go (the browser goes by parts: see
    /// `ReadArticleDocument::start_validation`).
    pub(super) fn article(&mut self, wire: &WireArticle) -> Option<Article> {
        let head = self.article_head(wire);
        let sections = self.sections(&wire.body);
        self.article_tail(wire, head, sections)
    }

    /// What comes before the body, validated first so that problems keep document order.
    pub(super) fn article_head(&mut self, wire: &WireArticle) -> ArticleHead {
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
        ArticleHead {
            id,
            canonical_url,
            language,
            direction,
            outlet,
            category,
            headline,
            summary,
            dateline,
            byline,
            published,
            updated,
            lead_image,
        }
    }

    /// What comes after the body, and the article, once `sections` are validated.
    pub(super) fn article_tail(&mut self, wire: &WireArticle, head: ArticleHead, sections: Vec<Section>) -> Option<Article> {
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
        let related = self.related(&wire.related, head.id.as_ref());
        let tags = wire
            .tags
            .iter()
            .enumerate()
            .map(|(tag_idx, tag)| self.short_text(tag, &ROOT.field("tags").item(tag_idx)))
            .collect();

        // Counted here, once, rather than in the first render: see `Article::body_word_count`.
        let body_word_count = crate::model::plain_text::body_word_count(&sections);
        Some(Article {
            id: head.id?,
            canonical_url: head.canonical_url,
            language: head.language,
            direction: head.direction,
            outlet: head.outlet,
            category: head.category,
            headline: head.headline,
            summary: head.summary?,
            dateline: head.dateline,
            byline: head.byline,
            published: head.published?,
            updated: head.updated,
            lead_image: head.lead_image,
            sections,
            context,
            credits,
            corrections,
            related,
            tags,
            body_word_count,
        })
    }
}
