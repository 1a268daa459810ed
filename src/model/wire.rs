//! The JSON shape of an article, exactly as outlets write it (format v1).
//!
//! These types are the wire boundary: they accept anything the format's JSON grammar
//! allows and enforce nothing else. [`crate::model::validate`] turns them into domain
//! types. Unknown fields are ignored so that newer minor versions of the format stay
//! readable; unknown block types become [`WireBlock::Unknown`] and are reported as
//! warnings instead of failing the article.
//!
//! `docs/article-format.md` documents every field for outlets.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A whole article document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Article"))]
pub struct WireArticle {
    /// The format version, as semver text: `"1.0.0"`.
    pub schema_version: String,
    /// The article's slug, unique within its outlet.
    pub id: String,
    /// The canonical address of the article on the outlet's site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The BCP 47 language tag of the text, `"en"` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `"ltr"` or `"rtl"`; derived from the language when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// Who publishes the article.
    pub outlet: WireOutlet,
    /// The desk or topic, shown as the kicker above the headline.
    pub category: WireCategory,
    /// The headline, plain text.
    pub headline: String,
    /// The summary shown in a box under the headline.
    pub summary: WireInline,
    /// Where the reporting was done, such as "KYIV, Ukraine".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The people who wrote the article; the outlet is credited when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub byline: Vec<WirePerson>,
    /// When the article was first published (RFC 3339).
    pub published: String,
    /// When the article was last updated (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The picture shown under the summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_image: Option<WireImage>,
    /// The sections of the article, in reading order.
    pub body: Vec<WireSection>,
    /// An optional note that gives background, shown in its own box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<WireInline>,
    /// Contributions credited in the reporting note at the end.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<WireCredit>,
    /// Corrections made since publication, shown at the end with their times.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<WireCorrection>,
    /// Other articles to read next, shown in the sidebar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<WireRelated>,
    /// Topics, shown as a list at the end.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// The publishing outlet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Outlet"))]
pub struct WireOutlet {
    /// The outlet's name, shown in the masthead.
    pub name: String,
    /// The outlet's home page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet's logo, shown in the masthead instead of the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<WireImage>,
}

/// The category (desk, topic) of an article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Category"))]
pub struct WireCategory {
    /// The category's name, such as `"Conflict"`.
    pub name: String,
    /// The outlet's page for the category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A person named in a byline or as the speaker of a quote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Person"))]
pub struct WirePerson {
    /// The person's name as printed.
    pub name: String,
    /// A role such as `"President of Ukraine"` or `"Kyiv correspondent"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Where a quote was said or written, such as `"on X"` or `"in a statement"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A picture with the sizes a browser needs to reserve its space and pick a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Image"))]
pub struct WireImage {
    /// The same picture at several pixel widths, for `srcset`.
    pub sources: Vec<WireImageSource>,
    /// The intrinsic width, for the aspect ratio.
    pub width: u32,
    /// The intrinsic height, for the aspect ratio.
    pub height: u32,
    /// What the picture shows, for people who cannot see it; `""` only for decoration.
    pub alt: String,
    /// The caption under the picture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<WireInline>,
    /// Who made the picture, such as `"Photo: Jane Doe / Agency"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

/// One file of a picture.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "ImageSource"))]
pub struct WireImageSource {
    /// The file's address (`https` or `http`).
    pub url: String,
    /// The file's width in pixels.
    pub width: u32,
}

/// A correction or update made after publication.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Correction"))]
pub struct WireCorrection {
    /// When it was made (RFC 3339).
    pub time: String,
    /// What was corrected.
    pub text: WireInline,
}

/// One section: a heading and its blocks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Section"))]
pub struct WireSection {
    /// The anchor of the section (`#id`); generated from the heading when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The section heading, plain text.
    pub heading: String,
    /// The content of the section.
    pub blocks: Vec<WireBlock>,
}

/// One block of content inside a section. Every block may carry an `id` (its anchor);
/// a missing one is generated from its content.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Block"))]
pub enum WireBlock {
    /// A paragraph of inline text.
    Paragraph {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The paragraph's text.
        text: WireInline,
    },
    /// A heading inside a section, plain text.
    Subheading {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The heading's text.
        text: String,
    },
    /// A block quotation with its speaker.
    Quote {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The quoted words, without quotation marks.
        text: WireInline,
        /// Who said it.
        speaker: WirePerson,
    },
    /// A short passage repeated large for emphasis; not read aloud twice by screen readers.
    PullQuote {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The words, without quotation marks.
        text: String,
        /// Who said them, if it is a quote.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speaker: Option<WirePerson>,
    },
    /// A bulleted or numbered list.
    List {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// `"ordered"` or `"unordered"`.
        style: String,
        /// The items.
        items: Vec<WireInline>,
    },
    /// A picture with its caption and credit.
    Figure {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The picture.
        #[serde(flatten)]
        image: WireImage,
    },
    /// A boxed set of blocks beside the story, such as key facts.
    FactBox {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The box's title.
        title: String,
        /// Its content.
        blocks: Vec<WireBlock>,
    },
    /// A thematic break.
    Divider {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    /// A link to another page, shown as a card. Never an embed: no third-party script runs.
    LinkCard {
        /// The anchor of the block.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// Where it links (`https` or `http`).
        url: String,
        /// The linked page's title.
        title: String,
        /// A sentence about it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
    },
    /// A block type this version of the reader does not know; skipped with a warning.
    /// Not part of the schema: writers should only use the types above.
    /// Also what stands in for an item the reader could not read, so that the items
    /// after it keep their index in the validator's messages.
    #[serde(other)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(skip))]
    #[default]
    Unknown,
}

impl WireBlock {
    /// The block's given id, if any.
    pub fn given_id(&self) -> Option<&str> {
        match self {
            WireBlock::Paragraph { id, .. }
            | WireBlock::Subheading { id, .. }
            | WireBlock::Quote { id, .. }
            | WireBlock::PullQuote { id, .. }
            | WireBlock::List { id, .. }
            | WireBlock::Figure { id, .. }
            | WireBlock::FactBox { id, .. }
            | WireBlock::Divider { id }
            | WireBlock::LinkCard { id, .. } => id.as_deref(),
            WireBlock::Unknown => None,
        }
    }
}

/// A contribution credited in the reporting note.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Credit"))]
pub struct WireCredit {
    /// Who contributed, such as `"The Associated Press"`.
    pub name: String,
    /// `"staff"`, `"wire"`, `"freelance"` or `"handout"`.
    pub kind: String,
}

/// A reference to another article, shown as a card in the sidebar.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Related"))]
pub struct WireRelated {
    /// The id of an article served beside this one, opened inside the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The address of an article elsewhere, opened as an ordinary link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The related article's headline.
    pub headline: String,
    /// A sentence or two about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Its category name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// When it was published (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// A picture for the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<WireImage>,
}

/// Inline text: a list of runs. In JSON either a plain string (one plain run) or an
/// array whose items are strings (plain runs) or run objects.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireInline(pub Vec<WireRun>);

/// A run of inline text and what applies to all of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Run"))]
pub struct WireRun {
    /// The text of the run.
    pub text: String,
    /// Typographic marks: `"bold"`, `"italic"`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<String>,
    /// Makes the run a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// Makes the run a direct quote by this speaker (text without quotation marks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<WirePerson>,
}

impl WireRun {
    fn is_plain(&self) -> bool {
        self.marks.is_empty() && self.href.is_none() && self.quote.is_none()
    }
}

// A hand-written visitor rather than `#[serde(untagged)]`: untagged enums buffer the
// whole value and report "data did not match any variant", which is both bigger in
// wasm and useless to an outlet's developer.
impl<'de> Deserialize<'de> for WireInline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InlineVisitor;
        impl<'de> Visitor<'de> for InlineVisitor {
            type Value = WireInline;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a string or an array of runs")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<WireInline, E> {
                Ok(WireInline(vec![WireRun {
                    text: text.to_owned(),
                    ..WireRun::default()
                }]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<WireInline, A::Error> {
                let mut runs = Vec::new();
                while let Some(RunOrString(run)) = seq.next_element()? {
                    runs.push(run);
                }
                Ok(WireInline(runs))
            }
        }
        deserializer.deserialize_any(InlineVisitor)
    }
}

impl Serialize for WireInline {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [only] if only.is_plain() => serializer.serialize_str(&only.text),
            runs => serializer.collect_seq(runs.iter().map(RunRef)),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for WireInline {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "InlineText".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let run = generator.subschema_for::<WireRun>();
        schemars::json_schema!({
            "description": "Inline text: a plain string, or an array of runs, each a plain string or a run object.",
            "oneOf": [
                { "type": "string" },
                { "type": "array", "items": { "anyOf": [ { "type": "string" }, run ] } }
            ]
        })
    }
}

struct RunRef<'a>(&'a WireRun);

impl Serialize for RunRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_plain() {
            serializer.serialize_str(&self.0.text)
        } else {
            self.0.serialize(serializer)
        }
    }
}

struct RunOrString(WireRun);

impl<'de> Deserialize<'de> for RunOrString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RunVisitor;
        impl<'de> Visitor<'de> for RunVisitor {
            type Value = RunOrString;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a string or a run object with \"text\"")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<RunOrString, E> {
                Ok(RunOrString(WireRun {
                    text: text.to_owned(),
                    ..WireRun::default()
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RunOrString, A::Error> {
                WireRun::deserialize(de::value::MapAccessDeserializer::new(map)).map(RunOrString)
            }
        }
        deserializer.deserialize_any(RunVisitor)
    }
}
