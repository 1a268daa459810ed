//! The page's `NewsArticle` JSON-LD for search engines and link previews, written by hand
//! with every string escaped in one tested function.

use crate::model::article::Article;

/// A schema.org `NewsArticle` description of the article as JSON-LD, for search engines
/// and link previews. `page_url` is the reader's address for the article; the canonical
/// address wins when the article has one.
///
/// The JSON is written by hand (the app carries no JSON serializer). Every string goes
/// through [`json_string`], which also escapes `<`, so the text can never close a
/// `<script>` element even if someone inserts it as HTML.
pub fn news_article_json_ld(article: &Article, page_url: &str) -> String {
    let url = article.canonical_url.as_ref().map_or(page_url, |url| url.as_str());
    let people: Vec<String> = article
        .byline
        .iter()
        .map(|person| format!("{{\"@type\":\"Person\",\"name\":{}}}", json_string(&person.name)))
        .collect();
    let author = if people.is_empty() {
        format!(
            "{{\"@type\":\"Organization\",\"name\":{}}}",
            json_string(&article.outlet.name)
        )
    } else {
        format!("[{}]", people.join(","))
    };
    let logo = article
        .outlet
        .logo
        .as_ref()
        .map(|logo| {
            format!(
                ",\"logo\":{{\"@type\":\"ImageObject\",\"url\":{}}}",
                json_string(logo.fallback_source().url.as_str())
            )
        })
        .unwrap_or_default();
    let image = article
        .lead_image
        .as_ref()
        .map(|image| format!(",\"image\":[{}]", json_string(image.fallback_source().url.as_str())))
        .unwrap_or_default();
    let modified = article.updated.as_ref().unwrap_or(&article.published);
    format!(
        "{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":{},\"description\":{},\"inLanguage\":{},\"mainEntityOfPage\":{},\"datePublished\":{},\"dateModified\":{},\"articleSection\":{},\"author\":{},\"publisher\":{{\"@type\":\"Organization\",\"name\":{}{}}}{}}}",
        json_string(&article.headline),
        json_string(&article.summary.plain_text()),
        json_string(&article.language),
        json_string(url),
        json_string(article.published.as_str()),
        json_string(modified.as_str()),
        json_string(&article.category.name),
        author,
        json_string(&article.outlet.name),
        logo,
        image,
    )
}

/// `text` as a JSON string literal, with `<`, `>` and `&` escaped as well.
pub fn json_string(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for character in text.chars() {
        match character {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            '\n' => literal.push_str("\\n"),
            '\r' => literal.push_str("\\r"),
            '\t' => literal.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => literal.push_str(&format!("\\u{:04x}", u32::from(character))),
            control if u32::from(control) < 0x20 => literal.push_str(&format!("\\u{:04x}", u32::from(control))),
            other => literal.push(other),
        }
    }
    literal.push('"');
    literal
}
