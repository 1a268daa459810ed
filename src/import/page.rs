//! Web pages that describe themselves with schema.org JSON-LD (`NewsArticle`, `Article`
//! and their kinds) and Open Graph: the metadata from those, the body from the page's main
//! column. The field-by-field mapping is docs/importing.md's.

use crate::model::json::{parse_json, JsonValue};
use crate::model::slug::Slug;
use crate::model::wire::{WireCategory, WireImage, WireImageSource, WirePerson};

use super::fields::{number_at, short, string_at, value_at, web_url};
use super::html::{inline_from_html, plain_text, sections_from_page_html, HtmlNode, HtmlParser, HtmlSource};
use super::{ImportError, Imported, Notes};

/// The schema.org types a page's article may have.
const ARTICLE_TYPES: [&str; 8] = [
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
    "BlogPosting", "Report",
];

/// What a page does not say about itself, from the outlet.
#[derive(Clone, Debug, Default)]
pub struct PageSite {
    /// The outlet's name, when the page names no publisher.
    pub outlet_name: Option<String>,
    /// The page's own address, which its relative links resolve against.
    pub page_url: Option<String>,
}

/// The article of the web page `html`.
pub fn import_page<P: HtmlParser>(html: &str, parser: &P, site: &PageSite) -> Result<Imported, ImportError> {
    let mut notes = Notes::default();
    let document = parser.parse_document(html);
    let mut elements = Vec::new();
    collect_elements(&document, &mut elements, 0);
    let meta = |key: &str| {
        elements.iter().find_map(|element| {
            let named = element.element_name().as_deref() == Some("meta")
                && (element.attribute("property").as_deref() == Some(key) || element.attribute("name").as_deref() == Some(key));
            if named { element.attribute("content") } else { None }
        })
    };
    let json_ld = elements
        .iter()
        .filter(|element| element.element_name().as_deref() == Some("script"))
        .filter(|element| element.attribute("type").is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json")))
        .filter_map(|script| parse_json(&plain_script_text(script)).ok())
        .find_map(|value| article_object(&value).cloned());
    if json_ld.is_none() {
        notes.guessed("script[type=application/ld+json]", "the page has no NewsArticle or Article JSON-LD: its Open Graph tags and title describe it");
    }
    let ld = json_ld.unwrap_or(JsonValue::Object(Vec::new()));
    let canonical = elements
        .iter()
        .find(|element| element.element_name().as_deref() == Some("link") && element.attribute("rel").is_some_and(|rel| rel.split_whitespace().any(|word| word.eq_ignore_ascii_case("canonical"))))
        .and_then(|link| link.attribute("href"));
    let base_url = site.page_url.clone().or_else(|| canonical.clone()).or_else(|| meta("og:url"));
    let url = string_at(&ld, &["url"])
        .or_else(|| string_at(&ld, &["mainEntityOfPage", "@id"]))
        .or_else(|| string_at(&ld, &["mainEntityOfPage"]))
        .or(canonical)
        .or_else(|| meta("og:url"))
        .and_then(|address| web_url(&address, base_url.as_deref()));
    let base_url = base_url.or_else(|| url.clone());
    let base = base_url.as_deref();

    let title_element = elements.iter().find(|element| element.element_name().as_deref() == Some("title")).map(plain_text);
    let headline = string_at(&ld, &["headline"])
        .or_else(|| meta("og:title"))
        .or(title_element)
        .and_then(|headline| short(&headline, "headline", &mut notes))
        .ok_or_else(|| ImportError::missing("headline", "the page names no headline (JSON-LD headline, og:title or <title>)"))?;

    let id = url
        .as_deref()
        .and_then(|address| address.trim_end_matches('/').rsplit('/').next().map(str::to_owned))
        .map(|last| last.trim_end_matches(".html").trim_end_matches(".htm").to_owned())
        .filter(|last| Slug::parse(last).is_ok());
    let id = match id {
        Some(id) => id,
        None => {
            let made = Slug::from_text(&headline).ok_or_else(|| ImportError::missing("url", "the page's address and headline make no id"))?;
            notes.guessed("url", format!("the article's id \"{made}\", from the headline: the page's address does not end in a slug"));
            made.to_string()
        }
    };
    let published = string_at(&ld, &["datePublished"])
        .or_else(|| meta("article:published_time"))
        .ok_or_else(|| ImportError::missing("datePublished", "the page gives no publication date (JSON-LD datePublished or article:published_time)"))?;
    let updated = string_at(&ld, &["dateModified"]).or_else(|| meta("article:modified_time")).filter(|updated| *updated != published);

    let main_column = main_column(&elements);
    let body = match &main_column {
        Some(column) => sections_from_page_html(column, &HtmlSource { field: "<article>", base_url: base, first_heading: &headline }, &mut notes),
        None => Vec::new(),
    };
    if body.is_empty() {
        return Err(ImportError::missing("<article>", "the page has no article, main or body text an article can show"));
    }
    let summary = string_at(&ld, &["description"])
        .or_else(|| meta("og:description"))
        .or_else(|| meta("description"))
        .and_then(|text| inline_from_html(&parser.parse_fragment(&escape_text(&text)), &HtmlSource { field: "description", base_url: base, first_heading: "" }, &mut notes));
    let summary = match summary {
        Some(summary) => summary,
        None => {
            notes.guessed("description", "the summary is the first paragraph: the page gives no description");
            super::first_paragraph(&body)
                .ok_or_else(|| ImportError::missing("description", "the page has no description and no paragraph to make a summary of"))?
        }
    };
    let byline = people(value_at(&ld, &["author"]), &mut notes);
    let outlet_name = string_at(&ld, &["publisher", "name"])
        .or_else(|| meta("og:site_name"))
        .or_else(|| site.outlet_name.clone())
        .and_then(|name| short(&name, "publisher.name", &mut notes))
        .ok_or_else(|| ImportError::missing("publisher.name", "the page names no publisher (JSON-LD publisher or og:site_name): give the outlet's name"))?;
    let section = match value_at(&ld, &["articleSection"]) {
        Some(JsonValue::String(section)) => Some(section.clone()),
        Some(JsonValue::Array(sections)) => sections.iter().find_map(|section| match section {
            JsonValue::String(section) => Some(section.clone()),
            _ => None,
        }),
        _ => meta("article:section"),
    };
    let category = match section.and_then(|section| short(&section, "articleSection", &mut notes)) {
        Some(name) => WireCategory { name, url: None },
        None => {
            notes.guessed("articleSection", "the category \"News\": the page names no section");
            WireCategory { name: "News".to_owned(), url: None }
        }
    };
    let tags = match value_at(&ld, &["keywords"]) {
        Some(JsonValue::String(keywords)) => keywords.split(',').filter_map(|tag| short(tag, "keywords", &mut notes)).collect(),
        Some(JsonValue::Array(keywords)) => keywords
            .iter()
            .filter_map(|keyword| match keyword {
                JsonValue::String(tag) => short(tag, "keywords", &mut notes),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let language = string_at(&ld, &["inLanguage"]).or_else(|| {
        elements.iter().find(|element| element.element_name().as_deref() == Some("html")).and_then(|root| root.attribute("lang"))
    });
    let lead_image = lead_image(&ld, &meta, base, &mut notes);

    let mut article = super::new_article(super::ArticleEssentials {
        id,
        outlet_name,
        category,
        headline,
        summary,
        published,
        body,
    });
    article.url = url;
    article.language = language.filter(|language| !language.trim().is_empty());
    article.byline = byline;
    article.updated = updated;
    article.lead_image = lead_image;
    article.tags = tags;
    Ok(super::finished(article, notes))
}


/// Every element of the page, in document order, down to the importers' depth limit.
fn collect_elements<N: HtmlNode + Clone>(node: &N, elements: &mut Vec<N>, depth: usize) {
    for child in node.children() {
        if child.element_name().is_some() {
            let descend = depth < 64;
            elements.push(child.clone());
            if descend {
                collect_elements(&child, elements, depth + 1);
            }
        }
    }
}

/// The text of a script element, as written.
fn plain_script_text<N: HtmlNode>(script: &N) -> String {
    script.children().iter().filter_map(HtmlNode::text).collect()
}

/// The first object of `value` (an object, an array, or a `@graph`) whose `@type` is an
/// article's.
fn article_object(value: &JsonValue) -> Option<&JsonValue> {
    match value {
        JsonValue::Array(items) => items.iter().find_map(article_object),
        JsonValue::Object(entries) => {
            let is_article = entries.iter().any(|(key, kind)| {
                key == "@type"
                    && match kind {
                        JsonValue::String(kind) => ARTICLE_TYPES.contains(&kind.as_str()),
                        JsonValue::Array(kinds) => kinds.iter().any(|kind| matches!(kind, JsonValue::String(kind) if ARTICLE_TYPES.contains(&kind.as_str()))),
                        _ => false,
                    }
            });
            if is_article {
                return Some(value);
            }
            entries.iter().find(|(key, _)| key == "@graph").and_then(|(_, graph)| article_object(graph))
        }
        _ => None,
    }
}

/// The page's main column: the `<article>` with the most paragraph text, else `<main>` or
/// the element whose role is `main`, else the body.
fn main_column<N: HtmlNode + Clone>(elements: &[N]) -> Option<N> {
    let paragraph_text = |column: &N| {
        let mut paragraphs = Vec::new();
        collect_elements(column, &mut paragraphs, 0);
        paragraphs
            .iter()
            .filter(|element| element.element_name().as_deref() == Some("p"))
            .map(|paragraph| plain_text(paragraph).len())
            .sum::<usize>()
    };
    let named = |name: &str| elements.iter().filter(|element| element.element_name().as_deref() == Some(name)).cloned().collect::<Vec<N>>();
    named("article")
        .into_iter()
        .max_by_key(|article| paragraph_text(article))
        .or_else(|| named("main").into_iter().next())
        .or_else(|| elements.iter().find(|element| element.attribute("role").as_deref() == Some("main")).cloned())
        .or_else(|| named("body").into_iter().next())
}

/// The people of a JSON-LD `author`: a name, a person object, or an array of either.
fn people(value: Option<&JsonValue>, notes: &mut Notes) -> Vec<WirePerson> {
    let names: Vec<String> = match value {
        Some(JsonValue::String(name)) => vec![name.clone()],
        Some(JsonValue::Object(_)) => value.and_then(|person| string_at(person, &["name"])).into_iter().collect(),
        Some(JsonValue::Array(people)) => people
            .iter()
            .filter_map(|person| match person {
                JsonValue::String(name) => Some(name.clone()),
                other => string_at(other, &["name"]),
            })
            .collect(),
        _ => Vec::new(),
    };
    names
        .into_iter()
        .filter_map(|name| short(&name, "author", notes))
        .map(|name| WirePerson { name, role: None, source: None })
        .collect()
}

/// The lead picture: JSON-LD `image` (an address, an `ImageObject` or an array), sized by
/// its own `width` and `height` or by `og:image:width` and `og:image:height`.
fn lead_image(ld: &JsonValue, meta: &dyn Fn(&str) -> Option<String>, base_url: Option<&str>, notes: &mut Notes) -> Option<WireImage> {
    let image = match value_at(ld, &["image"]) {
        Some(JsonValue::Array(images)) => images.first(),
        other => other,
    };
    let (address, width, height) = match image {
        Some(JsonValue::String(address)) => (Some(address.clone()), None, None),
        Some(object @ JsonValue::Object(_)) => (string_at(object, &["url"]), number_at(object, &["width"]), number_at(object, &["height"])),
        _ => (meta("og:image"), None, None),
    };
    let address = address?;
    let Some(url) = web_url(&address, base_url) else {
        notes.dropped("image", format!("the lead picture \"{}\", which is not an http(s) address", address.escape_debug()));
        return None;
    };
    let size = |key: &str| meta(key).and_then(|value| value.trim().parse::<u32>().ok()).filter(|value| *value > 0);
    let (Some(width), Some(height)) = (width.or_else(|| size("og:image:width")), height.or_else(|| size("og:image:height"))) else {
        notes.dropped("image", format!("the lead picture {url}, whose width and height the page does not give (the reader reserves its space)"));
        return None;
    };
    let alt = meta("og:image:alt").and_then(|alt| short(&alt, "og:image:alt", notes)).unwrap_or_default();
    Some(WireImage { sources: vec![WireImageSource { url, width }], width, height, alt, caption: None, credit: None })
}

/// `text` as HTML text, so that a description is read as words, never as markup.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
