//! The site's `sitemap.xml` (with Google's news extension for recent articles) and Atom
//! feed (`feed.xml`), written beside the published pages with absolute addresses on the
//! site. Every string is escaped for XML, and characters XML cannot hold are left out.

use super::article_page_url;
use crate::model::Article;

/// How long an article counts as news for the sitemap's news extension: Google News
/// reads only articles published in the last two days.
pub const NEWS_WINDOW_SECONDS: i64 = 2 * 24 * 60 * 60;

/// `sitemap.xml` for `articles` on `site`, `now` being the publishing time in seconds since
/// the epoch: every page with its last change, and the news extension on those published
/// within [`NEWS_WINDOW_SECONDS`]. The front page is left out: it shows the default
/// article, whose own page is the canonical one.
pub fn sitemap_xml(site: &str, articles: &[&Article], now: i64) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    for article in articles {
        let last_change = article.updated.as_ref().unwrap_or(&article.published);
        xml.push_str(&format!(
            "<url><loc>{}</loc><lastmod>{}</lastmod>",
            xml_text(&article_page_url(site, article)),
            xml_text(last_change.as_str())
        ));
        let is_news = epoch_seconds(article.published.as_str()).is_some_and(|published| now - published <= NEWS_WINDOW_SECONDS);
        if is_news {
            xml.push_str(&format!(
                "<news:news><news:publication><news:name>{}</news:name><news:language>{}</news:language></news:publication><news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news>",
                xml_text(&article.outlet.name),
                xml_text(&news_language(&article.language)),
                xml_text(article.published.as_str()),
                xml_text(&article.headline),
            ));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// An Atom feed (`feed.xml`) of `articles` on `site`, newest first, named `title`.
pub fn atom_feed(site: &str, title: &str, articles: &[&Article]) -> String {
    let mut newest_first: Vec<&Article> = articles.to_vec();
    newest_first.sort_by_key(|article| std::cmp::Reverse(epoch_seconds(article.published.as_str()).unwrap_or(0)));
    let updated = articles
        .iter()
        .map(|article| article.updated.as_ref().unwrap_or(&article.published))
        .max_by_key(|timestamp| epoch_seconds(timestamp.as_str()).unwrap_or(0))
        .map_or("1970-01-01T00:00:00Z", |timestamp| timestamp.as_str());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str(&format!(
        "<id>{site_url}</id><title>{title}</title><updated>{updated}</updated><link rel=\"self\" href=\"{feed}\"/><link rel=\"alternate\" href=\"{site_url}\"/>\n",
        site_url = xml_text(&format!("{site}/")),
        title = xml_text(title),
        updated = xml_text(updated),
        feed = xml_text(&format!("{site}/feed.xml")),
    ));
    for article in newest_first {
        let url = article_page_url(site, article);
        let authors: Vec<&str> = if article.byline.is_empty() {
            vec![article.outlet.name.as_str()]
        } else {
            article.byline.iter().map(|person| person.name.as_str()).collect()
        };
        let authors: String = authors
            .into_iter()
            .map(|name| format!("<author><name>{}</name></author>", xml_text(name)))
            .collect();
        xml.push_str(&format!(
            "<entry><id>{url}</id><title>{title}</title><link rel=\"alternate\" href=\"{url}\"/><published>{published}</published><updated>{updated}</updated>{authors}<summary>{summary}</summary></entry>\n",
            url = xml_text(&url),
            title = xml_text(&article.headline),
            published = xml_text(article.published.as_str()),
            updated = xml_text(article.updated.as_ref().unwrap_or(&article.published).as_str()),
            summary = xml_text(&article.summary.plain_text()),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// `text` escaped for XML text and double-quoted attributes, without the characters XML
/// 1.0 cannot hold (most C0 controls, lone surrogates cannot occur in a Rust string, and
/// U+FFFE and U+FFFF).
pub fn xml_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(character),
            control if (control as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            other => escaped.push(other),
        }
    }
    escaped
}

/// The news extension's language: the ISO 639 code of a BCP 47 tag, except the two
/// Chinese scripts it names by region.
fn news_language(language: &str) -> String {
    let lower = language.to_ascii_lowercase();
    if lower.starts_with("zh") {
        return if lower.contains("hant") || lower.ends_with("-tw") || lower.ends_with("-hk") { "zh-tw" } else { "zh-cn" }.to_owned();
    }
    lower.split(['-', '_']).next().unwrap_or_default().to_owned()
}

/// The RFC 3339 timestamp `text` in seconds since the epoch.
fn epoch_seconds(text: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(text).ok().map(|moment| moment.timestamp())
}
