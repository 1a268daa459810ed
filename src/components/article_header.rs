//! The top of an article: kicker, headline, summary and the byline line.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::formatted_time::write_formatted_time;
use crate::components::markup::Markup;
use crate::components::summary_box::write_summary_box;
use crate::components::TimeStyle;
use crate::model::timestamp::Timestamp;
use crate::model::{Category, InlineText};

/// When an article was published and, if so, last updated.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicationTimes {
    /// First publication.
    pub published: Timestamp,
    /// Last update, if any.
    pub updated: Option<Timestamp>,
}

/// Who wrote the article and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Byline {
    /// The writers' names as one line, or the outlet's name.
    pub writers: String,
    /// Where the reporting was done, such as "KYIV, Ukraine".
    pub dateline: Option<String>,
}

/// The category kicker, the `h1` headline, the summary box and the byline line.
#[component]
pub fn ArticleHeader(
    /// The category, shown as the kicker.
    category: Category,
    /// The headline.
    #[prop(into)]
    headline: String,
    /// The summary.
    summary: InlineText,
    /// Who wrote it, and where.
    byline: Byline,
    /// When it was published and updated.
    times: PublicationTimes,
    /// The article's language, for formatting times.
    #[prop(into)]
    language: String,
    /// Minutes to read the body.
    reading_minutes: usize,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_article_header(
        &mut markup,
        category,
        headline,
        summary,
        byline,
        times,
        &language,
        reading_minutes,
    );
    markup
}

/// Writes the markup of [`ArticleHeader`], for the view that puts the lead picture under
/// it.
#[allow(clippy::too_many_arguments)]
pub fn write_article_header(
    markup: &mut Markup,
    category: Category,
    headline: String,
    summary: InlineText,
    byline: Byline,
    times: PublicationTimes,
    language: &str,
    reading_minutes: usize,
) {
    let words = interface_text();
    markup
        .open_with_class("header", "lede-article-header")
        .open_with_class("p", "lede-article-header__kicker")
        .attribute("data-testid", "kicker");
    match category.url {
        Some(url) => {
            markup
                .open_with_class("a", "lede-article-header__kicker-link")
                .owned_attribute("href", crate::components::address_of(&url))
                .owned_text(category.name)
                .close();
        }
        None => {
            markup.owned_text(category.name);
        }
    }
    markup
        .close()
        .open_with_class("h1", "lede-article-header__headline")
        .attribute("tabindex", "-1")
        .owned_text(headline)
        .close();
    write_summary_box(markup, summary);
    markup
        .open_with_class("p", "lede-article-header__meta")
        .attribute("data-testid", "byline")
        .open_with_class("span", "lede-article-header__byline")
        .text(words.by)
        .owned_text(byline.writers)
        .close();
    if let Some(dateline) = byline.dateline {
        markup
            .open_with_class("span", "lede-article-header__dateline")
            .owned_text(dateline)
            .close();
    }
    markup.open_with_class("span", "lede-article-header__times");
    write_formatted_time(markup, &times.published, language, TimeStyle::Absolute);
    if let Some(updated) = times.updated {
        markup
            .open_with_class("span", "lede-article-header__updated")
            .text(words.updated);
        write_formatted_time(markup, &updated, language, TimeStyle::Absolute);
        markup.close();
    }
    // An interface string inside an article of any language: isolated and marked, so that
    // in Arabic it reads "1 min read", not "min read 1".
    markup
        .close()
        .open_with_class("span", "lede-article-header__reading-time")
        .attribute("lang", words.language)
        .attribute("dir", "ltr")
        .owned_text(words.reading_time(reading_minutes))
        .close()
        .close()
        .close();
}
