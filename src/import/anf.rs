//! Apple News Format documents (`article.json`): components by role, text in plain,
//! HTML or Markdown format, and inline text styles as marks. The field-by-field mapping
//! is docs/importing.md's.

use crate::model::json::{parse_json, JsonValue};
use crate::model::slug::Slug;
use crate::model::wire::{WireBlock, WireCategory, WireInline, WirePerson, WireRun};

use super::fields::{array_at, short, string_at, value_at, web_url};
use super::html::{sections_from_html, HtmlParser, HtmlSource};
use super::markdown::markdown_to_html;
use super::sections::Body;
use super::{ImportError, Imported, Notes};

/// What an Apple News document does not say about itself, from the outlet.
#[derive(Clone, Debug, Default)]
pub struct AppleNewsSite {
    /// The outlet's name, for the masthead.
    pub outlet_name: Option<String>,
}

/// How deep containers may nest before their content is left out.
const MAX_CONTAINER_DEPTH: usize = 16;

/// The article of the Apple News Format document `json`.
pub fn import_apple_news<P: HtmlParser>(json: &str, parser: &P, site: &AppleNewsSite) -> Result<Imported, ImportError> {
    let document = parse_json(json).map_err(|error| ImportError::missing("", &format!("not json: {} at line {}, column {}", error.message, error.line, error.column)))?;
    let mut notes = Notes::default();
    let components = array_at(&document, &["components"]);
    let title_component = find_role(&components, &["title"], 0);
    let headline = string_at(&document, &["title"])
        .or_else(|| title_component.and_then(|title| string_at(title, &["text"])))
        .and_then(|headline| short(&headline, "title", &mut notes))
        .ok_or_else(|| ImportError::missing("title", "the document has no title"))?;
    let url = string_at(&document, &["metadata", "canonicalURL"]).and_then(|address| web_url(&address, None));
    let id = string_at(&document, &["identifier"])
        .map(|identifier| identifier.to_ascii_lowercase())
        .filter(|identifier| Slug::parse(identifier).is_ok());
    let id = match id {
        Some(id) => id,
        None => {
            let made = Slug::from_text(&headline).ok_or_else(|| ImportError::missing("identifier", "the document's identifier and title make no id"))?;
            notes.guessed("identifier", format!("the article's id \"{made}\", from the title: the identifier is not a slug"));
            made.to_string()
        }
    };
    let published = string_at(&document, &["metadata", "datePublished"])
        .or_else(|| {
            let created = string_at(&document, &["metadata", "dateCreated"])?;
            notes.guessed("metadata.dateCreated", "the publication time is dateCreated: the document has no datePublished");
            Some(created)
        })
        .ok_or_else(|| ImportError::missing("metadata.datePublished", "the document has no publication date"))?;
    let updated = string_at(&document, &["metadata", "dateModified"]).filter(|updated| *updated != published);

    let styles = TextStyles { document: &document };
    let mut body = Body::new(&headline);
    let mut summary = None;
    for (index, component) in components.iter().enumerate() {
        add_component(component, &format!("components[{index}]"), parser, &styles, &mut body, &mut summary, &mut notes, 0);
    }
    let body = body.finish(&mut notes);
    if body.is_empty() {
        return Err(ImportError::missing("components", "the document holds no body text an article can show"));
    }
    let summary = match string_at(&document, &["metadata", "excerpt"]).and_then(|excerpt| plain_inline(&excerpt)) {
        Some(excerpt) => excerpt,
        None => match summary {
            Some(intro) => intro,
            None => {
                notes.guessed("metadata.excerpt", "the summary is the first paragraph: the document has no excerpt or intro");
                super::first_paragraph(&body)
                    .ok_or_else(|| ImportError::missing("metadata.excerpt", "the document has no excerpt and no paragraph to make a summary of"))?
            }
        },
    };
    let byline = array_at(&document, &["metadata", "authors"])
        .into_iter()
        .filter_map(|author| match author {
            JsonValue::String(name) => short(name, "metadata.authors", &mut notes),
            _ => None,
        })
        .map(|name| WirePerson { name, role: None, source: None })
        .collect();
    let tags = array_at(&document, &["metadata", "keywords"])
        .into_iter()
        .filter_map(|keyword| match keyword {
            JsonValue::String(tag) => short(tag, "metadata.keywords", &mut notes),
            _ => None,
        })
        .collect();
    let outlet_name = site
        .outlet_name
        .as_deref()
        .and_then(|name| short(name, "--outlet", &mut notes))
        .ok_or_else(|| ImportError::missing("--outlet", "an Apple News document does not name its publisher: give the outlet's name"))?;
    notes.guessed("metadata", "the category \"News\": Apple News documents carry none");
    if value_at(&document, &["metadata", "thumbnailURL"]).is_some() {
        notes.dropped("metadata.thumbnailURL", "the thumbnail, whose size the document does not give (the reader reserves a picture's space)");
    }

    let mut article = super::new_article(super::ArticleEssentials {
        id,
        outlet_name,
        category: WireCategory { name: "News".to_owned(), url: None },
        headline,
        summary,
        published,
        body,
    });
    article.url = url;
    article.language = string_at(&document, &["language"]).filter(|language| !language.trim().is_empty());
    article.byline = byline;
    article.updated = updated;
    article.tags = tags;
    Ok(super::finished(article, notes))
}


