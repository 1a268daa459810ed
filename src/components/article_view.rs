//! The whole reading view of one article.

use leptos::prelude::*;

use crate::components::{
    ArticleFigure, ArticleHeader, ArticleSection, Byline, ContextNote, CorrectionsList, ImageLoading, Masthead,
    PublicationTimes, QuoteIndex, ReaderControls, RelatedSidebar, ReportingNote, SectionNav, TagList,
};
use crate::model::view_data::{byline_text, quotes_by_speaker, reading_time_minutes, reporting_note, section_nav_items};
use crate::model::Article;
use crate::reader_settings::ReaderSettings;
use crate::routing::ArticleNavigation;

/// Masthead, then the article with its section navigation, then related articles.
///
/// The section navigation sits inside the article, after its header: on a phone it is
/// read right after the summary, and on a desktop the grid moves it to a sticky left
/// column without changing the reading order for screen readers.
#[component]
pub fn ArticleView(
    /// The article to show.
    article: Article,
    /// Opens and prefetches related articles.
    navigation: ArticleNavigation,
) -> impl IntoView {
    let nav_items = section_nav_items(&article);
    let reading_minutes = reading_time_minutes(&article);
    let quote_groups = quotes_by_speaker(&article);
    let byline = Byline { writers: byline_text(&article), dateline: article.dateline.clone() };
    let note = reporting_note(&article);
    let Article {
        language, direction, outlet, category, headline, summary, published, updated, lead_image, sections, context,
        corrections, related, tags, ..
    } = article;
    let corrections_language = language.clone();
    // The reader's settings apply to every article and are remembered between visits.
    let settings = RwSignal::new(ReaderSettings::load());
    let theme = move || settings.get().theme.data_attribute();
    let scale_and_measure =
        move || format!("--lede-text-percent: {}; --_measure: {}", settings.get().text_percent(), settings.get().line_width.measure());
    let header_language = language.clone();
    let sidebar_language = language.clone();
    let sections = sections.into_iter().map(|section| view! { <ArticleSection section=section /> }).collect_view();
    view! {
        <div class="lede-article-view" lang=language dir=direction.as_html_dir() data-theme=theme style=scale_and_measure>
            <a class="lede-article-view__skip-link" href="#lede-main">"Skip to the article"</a>
            // How far through the page the reader is; drawn by CSS alone, from the scroll position.
            <div class="lede-article-view__progress" aria-hidden="true"></div>
            <Masthead outlet=outlet />
            <div class="lede-article-view__toolbar"><ReaderControls settings=settings /></div>
            <div class="lede-article-view__layout">
                <main class="lede-article-view__main" id="lede-main" tabindex="-1">
                    <article class="lede-article-view__article">
                        <div class="lede-article-view__header">
                        <ArticleHeader
                            category=category
                            headline=headline
                            summary=summary
                            byline=byline
                            times=PublicationTimes { published, updated }
                            language=header_language
                            reading_minutes=reading_minutes
                        />
                        {lead_image.map(|image| view! {
                            // The lead picture is usually the largest thing on the first screen: load it now.
                            <ArticleFigure image=image anchor_id="lead-image" loading=ImageLoading::Eager />
                        })}
                        </div>
                        <div class="lede-article-view__nav"><SectionNav items=nav_items /></div>
                        <div class="lede-article-view__body" data-testid="article-body">
                            {sections}
                            {context.map(|text| view! { <ContextNote text=text /> })}
                            <QuoteIndex groups=quote_groups />
                            {note.map(|text| view! { <ReportingNote text=text /> })}
                            <CorrectionsList corrections=corrections language=corrections_language />
                            <TagList tags=tags />
                        </div>
                    </article>
                </main>
                <RelatedSidebar related=related language=sidebar_language navigation=navigation />
            </div>
        </div>
    }
}
