//! Arc XP stories in ANS (the Arc Native Specification, `type: "story"`): the
//! field-by-field mapping is docs/importing.md's.

use crate::model::json::JsonValue;
use crate::model::slug::Slug;
use crate::model::wire::{
    WireBlock, WireCategory, WireCorrection, WireImage, WireImageSource, WireInline, WirePerson,
};

use super::fields::{array_at, number_at, short, string_at, value_at, web_url};
use super::html::{inline_from_html, plain_text, HtmlParser, HtmlSource};
use super::sections::Body;
use super::{ImportError, Imported, Notes};

/// What an ANS story does not say about itself, from the outlet.
#[derive(Clone, Debug, Default)]
pub struct ArcSite {
    /// The outlet's name, for the masthead.
    pub outlet_name: Option<String>,
    /// The site's address, such as `https://news.example`: ANS writes canonical addresses
    /// from their path.
    pub site_url: Option<String>,
}

/// The story of `json` (one ANS story object, or an array of them).
pub fn import_ans_stories<P: HtmlParser>(
    json: &str,
    parser: &P,
    site: &ArcSite,
) -> Result<Vec<Result<Imported, ImportError>>, ImportError> {
    super::import_each(json, "an ANS story object", |story| import_story(story, parser, site))
}

fn import_story<P: HtmlParser>(story: &JsonValue, parser: &P, site: &ArcSite) -> Result<Imported, ImportError> {
    let mut notes = Notes::default();
    if let Some(kind) = string_at(story, &["type"]).filter(|kind| kind != "story") {
        return Err(ImportError::missing("type", &format!("the document is an ANS \"{}\", not a story", kind.escape_debug())));
    }
    let url = string_at(story, &["canonical_url"]).and_then(|address| {
        let resolved = crate::platform::url::parse_url(&address, site.site_url.as_deref()).ok();
        match resolved.filter(|parsed| matches!(parsed.scheme.as_str(), "http" | "https")) {
            Some(parsed) => Some(parsed.href),
            None => {
                notes.dropped("canonical_url", format!("the canonical address \"{}\", which is not an http(s) address (a path needs the site's address)", address.escape_debug()));
                None
            }
        }
    });
    let base_url = url.as_deref();
    let headline = string_at(story, &["headlines", "basic"])
        .and_then(|headline| short(&plain_text(&parser.parse_fragment(&headline)), "headlines.basic", &mut notes))
        .ok_or_else(|| ImportError::missing("headlines.basic", "the story has no headline"))?;

    let path_slug = string_at(story, &["canonical_url"]).and_then(|address| {
        let last = address.trim_end_matches('/').rsplit('/').next()?.to_owned();
        Slug::parse(&last).ok().map(|slug| slug.to_string())
    });
    let id = match path_slug {
        Some(slug) => slug,
        None => {
            let made = Slug::from_text(&headline).ok_or_else(|| ImportError::missing("canonical_url", "the story's address and headline make no id"))?;
            notes.guessed("canonical_url", format!("the article's id \"{made}\", from the headline: the canonical address does not end in a slug"));
            made.to_string()
        }
    };

    let published = ["first_publish_date", "display_date", "publish_date"]
        .iter()
        .find_map(|field| string_at(story, &[field]).map(|date| (*field, date)))
        .map(|(field, date)| {
            if field != "first_publish_date" {
                notes.guessed(field, format!("the publication time is {field}: the story has no first_publish_date"));
            }
            date
        })
        .ok_or_else(|| ImportError::missing("first_publish_date", "the story has no publication date"))?;
    let updated = string_at(story, &["last_updated_date"]).filter(|updated| *updated != published);

    let mut body = Body::new(&headline);
    let mut corrections = Vec::new();
    for (index, element) in array_at(story, &["content_elements"]).into_iter().enumerate() {
        let field = format!("content_elements[{index}]");
        element_blocks(element, &field, parser, base_url, &mut body, &mut corrections, updated.as_deref().unwrap_or(&published), &mut notes);
    }
    let body = body.finish(&mut notes);
    if body.first().is_some_and(|section| section.heading == headline) {
        notes.guessed("content_elements", "the text before the first second-level header is a section headed by the headline");
    }
    if body.is_empty() {
        return Err(ImportError::missing("content_elements", "the story holds nothing an article can show"));
    }

    let summary_html = ["description", "subheadlines"]
        .iter()
        .find_map(|field| string_at(story, &[field, "basic"]).filter(|text| !text.trim().is_empty()).map(|text| (*field, text)));
    let summary = match summary_html {
        Some((field, html)) => inline_from_html(
            &parser.parse_fragment(&html),
            &HtmlSource { field: if field == "description" { "description.basic" } else { "subheadlines.basic" }, base_url, first_heading: "" },
            &mut notes,
        ),
        None => None,
    };
    let summary = match summary {
        Some(summary) => summary,
        None => {
            let first = super::first_paragraph(&body);
            notes.guessed("description.basic", "the summary is the first paragraph: the story has no description or subheadline");
            first.ok_or_else(|| ImportError::missing("description.basic", "the story has no description and no paragraph to make a summary of"))?
        }
    };

    let byline: Vec<WirePerson> = array_at(story, &["credits", "by"])
        .into_iter()
        .filter_map(|person| string_at(person, &["name"]))
        .filter_map(|name| short(&name, "credits.by", &mut notes))
        .map(|name| WirePerson { name, role: None, source: None })
        .collect();
    let category = ["primary_section"]
        .iter()
        .find_map(|field| string_at(story, &["taxonomy", field, "name"]))
        .or_else(|| array_at(story, &["taxonomy", "sections"]).first().and_then(|section| string_at(section, &["name"])))
        .and_then(|name| short(&name, "taxonomy.primary_section.name", &mut notes));
    let category = match category {
        Some(name) => WireCategory { name, url: None },
        None => {
            notes.guessed("taxonomy.primary_section", "the category \"News\": the story names no section");
            WireCategory { name: "News".to_owned(), url: None }
        }
    };
    let tags = array_at(story, &["taxonomy", "tags"])
        .into_iter()
        .filter_map(|tag| string_at(tag, &["text"]))
        .filter_map(|tag| short(&tag, "taxonomy.tags", &mut notes))
        .collect();
    let outlet_name = site
        .outlet_name
        .as_deref()
        .and_then(|name| short(name, "--outlet", &mut notes))
        .or_else(|| string_at(story, &["canonical_website"]).and_then(|website| {
            let name = short(&website, "canonical_website", &mut notes)?;
            notes.guessed("canonical_website", format!("the outlet's name \"{name}\", from the story's website: give the outlet's name"));
            Some(name)
        }))
        .ok_or_else(|| ImportError::missing("canonical_website", "the story names no website: give the outlet's name"))?;
    let lead_image = value_at(story, &["promo_items", "basic"])
        .filter(|promo| string_at(promo, &["type"]).as_deref() == Some("image"))
        .and_then(|promo| image(promo, "promo_items.basic", parser, base_url, &mut notes));
    let language = string_at(story, &["language"]).filter(|language| !language.trim().is_empty());

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
    article.language = language;
    article.byline = byline;
    article.updated = updated;
    article.lead_image = lead_image;
    article.corrections = corrections;
    article.tags = tags;
    Ok(super::finished(article, notes))
}

