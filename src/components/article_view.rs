//! The whole reading view of one article.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::{
    ArticleFigure, ArticleHeader, ArticleSection, Byline, ContextNote, CorrectionsList, ImageLoading, Masthead,
    PublicationTimes, QuoteIndex, ReaderControls, RelatedSidebar, ReportingNote, SectionNav, TagList,
};
use crate::model::view_data::{
    byline_text, quotes_by_speaker, reading_time_minutes, reporting_note, section_nav_items,
};
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
    let byline = Byline {
        writers: byline_text(&article),
        dateline: article.dateline.clone(),
    };
    let note = reporting_note(&article);
    let Article {
        language,
        direction,
        outlet,
        category,
        headline,
        summary,
        published,
        updated,
        lead_image,
        sections,
        context,
        corrections,
        related,
        tags,
        ..
    } = article;
    let corrections_language = language.clone();
    // The reader's settings apply to every article and are remembered between visits.
    let settings = RwSignal::new(ReaderSettings::load());
    let theme = move || settings.get().theme.data_attribute();
    let progress_bar = NodeRef::<html::Div>::new();
    follow_scroll_where_css_cannot(progress_bar);
    let scale_and_measure = move || {
        format!(
            "--lede-text-percent: {}; --_measure: {}",
            settings.get().text_percent(),
            settings.get().line_width.measure()
        )
    };
    let header_language = language.clone();
    let sidebar_language = language.clone();
    let sections = sections
        .into_iter()
        .map(|section| view! { <ArticleSection section=section /> })
        .collect_view();
    view! {
        <div class="lede-article-view" lang=language dir=direction.as_html_dir() data-theme=theme style=scale_and_measure>
            <a class="lede-article-view__skip-link" href="#lede-main">"Skip to the article"</a>
            // How far through the page the reader is; drawn by CSS alone, from the scroll position.
            <div class="lede-article-view__progress" aria-hidden="true" node_ref=progress_bar></div>
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

/// Where the browser lacks CSS scroll timelines (Firefox ESR 153, for one), keeps the
/// progress bar's `--lede-progress` (in permille: whole numbers keep float formatting out
/// of the wasm) in step with the scroll position. Elsewhere CSS does it and this does nothing.
fn follow_scroll_where_css_cannot(progress_bar: NodeRef<html::Div>) {
    Effect::new(move || {
        if css_supports("animation-timeline: scroll()") {
            return;
        }
        let update = move || {
            let Some(bar) = progress_bar.get_untracked() else {
                return;
            };
            let window = window();
            let scrolled = window.scroll_y().unwrap_or(0.0);
            let viewport_height = window
                .inner_height()
                .ok()
                .and_then(|height| height.as_f64())
                .unwrap_or(0.0);
            let page_height = document()
                .document_element()
                .map_or(0.0, |root| f64::from(root.scroll_height()));
            let scrollable = (page_height - viewport_height).max(1.0);
            let permille = ((scrolled / scrollable).clamp(0.0, 1.0) * 1000.0) as u32;
            let _ = bar.set_attribute("style", &format!("--lede-progress: {permille}"));
        };
        update();
        let handle = window_event_listener(leptos::ev::scroll, move |_| update());
        on_cleanup(move || handle.remove());
    });
}

/// `CSS.supports(condition)`, false where the browser cannot say.
fn css_supports(condition: &str) -> bool {
    let css = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("CSS")).unwrap_or(JsValue::UNDEFINED);
    let supports = js_sys::Reflect::get(&css, &JsValue::from_str("supports"))
        .ok()
        .and_then(|function| {
            use wasm_bindgen::JsCast;
            function.dyn_into::<js_sys::Function>().ok()
        });
    supports
        .and_then(|supports| supports.call1(&css, &JsValue::from_str(condition)).ok())
        .is_some_and(|answer| answer.is_truthy())
}
