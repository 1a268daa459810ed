//! The domain article: what the reader renders, with every rule of the format already
//! enforced. Only [`crate::model::validate`] builds these values from JSON, so code that
//! holds an [`Article`] never re-checks it.

use crate::model::slug::Slug;
use crate::model::timestamp::Timestamp;
use crate::model::web_url::WebUrl;

/// A validated article.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The article's slug; also its file name (`articles/{id}.json`) and route.
    pub id: Slug,
    /// The canonical address on the outlet's site.
    pub canonical_url: Option<WebUrl>,
    /// The BCP 47 language tag, for the `lang` attribute.
    pub language: String,
    /// The direction of the text, for the `dir` attribute.
    pub direction: TextDirection,
    /// Who publishes it.
    pub outlet: Outlet,
    /// The category, shown as the kicker.
    pub category: Category,
    /// The headline; never empty.
    pub headline: String,
    /// The summary; never empty.
    pub summary: InlineText,
    /// Where the reporting was done, such as "KYIV, Ukraine".
    pub dateline: Option<String>,
    /// The writers; empty means the outlet itself is credited.
    pub byline: Vec<Person>,
    /// When the article was first published.
    pub published: Timestamp,
    /// When it was last updated, if ever.
    pub updated: Option<Timestamp>,
    /// The picture under the summary.
    pub lead_image: Option<Image>,
    /// The sections; there is at least one.
    pub sections: Vec<Section>,
    /// The background note, if any.
    pub context: Option<InlineText>,
    /// Credited contributions for the reporting note.
    pub credits: Vec<Credit>,
    /// Corrections and updates since publication, oldest first.
    pub corrections: Vec<Correction>,
    /// Articles to read next.
    pub related: Vec<RelatedArticle>,
    /// Topics.
    pub tags: Vec<String>,
    /// The words in the body, counted once when the article is validated
    /// ([`crate::model::plain_text::body_word_count`]): the reading time is in the first
    /// screen, and counting a long article's megabytes of text there made its first
    /// render a long task on a slow phone.
    pub body_word_count: usize,
}

/// Left-to-right or right-to-left text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TextDirection {
    /// Latin, Cyrillic, Greek, CJK and most other scripts.
    #[default]
    LeftToRight,
    /// Arabic, Hebrew, Persian, Urdu and others.
    RightToLeft,
}

impl TextDirection {
    /// The value for an HTML `dir` attribute.
    pub fn as_html_dir(self) -> &'static str {
        match self {
            TextDirection::LeftToRight => "ltr",
            TextDirection::RightToLeft => "rtl",
        }
    }
}

/// The publishing outlet.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlet {
    /// Its name; never empty.
    pub name: String,
    /// Its home page.
    pub url: Option<WebUrl>,
    /// Its logo.
    pub logo: Option<Image>,
}

/// The article's category.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    /// Its name; never empty.
    pub name: String,
    /// The outlet's page for it.
    pub url: Option<WebUrl>,
}

/// A named person with an optional role.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The name; never empty.
    pub name: String,
    /// A role or title.
    pub role: Option<String>,
    /// Where a quote was said or written, such as "on X".
    pub source: Option<String>,
}

impl Person {
    /// The attribution line under a quote: "Name, role, source".
    pub fn attribution(&self) -> String {
        [Some(self.name.as_str()), self.role.as_deref(), self.source.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A picture whose space can be reserved before it loads.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    /// The files, at least one, narrowest first.
    pub sources: Vec<ImageSource>,
    /// The intrinsic width; never zero.
    pub width: u32,
    /// The intrinsic height; never zero.
    pub height: u32,
    /// The text alternative; empty only for decoration.
    pub alt: String,
    /// The caption.
    pub caption: Option<InlineText>,
    /// The credit line.
    pub credit: Option<String>,
}

impl Image {
    /// The `srcset` attribute: every file with its width. Commas in a file's address are
    /// percent-encoded: `srcset` separates its candidates with commas, and an address that
    /// ends in one, or a comma followed by a space, could otherwise read as two candidates.
    /// A normalized URL holds no white space.
    pub fn srcset(&self) -> String {
        self.srcset_with(|url| url.as_str().to_owned())
    }

    /// [`Image::srcset`] with each address written by `address`.
    pub fn srcset_with(&self, address: impl Fn(&WebUrl) -> String) -> String {
        let mut srcset = String::new();
        for (source_idx, source) in self.sources.iter().enumerate() {
            if source_idx > 0 {
                srcset.push_str(", ");
            }
            srcset.push_str(&address(&source.url).replace(',', "%2C"));
            srcset.push(' ');
            srcset.push_str(&source.width.to_string());
            srcset.push('w');
        }
        srcset
    }

    /// The file to use where `srcset` is not understood: the widest.
    pub fn fallback_source(&self) -> &ImageSource {
        // Validation guarantees at least one source; the sources are sorted by width.
        &self.sources[self.sources.len() - 1]
    }
}

/// One file of a picture.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageSource {
    /// Its address.
    pub url: WebUrl,
    /// Its width in pixels; never zero.
    pub width: u32,
}

/// A correction or update with its time.
#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    /// When it was made.
    pub time: Timestamp,
    /// What changed.
    pub text: InlineText,
}