/// The blocks of one content element, added to `body`.
#[allow(clippy::too_many_arguments)]
fn element_blocks<P: HtmlParser>(
    element: &JsonValue,
    field: &str,
    parser: &P,
    base_url: Option<&str>,
    body: &mut Body,
    corrections: &mut Vec<WireCorrection>,
    correction_time: &str,
    notes: &mut Notes,
) {
    let kind = string_at(element, &["type"]).unwrap_or_default();
    let inline = |html: &str, field: &str, notes: &mut Notes| {
        inline_from_html(&parser.parse_fragment(html), &HtmlSource { field, base_url, first_heading: "" }, notes)
    };
    let content_field = format!("{field}.content");
    match kind.as_str() {
        "text" => {
            if let Some(text) = string_at(element, &["content"]).and_then(|html| inline(&html, &content_field, notes)) {
                body.push(WireBlock::Paragraph { id: None, text });
            }
        }
        "header" => {
            let Some(text) = string_at(element, &["content"]).and_then(|html| short(&plain_text(&parser.parse_fragment(&html)), &content_field, notes)) else {
                return;
            };
            match number_at(element, &["level"]).unwrap_or(2) {
                1 | 2 => body.heading(text),
                _ => body.push(WireBlock::Subheading { id: None, text }),
            }
        }
        "image" => {
            if let Some(image) = image(element, field, parser, base_url, notes) {
                body.push(WireBlock::Figure { id: None, image });
            }
        }
        "list" => {
            let mut items = Vec::new();
            list_items(element, field, &inline, &mut items, notes, 0);
            if !items.is_empty() {
                let style = if string_at(element, &["list_type"]).as_deref() == Some("ordered") { "ordered" } else { "unordered" };
                body.push(WireBlock::List { id: None, style: style.to_owned(), items });
            }
        }
        "quote" => {
            let speaker = string_at(element, &["citation", "content"])
                .and_then(|citation| short(&plain_text(&parser.parse_fragment(&citation)), &format!("{field}.citation"), notes))
                .map(|name| WirePerson { name, role: None, source: None });
            let paragraphs: Vec<WireInline> = array_at(element, &["content_elements"])
                .into_iter()
                .enumerate()
                .filter_map(|(index, part)| inline(&string_at(part, &["content"])?, &format!("{field}.content_elements[{index}].content"), notes))
                .collect();
            if paragraphs.is_empty() {
                return;
            }
            let mut runs = Vec::new();
            for (index, paragraph) in paragraphs.into_iter().enumerate() {
                if index > 0 {
                    runs.push(crate::model::wire::WireRun { text: " ".to_owned(), ..Default::default() });
                }
                runs.extend(paragraph.0);
            }
            let text = WireInline(runs);
            if string_at(element, &["subtype"]).as_deref() == Some("pullquote") {
                let plain: String = text.0.iter().map(|run| run.text.as_str()).collect();
                if let Some(words) = short(&plain, field, notes) {
                    body.push(WireBlock::PullQuote { id: None, text: words, speaker });
                }
                return;
            }
            match speaker {
                Some(speaker) => body.push(WireBlock::Quote { id: None, text, speaker }),
                None => {
                    notes.guessed(field, "a quotation that names no speaker (citation) became a paragraph");
                    body.push(WireBlock::Paragraph { id: None, text });
                }
            }
        }
        "correction" => {
            if let Some(text) = string_at(element, &["text"]).and_then(|html| inline(&html, &format!("{field}.text"), notes)) {
                notes.guessed(field, "the correction's time is the story's last update: ANS corrections carry none");
                corrections.push(WireCorrection { time: correction_time.to_owned(), text });
            }
        }
        "interstitial_link" => {
            let url = string_at(element, &["url"]).and_then(|address| web_url(&address, base_url));
            let title = string_at(element, &["content"]).and_then(|html| short(&plain_text(&parser.parse_fragment(&html)), &content_field, notes));
            match (url, title) {
                (Some(url), Some(title)) => body.push(WireBlock::LinkCard { id: None, url, title, description: None }),
                _ => notes.dropped(field, "a link without an http(s) address or words"),
            }
        }
        "oembed_response" => {
            let url = [&["referent", "id"][..], &["raw_oembed", "url"][..], &["raw_oembed", "_id"][..]]
                .iter()
                .find_map(|path| string_at(element, path).and_then(|address| web_url(&address, base_url)));
            let Some(url) = url else {
                notes.dropped(field, "an embed without an http(s) address to link to");
                return;
            };
            let title = string_at(element, &["raw_oembed", "title"])
                .or_else(|| string_at(element, &["raw_oembed", "provider_name"]).map(|provider| format!("On {provider}")))
                .and_then(|title| short(&title, field, notes))
                .unwrap_or_else(|| url.clone());
            notes.guessed(field, format!("an embed of {url} became a link card: no third-party script runs in an article"));
            body.push(WireBlock::LinkCard { id: None, url, title, description: None });
        }
        "divider" => body.push(WireBlock::Divider { id: None }),
        "raw_html" => notes.dropped(field, "raw HTML, which could hold anything: the format takes no HTML"),
        other => notes.dropped(field, format!("an element of type \"{}\", which the format has no block for", other.escape_debug())),
    }
}

