//! WordPress posts, as its REST API gives them (`/wp-json/wp/v2/posts/{id}?_embed`): the
//! field-by-field mapping is docs/importing.md's.

use crate::model::json::JsonValue;
use crate::model::slug::Slug;
use crate::model::wire::{WireCategory, WireImage, WireImageSource, WirePerson};

use super::fields::{array_at, number_at, short, string_at, value_at};
use super::html::{inline_from_html, plain_text, sections_from_html, HtmlParser, HtmlSource};
use super::{ImportError, Imported, Notes};

/// What a WordPress post does not say about itself, from the outlet.
#[derive(Clone, Debug, Default)]
pub struct WordPressSite {
    /// The site's name, for the masthead; guessed from the post's address when absent.
    pub outlet_name: Option<String>,
    /// The language of the site's posts, as a BCP 47 tag.
    pub language: Option<String>,
}

/// The posts of `json`: one post object, or an array of them (a page of the posts list,
/// or an export of several posts), each imported on its own.
pub fn import_wordpress_posts<P: HtmlParser>(
    json: &str,
    parser: &P,
    site: &WordPressSite,
) -> Result<Vec<Result<Imported, ImportError>>, ImportError> {
    super::import_each(json, "a post object", |post| import_post(post, parser, site))
}

/// The one post a reader shows from `json`: the post object, or the first of an array
/// (`/wp-json/wp/v2/posts?slug=…` answers with an array of one).
pub fn import_first_wordpress_post<P: HtmlParser>(json: &str, parser: &P, site: &WordPressSite) -> Result<Imported, ImportError> {
    import_wordpress_posts(json, parser, site)?
        .into_iter()
        .next()
        .unwrap_or_else(|| Err(ImportError::missing("", "the document is an empty list of posts")))
}