/// The first component with one of `roles`, looking inside containers.
fn find_role<'v>(components: &[&'v JsonValue], roles: &[&str], depth: usize) -> Option<&'v JsonValue> {
    components.iter().find_map(|component| {
        let role = string_at(component, &["role"]).unwrap_or_default();
        if roles.contains(&role.as_str()) {
            return Some(*component);
        }
        (depth < MAX_CONTAINER_DEPTH).then(|| find_role(&array_at(component, &["components"]), roles, depth + 1)).flatten()
    })
}

/// Adds what `component` shows to `body`.
#[allow(clippy::too_many_arguments)]
fn add_component<P: HtmlParser>(
    component: &JsonValue,
    field: &str,
    parser: &P,
    styles: &TextStyles<'_>,
    body: &mut Body,
    summary: &mut Option<WireInline>,
    notes: &mut Notes,
    depth: usize,
) {
    let role = string_at(component, &["role"]).unwrap_or_default();
    match role.as_str() {
        "title" | "byline" => {}
        "intro" => {
            if summary.is_none() {
                *summary = text_blocks(component, field, parser, styles, notes).into_iter().find_map(|block| match block {
                    WireBlock::Paragraph { text, .. } => Some(text),
                    _ => None,
                });
            }
        }
        "body" | "caption" | "text" => {
            for block in text_blocks(component, field, parser, styles, notes) {
                body.push(block);
            }
        }
        "heading" | "heading1" | "heading2" => {
            if let Some(heading) = string_at(component, &["text"]).and_then(|text| short(&text, field, notes)) {
                body.heading(heading);
            }
        }
        "heading3" | "heading4" | "heading5" | "heading6" => {
            if let Some(text) = string_at(component, &["text"]).and_then(|text| short(&text, field, notes)) {
                body.push(WireBlock::Subheading { id: None, text });
            }
        }
        "pullquote" => {
            if let Some(text) = string_at(component, &["text"]).and_then(|text| short(&text, field, notes)) {
                body.push(WireBlock::PullQuote { id: None, text, speaker: None });
            }
        }
        "quote" => {
            notes.guessed(field, "a quotation became a paragraph: Apple News quotes name no speaker");
            for block in text_blocks(component, field, parser, styles, notes) {
                body.push(block);
            }
        }
        "divider" => body.push(WireBlock::Divider { id: None }),
        "photo" | "figure" | "image" | "portrait" | "logo" => {
            notes.dropped(field, format!("a {role} component, whose width and height the document does not give (the reader reserves a picture's space)"));
        }
        "container" | "section" | "chapter" | "header" | "aside" | "article_link" => {
            if depth >= MAX_CONTAINER_DEPTH {
                notes.dropped(field, format!("containers nested more than {MAX_CONTAINER_DEPTH} deep"));
                return;
            }
            for (index, child) in array_at(component, &["components"]).into_iter().enumerate() {
                add_component(child, &format!("{field}.components[{index}]"), parser, styles, body, summary, notes, depth + 1);
            }
        }
        other => notes.dropped(field, format!("a component with role \"{}\", which the format has no block for", other.escape_debug())),
    }
}