/// The items of an ANS list, nested lists flattened into it.
fn list_items(
    list: &JsonValue,
    field: &str,
    inline: &dyn Fn(&str, &str, &mut Notes) -> Option<WireInline>,
    items: &mut Vec<WireInline>,
    notes: &mut Notes,
    depth: usize,
) {
    for (index, item) in array_at(list, &["items"]).into_iter().enumerate() {
        let item_field = format!("{field}.items[{index}]");
        match string_at(item, &["type"]).as_deref() {
            Some("list") if depth < 8 => {
                notes.guessed(&item_field, "a nested list became items of the list around it");
                list_items(item, &item_field, inline, items, notes, depth + 1);
            }
            _ => {
                if let Some(text) = string_at(item, &["content"]).and_then(|html| inline(&html, &format!("{item_field}.content"), notes)) {
                    items.push(text);
                }
            }
        }
    }
}

/// An ANS image (a content element or a promo item) as a picture.
fn image<P: HtmlParser>(element: &JsonValue, field: &str, parser: &P, base_url: Option<&str>, notes: &mut Notes) -> Option<WireImage> {
    let Some(url) = string_at(element, &["url"]).and_then(|address| web_url(&address, base_url)) else {
        notes.dropped(field, "a picture without an http(s) url");
        return None;
    };
    let (Some(width), Some(height)) = (number_at(element, &["width"]), number_at(element, &["height"])) else {
        notes.dropped(field, format!("the picture {url}, whose width and height the story does not give (the reader reserves its space)"));
        return None;
    };
    let alt = string_at(element, &["alt_text"]).and_then(|alt| short(&alt, &format!("{field}.alt_text"), notes)).unwrap_or_default();
    if alt.is_empty() {
        notes.guessed(field, "the picture's description for people who cannot see it is empty (alt_text)");
    }
    let caption = string_at(element, &["caption"]).and_then(|html| {
        inline_from_html(&parser.parse_fragment(&html), &HtmlSource { field: &format!("{field}.caption"), base_url, first_heading: "" }, notes)
    });
    let credit_names: Vec<String> = array_at(element, &["credits", "by"]).into_iter().filter_map(|person| string_at(person, &["name"])).collect();
    let credit = short(&credit_names.join(", "), &format!("{field}.credits.by"), notes);
    Some(WireImage { sources: vec![WireImageSource { url, width }], width, height, alt, caption, credit })
}
