//! The top of an article: kicker, headline, summary and the byline line.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::{FormattedTime, SummaryBox};
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
    let kicker = match category.url {
        Some(url) => {
            view! { <a class="lede-article-header__kicker-link" href=crate::components::address_of(&url)>{category.name}</a> }.into_any()
        }
        None => category.name.into_any(),
    };
    let words = interface_text();
    let updated = times.updated.map(|updated| {
        view! {
            <span class="lede-article-header__updated">
                {words.updated} <FormattedTime timestamp=updated language=language.clone() />
            </span>
        }
    });
    view! {
        <header class="lede-article-header">
            <p class="lede-article-header__kicker" data-testid="kicker">{kicker}</p>
            <h1 class="lede-article-header__headline" tabindex="-1">{headline}</h1>
            <SummaryBox summary=summary />
            <p class="lede-article-header__meta" data-testid="byline">
                <span class="lede-article-header__byline">{words.by} {byline.writers}</span>
                {byline.dateline.map(|dateline| view! { <span class="lede-article-header__dateline">{dateline}</span> })}
                <span class="lede-article-header__times">
                    <FormattedTime timestamp=times.published language=language.clone() />
                    {updated}
                </span>
                // An interface string inside an article of any language: isolated and marked,
                // so that in Arabic it reads "1 min read", not "min read 1".
                <span class="lede-article-header__reading-time" lang=words.language dir="ltr">{words.reading_time(reading_minutes)}</span>
            </p>
        </header>
    }
}
