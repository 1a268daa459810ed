//! The whole reading view of one article.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::{
    ArticleFigure, ArticleHeader, ArticleSection, Byline, ContextNote, CorrectionsList, ImageLoading, Masthead,
    PublicationTimes, QuoteIndex, ReaderControls, RelatedSidebar, ReportingNote, SectionNav, TagList,
};
use crate::embed::options::{ArticleExtent, RelatedVisibility};
use crate::model::view_data::{
    byline_text, quotes_by_speaker, reading_time_minutes, reporting_note, section_nav_items,
};
use crate::model::Article;
use crate::reader_settings::{ReaderSettings, Theme};
use crate::routing::{is_plain_left_click, ArticleNavigation};
use crate::surface::ReaderSurface;

/// What of the reading view is shown. The reader's own page shows everything; a widget's
/// snippet may ask for less.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ArticleViewLayout {
    /// The whole article, or the start of it with a "Continue reading" link.
    pub extent: ArticleExtent,
    /// Whether related articles are listed.
    pub related: RelatedVisibility,
    /// The colours a widget starts with; the reader's own page uses the reader's choice.
    pub widget_theme: Theme,
}

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
    /// What is shown; everything by default.
    #[prop(optional)]
    layout: ArticleViewLayout,
) -> impl IntoView {
    let surface = ReaderSurface::current();
    let is_page = surface.is_page();
    let is_compact = layout.extent == ArticleExtent::Compact;
    let nav_items = section_nav_items(&article);
    let reading_minutes = reading_time_minutes(&article);
    let quote_groups = quotes_by_speaker(&article);
    let byline = Byline {
        writers: byline_text(&article),
        dateline: article.dateline.clone(),
    };
    let note = reporting_note(&article);
    let canonical_url = article.canonical_url.as_ref().map(ToString::to_string);
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
    // On the reader's own page the settings apply to every article and are remembered
    // between visits; a widget starts from its snippet's theme and remembers nothing.
    let settings = RwSignal::new(if is_page {
        ReaderSettings::load()
    } else {
        ReaderSettings {
            theme: layout.widget_theme,
            ..ReaderSettings::default()
        }
    });
    let theme = move || settings.get().theme.data_attribute();
    let progress_bar = NodeRef::<html::Div>::new();
    // The page's scroll position is the host's business in a widget.
    let page_furniture = is_page.then(|| {
        follow_scroll_where_css_cannot(progress_bar);
        view! {
            <a class="lede-article-view__skip-link" href="#lede-main">"Skip to the article"</a>
            // How far through the page the reader is; drawn by CSS alone, from the scroll position.
            <div class="lede-article-view__progress" aria-hidden="true" node_ref=progress_bar></div>
        }
    });
    // Set through the CSSOM (`style.setProperty`), which a host's Content Security Policy
    // allows, where a `style` attribute would need `'unsafe-inline'`.
    let text_percent = move || settings.get().text_percent().to_string();
    let measure = move || settings.get().line_width.measure();
    let header_language = language.clone();
    let sidebar_language = language.clone();
    let shown_first = if is_compact { 1 } else { sections.len() };
    let mut sections = sections.into_iter();
    let first_sections = sections
        .by_ref()
        .take(shown_first)
        .map(|section| view! { <ArticleSection section=section /> })
        .collect_view();
    let later_sections: Vec<_> = sections.collect();
    // Compact: the first section, then the way to the rest, on the outlet's page if it has
    // one, or else right here.
    let show_rest = RwSignal::new(!is_compact);
    let continue_words = crate::components::interface_text().continue_reading;
    let continue_reading = is_compact.then(|| match canonical_url {
        Some(url) => {
            let leave = navigation.leave;
            let target = url.clone();
            let follow = move |event: web_sys::MouseEvent| {
                if let (Some(leave), true) = (leave, is_plain_left_click(&event)) {
                    event.prevent_default();
                    leave.run(target.clone());
                }
            };
            view! {
                <p class="lede-article-view__continue">
                    <a class="lede-article-view__continue-link" href=url on:click=follow data-testid="continue-reading">{continue_words}</a>
                </p>
            }
            .into_any()
        }
        None => view! {
            <p class="lede-article-view__continue">
                <button class="lede-article-view__continue-link" type="button" on:click=move |_| show_rest.set(true)
                    data-testid="continue-reading" hidden=move || show_rest.get()>{continue_words}</button>
            </p>
        }
        .into_any(),
    });
    // Only a compact view has later sections, shown once the reader asks for them.
    let later_sections = move || {
        show_rest.get().then(|| {
            later_sections
                .clone()
                .into_iter()
                .map(|section| view! { <ArticleSection section=section /> })
                .collect_view()
        })
    };
    let full = !is_compact;
    let section_nav = full.then(|| view! { <div class="lede-article-view__nav"><SectionNav items=nav_items /></div> });
    let extras = full.then(|| {
        view! {
            {context.map(|text| view! { <ContextNote text=text /> })}
            <QuoteIndex groups=quote_groups />
            {note.map(|text| view! { <ReportingNote text=text /> })}
            <CorrectionsList corrections=corrections language=corrections_language />
            <TagList tags=tags />
        }
    });
    let related_list = (layout.related == RelatedVisibility::Shown)
        .then(|| view! { <RelatedSidebar related=related language=sidebar_language navigation=navigation /> });
    // In a widget, links within the article (section list, "who said what") would change
    // the host page's address and find nothing there: the widget scrolls to them itself.
    let follow_in_page_link = move |event: web_sys::MouseEvent| {
        if !is_page {
            scroll_to_anchor_in_widget(&surface, &event);
        }
    };
    view! {
        <div class="lede-article-view" class:lede-article-view--widget=!is_page lang=language dir=direction.as_html_dir()
            data-theme=theme style:--lede-text-percent=text_percent style:--_measure=measure on:click=follow_in_page_link>
            {page_furniture}
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
                        {section_nav}
                        <div class="lede-article-view__body" data-testid="article-body">
                            {first_sections}
                            {later_sections}
                            {continue_reading}
                            {extras}
                        </div>
                    </article>
                </main>
                {related_list}
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
            if let Some(bar) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&bar) {
                let _ = bar.style().set_property("--lede-progress", &permille.to_string());
            }
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

/// Scrolls a widget to the target of an in-article link (`href="#id"`) inside its own
/// shadow root, instead of letting the browser change the host page's address.
fn scroll_to_anchor_in_widget(surface: &ReaderSurface, event: &web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href^='#']").ok().flatten());
    let Some(link) = link else { return };
    let anchor_id = link.get_attribute("href").unwrap_or_default();
    let Some(target) = surface.element_by_id(anchor_id.trim_start_matches('#')) else {
        return;
    };
    event.prevent_default();
    target.scroll_into_view();
}