fn import_post<P: HtmlParser>(post: &JsonValue, parser: &P, site: &WordPressSite) -> Result<Imported, ImportError> {
    let mut notes = Notes::default();
    let link = string_at(post, &["link"]);
    let base_url = link.as_deref();

    let headline_html = string_at(post, &["title", "rendered"]).unwrap_or_default();
    let headline = short(&plain_text(&parser.parse_fragment(&headline_html)), "title.rendered", &mut notes)
        .ok_or_else(|| ImportError::missing("title.rendered", "the post has no title"))?;

    let id = string_at(post, &["slug"])
        .filter(|slug| Slug::parse(slug).is_ok())
        .or_else(|| {
            let made = Slug::from_text(&headline)?.to_string();
            notes.guessed("slug", format!("the article's id \"{made}\", from the title: the post's slug is missing or not a slug"));
            Some(made)
        })
        .ok_or_else(|| ImportError::missing("slug", "the post has no slug, and its title makes none"))?;

    let published = match string_at(post, &["date_gmt"]) {
        Some(date) => utc(&date),
        None => {
            let local = string_at(post, &["date"]).ok_or_else(|| ImportError::missing("date_gmt", "the post has no date"))?;
            notes.guessed("date", "the publication time is the site's local time read as UTC: the post has no date_gmt");
            utc(&local)
        }
    };
    let updated = string_at(post, &["modified_gmt"]).map(|date| utc(&date)).filter(|updated| *updated != published);

    let excerpt_html = string_at(post, &["excerpt", "rendered"]).unwrap_or_default();
    let content_html = string_at(post, &["content", "rendered"]).unwrap_or_default();
    let content = parser.parse_fragment(&content_html);
    let mut summary = inline_from_html(
        &parser.parse_fragment(&excerpt_html),
        &HtmlSource { field: "excerpt.rendered", base_url, first_heading: "" },
        &mut notes,
    );
    let body = sections_from_html(
        &content,
        &HtmlSource { field: "content.rendered", base_url, first_heading: &headline },
        &mut notes,
    );
    if body.is_empty() {
        return Err(ImportError::missing("content.rendered", "the post's content holds nothing an article can show"));
    }
    if body.first().is_some_and(|section| section.heading == headline) {
        notes.guessed("content.rendered", "the text before the first second-level heading is a section headed by the title");
    }
    if summary.is_none() {
        summary = super::first_paragraph(&body);
        if summary.is_some() {
            notes.guessed("excerpt.rendered", "the summary is the first paragraph: the post has no excerpt");
        }
    }
    let summary = summary.ok_or_else(|| ImportError::missing("excerpt.rendered", "the post has no excerpt and no paragraph to make a summary of"))?;

    let byline: Vec<WirePerson> = array_at(post, &["_embedded", "author"])
        .iter()
        .filter_map(|author| string_at(author, &["name"]))
        .filter_map(|name| short(&name, "_embedded.author", &mut notes))
        .map(|name| WirePerson { name, role: None, source: None })
        .collect();

    let terms: Vec<(String, String)> = array_at(post, &["_embedded", "wp:term"])
        .iter()
        .flat_map(|group| match group {
            JsonValue::Array(terms) => terms.iter().collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .filter_map(|term| {
            let name = plain_text(&parser.parse_fragment(&string_at(term, &["name"])?));
            Some((string_at(term, &["taxonomy"])?, name))
        })
        .filter_map(|(taxonomy, name)| Some((taxonomy, short(&name, "_embedded.wp:term", &mut notes)?)))
        .collect();
    let category = match terms.iter().find(|(taxonomy, _)| taxonomy == "category") {
        Some((_, name)) => WireCategory { name: name.clone(), url: None },
        None => {
            notes.guessed("_embedded.wp:term", "the category \"News\": the post names none (fetch it with ?_embed)");
            WireCategory { name: "News".to_owned(), url: None }
        }
    };
    let tags: Vec<String> = terms.iter().filter(|(taxonomy, _)| taxonomy == "post_tag").map(|(_, name)| name.clone()).collect();

    let outlet_name = match site.outlet_name.as_deref().and_then(|name| short(name, "--outlet", &mut notes)) {
        Some(name) => name,
        None => {
            let host = link
                .as_deref()
                .and_then(|link| crate::platform::url::parse_url(link, None).ok())
                .and_then(|parsed| parsed.origin.split_once("://").map(|(_, host)| host.to_owned()))
                .ok_or_else(|| ImportError::missing("link", "the post has no address to name its outlet by: give the outlet's name"))?;
            notes.guessed("link", format!("the outlet's name \"{host}\", from the post's address: give the outlet's name"));
            host
        }
    };

    let lead_image = lead_image(post, parser, base_url, &mut notes);

    let mut article = super::new_article(super::ArticleEssentials {
        id,
        outlet_name,
        category,
        headline,
        summary,
        published,
        body,
    });
    article.url = link.clone();
    article.language = site.language.clone();
    article.byline = byline;
    article.updated = updated;
    article.lead_image = lead_image;
    article.tags = tags;
    Ok(super::finished(article, notes))
}

/// The featured picture, with every size WordPress made of it as a source.
fn lead_image<P: HtmlParser>(post: &JsonValue, parser: &P, base_url: Option<&str>, notes: &mut Notes) -> Option<WireImage> {
    let media = array_at(post, &["_embedded", "wp:featuredmedia"]).first().copied()?;
    const FIELD: &str = "_embedded.wp:featuredmedia[0]";
    let web_url = |address: &str| super::fields::web_url(address, base_url);
    let Some(source_url) = string_at(media, &["source_url"]).and_then(|address| web_url(&address)) else {
        notes.dropped(FIELD, "the featured picture, which has no http(s) source_url");
        return None;
    };
    let (Some(width), Some(height)) = (number_at(media, &["media_details", "width"]), number_at(media, &["media_details", "height"])) else {
        notes.dropped(FIELD, "the featured picture, whose media_details give no width and height");
        return None;
    };
    // Only the sizes of the same picture: WordPress also crops (a square thumbnail), and
    // a browser picking from `srcset` must get the proportions the page reserved.
    let same_proportions = |size_width: u32, size_height: u32| {
        let ratio = f64::from(width) / f64::from(height);
        (f64::from(size_width) / f64::from(size_height) - ratio).abs() <= ratio * 0.01
    };
    let mut sources: Vec<WireImageSource> = match value_at(media, &["media_details", "sizes"]) {
        Some(JsonValue::Object(sizes)) => sizes
            .iter()
            .filter_map(|(_, size)| {
                let size_width = number_at(size, &["width"])?;
                let size_height = number_at(size, &["height"])?;
                if !same_proportions(size_width, size_height) {
                    return None;
                }
                Some(WireImageSource {
                    url: web_url(&string_at(size, &["source_url"])?)?,
                    width: size_width,
                })
            })
            .collect(),
        _ => Vec::new(),
    };
    if !sources.iter().any(|source| source.url == source_url) {
        sources.push(WireImageSource { url: source_url, width });
    }
    sources.sort_by_key(|source| source.width);
    sources.dedup_by_key(|source| source.width);
    sources.truncate(16);
    let alt = collapse(&string_at(media, &["alt_text"]).unwrap_or_default());
    if alt.is_empty() {
        notes.guessed(FIELD, "the featured picture's description for people who cannot see it is empty (alt_text)");
    }
    let caption = string_at(media, &["caption", "rendered"]).and_then(|caption| {
        inline_from_html(
            &parser.parse_fragment(&caption),
            &HtmlSource { field: "_embedded.wp:featuredmedia[0].caption.rendered", base_url, first_heading: "" },
            notes,
        )
    });
    Some(WireImage { sources, width, height, alt, caption, credit: None })
}


/// A WordPress GMT time (`2025-12-06T19:30:00`, no offset) as RFC 3339 in UTC.
fn utc(date: &str) -> String {
    let date = date.trim();
    let has_offset = date.ends_with('Z') || date.get(19..).is_some_and(|rest| rest.contains(['+', '-']));
    if has_offset { date.to_owned() } else { format!("{date}Z") }
}

fn collapse(text: &str) -> String {
    super::html::collapse_white_space(text)
}