/// The blocks of a text component: paragraphs (one per line of plain text), or what its
/// HTML or Markdown holds.
fn text_blocks<P: HtmlParser>(component: &JsonValue, field: &str, parser: &P, styles: &TextStyles<'_>, notes: &mut Notes) -> Vec<WireBlock> {
    let Some(text) = string_at(component, &["text"]) else { return Vec::new() };
    let text_field = format!("{field}.text");
    match string_at(component, &["format"]).as_deref() {
        Some("html") => html_blocks(&text, &text_field, parser, notes),
        Some("markdown") => html_blocks(&markdown_to_html(&text), &text_field, parser, notes),
        _ => styled_paragraphs(component, &text, styles, notes, field),
    }
}

fn html_blocks<P: HtmlParser>(html: &str, field: &str, parser: &P, notes: &mut Notes) -> Vec<WireBlock> {
    // Headings inside a text component's HTML are not sections of the article.
    let sections = sections_from_html(&parser.parse_fragment(html), &HtmlSource { field, base_url: None, first_heading: "-" }, notes);
    sections.into_iter().flat_map(|section| section.blocks).collect()
}

/// Plain text, with its `inlineTextStyles` (bold and italic) and link `additions` as runs,
/// one paragraph per line.
fn styled_paragraphs(component: &JsonValue, text: &str, styles: &TextStyles<'_>, notes: &mut Notes, field: &str) -> Vec<WireBlock> {
    // Ranges count UTF-16 code units, as Apple's documentation does.
    let characters: Vec<char> = text.chars().collect();
    let mut offsets = Vec::with_capacity(characters.len());
    let mut offset = 0_usize;
    for character in &characters {
        offsets.push(offset);
        offset += character.len_utf16();
    }
    // Each style and link marks a range; the ranges are swept once, in linear time
    // whatever their number and length: counts of open bold and italic ranges, and the
    // links open at each character, the latest given winning.
    let mut bold_changes = vec![0_i64; characters.len() + 1];
    let mut italic_changes = vec![0_i64; characters.len() + 1];
    let mut link_starts: Vec<Vec<usize>> = vec![Vec::new(); characters.len() + 1];
    let mut link_ends: Vec<Vec<usize>> = vec![Vec::new(); characters.len() + 1];
    let range = |item: &JsonValue| -> Option<std::ops::Range<usize>> {
        let number = |key: &str| match value_at(item, &[key]) {
            Some(JsonValue::Number(number)) => number.parse::<usize>().ok(),
            _ => None,
        };
        let (start, length) = (number("rangeStart")?, number("rangeLength")?);
        let first = offsets.partition_point(|offset| *offset < start);
        let last = offsets.partition_point(|offset| *offset < start.saturating_add(length));
        (first < last).then_some(first..last)
    };
    for item in array_at(component, &["inlineTextStyles"]) {
        let Some(span) = range(item) else { continue };
        let (is_bold, is_italic) = styles.marks(value_at(item, &["textStyle"]));
        if is_bold {
            bold_changes[span.start] += 1;
            bold_changes[span.end] -= 1;
        }
        if is_italic {
            italic_changes[span.start] += 1;
            italic_changes[span.end] -= 1;
        }
    }
    let mut link_urls = Vec::new();
    for item in array_at(component, &["additions"]) {
        if string_at(item, &["type"]).as_deref() != Some("link") {
            continue;
        }
        let Some(span) = range(item) else { continue };
        match string_at(item, &["URL"]).and_then(|address| {
            let parsed = crate::platform::url::parse_url(address.trim(), None).ok()?;
            matches!(parsed.scheme.as_str(), "http" | "https" | "mailto").then_some(parsed.href)
        }) {
            Some(url) => {
                link_starts[span.start].push(link_urls.len());
                link_ends[span.end].push(link_urls.len());
                link_urls.push(url);
            }
            None => notes.dropped(field, "a link whose address the format refuses; its text is kept"),
        }
    }
    let (mut open_bold, mut open_italic) = (0_i64, 0_i64);
    let mut open_links = std::collections::BTreeSet::new();
    let mut bold = Vec::with_capacity(characters.len());
    let mut italic = Vec::with_capacity(characters.len());
    let mut links: Vec<Option<String>> = Vec::with_capacity(characters.len());
    for index in 0..characters.len() {
        open_bold += bold_changes[index];
        open_italic += italic_changes[index];
        for ended in &link_ends[index] {
            open_links.remove(ended);
        }
        open_links.extend(link_starts[index].iter().copied());
        bold.push(open_bold > 0);
        italic.push(open_italic > 0);
        links.push(open_links.last().map(|latest| link_urls[*latest].clone()));
    }
    let mut blocks = Vec::new();
    let mut runs: Vec<WireRun> = Vec::new();
    let finish_paragraph = |runs: &mut Vec<WireRun>, blocks: &mut Vec<WireBlock>| {
        let taken = std::mem::take(runs);
        if taken.iter().any(|run| !run.text.trim().is_empty()) {
            blocks.push(WireBlock::Paragraph { id: None, text: WireInline(taken) });
        }
    };
    for (index, character) in characters.iter().enumerate() {
        if *character == '\n' {
            finish_paragraph(&mut runs, &mut blocks);
            continue;
        }
        let marks: Vec<String> = [(bold[index], "bold"), (italic[index], "italic")].into_iter().filter(|(on, _)| *on).map(|(_, mark)| mark.to_owned()).collect();
        match runs.last_mut() {
            Some(last) if last.marks == marks && last.href == links[index] => last.text.push(*character),
            _ => runs.push(WireRun { text: character.to_string(), marks, href: links[index].clone(), quote: None }),
        }
    }
    finish_paragraph(&mut runs, &mut blocks);
    blocks
}