/// One section of the body.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The anchor id, unique within the article.
    pub id: Slug,
    /// The heading; never empty.
    pub heading: String,
    /// The blocks, at least one.
    pub blocks: Vec<Block>,
}

/// A block with its anchor id, unique within the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The anchor id, for permalinks and the quote index.
    pub id: Slug,
    /// What the block is.
    pub kind: BlockKind,
}

/// The kinds of block the reader renders.
#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    /// A paragraph.
    Paragraph(InlineText),
    /// A heading inside a section.
    Subheading(String),
    /// A block quotation.
    Quote {
        /// The quoted words, without quotation marks.
        text: InlineText,
        /// Who said them.
        speaker: Person,
    },
    /// A passage repeated large for emphasis.
    PullQuote {
        /// The words, without quotation marks.
        text: String,
        /// Who said them, if it is a quote.
        speaker: Option<Person>,
    },
    /// A list.
    List {
        /// Numbered when true, bulleted otherwise.
        ordered: bool,
        /// The items, at least one.
        items: Vec<InlineText>,
    },
    /// A picture.
    Figure(Image),
    /// A boxed set of blocks, such as key facts.
    FactBox {
        /// The box's title.
        title: String,
        /// Its blocks, at least one; never another fact box more than one level deep.
        blocks: Vec<Block>,
    },
    /// A thematic break.
    Divider,
    /// A link to another page, shown as a card.
    LinkCard {
        /// Where it links.
        url: WebUrl,
        /// The page's title.
        title: String,
        /// A sentence about it.
        description: Option<String>,
    },
}

/// Inline text: one or more runs, never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineText {
    /// The runs in order.
    pub runs: Vec<Run>,
}

impl InlineText {
    /// The text without any marks, links or quotation marks.
    pub fn plain_text(&self) -> String {
        self.runs.iter().map(|run| run.text.as_str()).collect()
    }
}

/// A run of text and what applies to all of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The text; never empty.
    pub text: String,
    /// Typographic marks.
    pub marks: Marks,
    /// A link target, already scheme-checked.
    pub link: Option<WebUrl>,
    /// Set when the run is a direct quote: who said it.
    pub quote_speaker: Option<Person>,
}

/// The typographic marks a run can carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Strong importance, `<strong>`.
    pub bold: bool,
    /// Emphasis, `<em>`.
    pub italic: bool,
}

/// A credited contribution, such as a wire agency's.
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    /// Who contributed; never empty.
    pub name: String,
    /// How they contributed.
    pub kind: CreditKind,
}

/// How a contributor took part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditKind {
    /// The outlet's own staff.
    Staff,
    /// A news agency.
    Wire,
    /// A freelance contributor.
    Freelance,
    /// Material handed out by its subject.
    Handout,
}

impl CreditKind {
    /// Parses the wire name of a credit kind.
    pub fn parse(text: &str) -> Option<CreditKind> {
        match text {
            "staff" => Some(CreditKind::Staff),
            "wire" => Some(CreditKind::Wire),
            "freelance" => Some(CreditKind::Freelance),
            "handout" => Some(CreditKind::Handout),
            _ => None,
        }
    }
}

/// Where a related article opens.
#[derive(Clone, Debug, PartialEq)]
pub enum RelatedTarget {
    /// An article served beside this one, opened inside the reader.
    Article(Slug),
    /// An article elsewhere, opened as an ordinary link.
    External(WebUrl),
}

/// A reference to another article.
#[derive(Clone, Debug, PartialEq)]
pub struct RelatedArticle {
    /// Where it opens.
    pub target: RelatedTarget,
    /// Its headline; never empty.
    pub headline: String,
    /// A short summary.
    pub summary: Option<String>,
    /// Its category name.
    pub category: Option<String>,
    /// When it was published.
    pub published: Option<Timestamp>,
    /// A picture for the card.
    pub image: Option<Image>,
}