/// The document's named text styles, for `inlineTextStyles` that name one.
struct TextStyles<'d> {
    document: &'d JsonValue,
}

impl TextStyles<'_> {
    /// Whether a text style (an object, or the name of one in `textStyles`) is bold and italic.
    fn marks(&self, style: Option<&JsonValue>) -> (bool, bool) {
        let style = match style {
            Some(JsonValue::String(name)) => value_at(self.document, &["textStyles", name]),
            other => other,
        };
        let Some(style) = style else { return (false, false) };
        let weight = match value_at(style, &["fontWeight"]) {
            Some(JsonValue::Number(weight)) => weight.parse::<u32>().is_ok_and(|weight| weight >= 600),
            Some(JsonValue::String(weight)) => matches!(weight.as_str(), "bold" | "bolder" | "semibold" | "extrabold" | "black" | "heavy"),
            _ => false,
        };
        let italic = matches!(string_at(style, &["fontStyle"]).as_deref(), Some("italic" | "oblique"));
        (weight, italic)
    }
}

/// Plain text as inline text, or `None` when it is empty.
fn plain_inline(text: &str) -> Option<WireInline> {
    let text = super::html::collapse_white_space(text);
    (!text.trim().is_empty()).then(|| WireInline(vec![WireRun { text, ..WireRun::default() }]))
}
