//! The whole reading view of one article.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::{
    ArticleFigure, ArticleHeader, ArticleSection, Byline, ContextNote, CorrectionsList, ImageLoading, LaterBlocks,
    Masthead, PermalinkAnnouncements, PublicationTimes, QuoteIndex, ReaderControls, RelatedSidebar, ReportingNote,
    SectionNav, TagList,
};
use crate::reading::layout::{ArticleExtent, RelatedVisibility};
use crate::reading::bylines::{byline_text, reading_time_minutes, reporting_note};
use crate::reading::chunks::{compact_rendering_chunks, rendering_chunks, ChunkPace, SectionPart};
use crate::reading::navigation::section_nav_items;
use crate::reading::quotes::quotes_by_speaker;
use crate::model::Article;
use crate::reader_settings::{ReaderSettings, Theme};
use crate::routing::{is_plain_left_click, ArticleNavigation};
use crate::platform::js;
use crate::platform::surface::ReaderSurface;
use std::sync::Arc;

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
    /// Whether a long body is rendered in chunks after the first screen, or at once.
    pub body_rendering: BodyRendering,
}

/// How the body of a long article is rendered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BodyRendering {
    /// The first screen before the first paint, the rest in chunks after it.
    #[default]
    InChunks,
    /// Everything before the first paint: the reader is about to be taken to a place
    /// further down (an address with a fragment, or Back to a saved scroll position),
    /// which must exist when the page scrolls there.
    AllAtOnce,
}

/// Masthead, then the article with its section navigation, then related articles.
///
/// The section navigation sits inside the article, after its header: on a phone it is
/// read right after the summary, and on a desktop the grid moves it to a sticky left
/// column without changing the reading order for screen readers.
#[component]
pub fn ArticleView(
    /// The article to show. Shared: a long article is megabytes, and the view copies only
    /// the blocks it is rendering, when it renders them.
    #[prop(into)]
    article: Arc<Article>,
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
    // Everything but the body is small, and the views below own their copies of it.
    let language = article.language.clone();
    let direction = article.direction;
    let outlet = article.outlet.clone();
    let category = article.category.clone();
    let headline = article.headline.clone();
    let summary = article.summary.clone();
    let published = article.published.clone();
    let updated = article.updated.clone();
    let lead_image = article.lead_image.clone();
    let context = article.context.clone();
    let corrections = article.corrections.clone();
    let related = article.related.clone();
    let tags = article.tags.clone();
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
    // In a widget the page's scroll position is the host's business, and there are no
    // permalinks to announce: they name places on the reader's own page.
    let page_furniture = is_page.then(|| {
        follow_scroll_where_css_cannot(progress_bar);
        let permalink_announcements = PermalinkAnnouncements::new();
        provide_context(permalink_announcements);
        view! {
            <a class="lede-article-view__skip-link" href="#lede-main">{crate::components::interface_text().skip_to_article}</a>
            // How far through the page the reader is; drawn by CSS alone, from the scroll position.
            <div class="lede-article-view__progress" aria-hidden="true" node_ref=progress_bar></div>
            // What the last permalink pressed did, for screen readers.
            <p class="lede-visually-hidden" role="status" data-testid="permalink-status">
                {move || permalink_announcements.text(crate::components::interface_text())}
            </p>
        }
    });
    // Set through the CSSOM (`style.setProperty`), which a host's Content Security Policy
    // allows, where a `style` attribute would need `'unsafe-inline'`.
    let text_percent = move || settings.get().text_percent().to_string();
    let measure = move || settings.get().line_width.measure();
    let header_language = language.clone();
    let sidebar_language = language.clone();
    // The body renders in chunks: the first before the first paint, the others each after
    // the previous one was painted (a compact view: the first section, the rest on
    // request), unless the reader is about to be taken further down.
    let chunks = if is_compact {
        compact_rendering_chunks(&article.sections)
    } else {
        rendering_chunks(&article.sections)
    };
    let everything_at_once = layout.body_rendering == BodyRendering::AllAtOnce;
    // On the reader's page, a long article's first blocks come in a task of their own,
    // just after the one that renders the rest of the first screen (masthead, header,
    // controls): together with the section list they made one task of 60 to 90 ms on a
    // slow phone, long enough to delay a tap. They are added below everything else, so
    // nothing moves when they come. A short article (a body within the first chunk) is
    // rendered in one task: split, it cost a related-article click a second frame (about
    // 60 ms instead of 40 to the painted article), and its one task stayed under 50 ms at
    // 4× CPU throttling in three loads of four (50 to 58 ms in the fourth). A widget
    // renders at once, for its height's sake (below).
    let first_blocks_wait = is_page && !everything_at_once && chunks.len() > 1;
    let chunk_switches: Vec<RwSignal<bool>> = (0..chunks.len())
        .map(|index| RwSignal::new(everything_at_once || (index == 0 && !first_blocks_wait)))
        .collect();
    match chunk_switches.first().copied() {
        Some(first_chunk) if first_blocks_wait => crate::platform::frames::in_next_task(move || {
            if show(first_chunk) {
                crate::platform::performance_marks::mark_after_next_paint(crate::platform::performance_marks::ARTICLE_PAINTED);
            }
        }),
        _ => crate::platform::performance_marks::mark_after_next_paint(crate::platform::performance_marks::ARTICLE_PAINTED),
    }
    // The sections each chunk starts: their elements exist once it is shown.
    let sections_started: Vec<usize> = chunks
        .iter()
        .map(|parts| parts.iter().filter(|part| part.blocks.start == 0).count())
        .collect();
    let rendered_sections = Signal::derive({
        let switches = chunk_switches.clone();
        move || {
            switches
                .iter()
                .zip(&sections_started)
                .filter(|(is_shown, _)| is_shown.get())
                .map(|(_, n_sections)| n_sections)
                .sum::<usize>()
        }
    });
    let show_all_sections = {
        let switches = chunk_switches.clone();
        move || {
            for is_shown in &switches {
                show(*is_shown);
            }
        }
    };
    let section_views = section_views_in_chunks(&article, &chunks, &chunk_switches);
    // On the reader's page, what follows the sections (notes, quote index, corrections,
    // tags) comes with the last chunk, and the related articles after the first paint: both
    // are below or beside the first screen, and leaving them out of the first render keeps
    // it short.
    let last_chunk_shown: Signal<bool> = chunk_switches
        .last()
        .map_or_else(|| Signal::stored(true), |switch| (*switch).into());
    // A widget renders them at once: an iframe out of the host's view gets no animation
    // frames, so what waits for a paint would wait until the reader scrolls to it, and the
    // frame's height, which the host sets from the frame's reports, would jump then.
    let first_paint_done = RwSignal::new(everything_at_once || !is_page);
    crate::platform::frames::after_next_paint({
        let chunk_switches = chunk_switches.clone();
        move || {
            if show(first_paint_done) && !is_compact {
                // From the first chunk: on the page it may still be waiting for its task.
                show_chunks_after_paints(chunk_switches, 0, ChunkPace::start(js_sys::Date::now()));
            }
        }
    });
    // Compact: the first section, then the way to the rest, on the outlet's page if it has
    // one, or else right here.
    let show_rest = RwSignal::new(!is_compact);
    Effect::new({
        let show_all_sections = show_all_sections.clone();
        move || {
            if show_rest.get() && is_compact {
                show_all_sections();
            }
        }
    });
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
    let full = !is_compact;
    // The section list comes with the first blocks: on a phone it is below the header, on
    // a desktop in a column of its own, so nothing moves when it comes, and its links
    // (fifty for a long article) are not built in the task that puts the header on screen.
    let first_chunk_shown: Signal<bool> = chunk_switches
        .first()
        .map_or_else(|| Signal::stored(true), |switch| (*switch).into());
    let section_nav = full.then_some(move || {
        first_chunk_shown.get().then(|| {
            view! { <div class="lede-article-view__nav"><SectionNav items=nav_items.clone() rendered_sections=rendered_sections /></div> }
        })
    });
    let extras = full.then_some({
        move || {
            (first_paint_done.get() && last_chunk_shown.get()).then(|| {
                view! {
                    {context.clone().map(|text| view! { <ContextNote text=text /> })}
                    <QuoteIndex groups=quote_groups.clone() />
                    {note.clone().map(|text| view! { <ReportingNote text=text /> })}
                    <CorrectionsList corrections=corrections.clone() language=corrections_language.clone() />
                    <TagList tags=tags.clone() />
                }
            })
        }
    });
    let related_list = (layout.related == RelatedVisibility::Shown).then_some({
        move || {
            first_paint_done.get().then(|| {
                view! {
                    <RelatedSidebar related=related.clone() language=sidebar_language.clone() navigation=navigation />
                }
            })
        }
    });
    // A link within the article (section list, "who said what") whose target is in a chunk
    // not rendered yet renders everything first. In a widget such links would change the
    // host page's address and find nothing there: the widget scrolls to them itself.
    //
    // In a widget, a plain click on a link out of the article (its own links, link cards,
    // the masthead, the kicker, an external related article) goes through the page around
    // the widget, which navigates its own window, so no link ever opens inside an iframe
    // widget's frame. Links with a handler of their own (related articles, "continue
    // reading") have dealt with the click already; a modified click opens a new tab.
    let leave = navigation.leave;
    let follow_in_page_link = move |event: web_sys::MouseEvent| {
        let Some(anchor_id) = in_article_link_target(&event) else {
            if let (Some(leave), Some(url)) = (leave, outward_link_target(&event)) {
                event.prevent_default();
                leave.run(url);
            }
            return;
        };
        if surface.element_by_id(&anchor_id).is_none() {
            event.prevent_default();
            show_all_sections();
            let surface = surface.clone();
            crate::platform::frames::after_next_paint(move || scroll_to(&surface, &anchor_id, is_page));
        } else if !is_page {
            event.prevent_default();
            scroll_to(&surface, &anchor_id, is_page);
        }
    };
    let article_body = view! {
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
                            {section_views}
                            {continue_reading}
                            {extras}
                        </div>
                    </article>
    };
    // The page's main landmark; a widget sits inside the host's own page, which has its
    // main landmark already, and two confuse screen-reader navigation.
    let main_area = if is_page {
        view! { <main class="lede-article-view__main" id="lede-main" tabindex="-1">{article_body}</main> }.into_any()
    } else {
        view! { <div class="lede-article-view__main" id="lede-main">{article_body}</div> }.into_any()
    };
    view! {
        <div class="lede-article-view" class:lede-article-view--widget=!is_page lang=language dir=direction.as_html_dir()
            data-theme=theme style:--lede-text-percent=text_percent style:--_measure=measure on:click=follow_in_page_link>
            {page_furniture}
            <Masthead outlet=outlet />
            <div class="lede-article-view__toolbar"><ReaderControls settings=settings /></div>
            <div class="lede-article-view__layout">
                {main_area}
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
    js::call_method(&js::global("CSS"), "supports", &[&JsValue::from_str(condition)]).is_some_and(|answer| answer.is_truthy())
}

/// The `href` of the link matching `selector` that the click was on, if any.
fn clicked_link_href(event: &web_sys::MouseEvent, selector: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let link = event.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()??;
    link.get_attribute("href")
}

/// The anchor id an in-article link (`href="#id"`) points at, if the click was on one.
fn in_article_link_target(event: &web_sys::MouseEvent) -> Option<String> {
    let href = clicked_link_href(event, "a[href^='#']")?;
    Some(href.trim_start_matches('#').to_owned()).filter(|id| !id.is_empty())
}

/// The address of the link out of the article that a plain, unhandled click was on, if any.
fn outward_link_target(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented() || !is_plain_left_click(event) {
        return None;
    }
    clicked_link_href(event, "a[href]:not([href^='#'])").filter(|href| !href.is_empty())
}

/// Brings `anchor_id` into view: on the reader's page through the address's fragment (so
/// that Back returns), in a widget by scrolling inside the widget.
fn scroll_to(surface: &ReaderSurface, anchor_id: &str, is_page: bool) {
    if is_page {
        let _ = window().location().set_hash(anchor_id);
    } else if let Some(target) = surface.element_by_id(anchor_id) {
        target.scroll_into_view();
    }
}

/// Each section's view: its element and first blocks once the chunk that starts it is
/// shown, and its later blocks as the chunks that hold them are shown. A section's blocks
/// are copied out of the shared article only when it starts: the first render of a long
/// article copies its first section, not the whole body.
fn section_views_in_chunks(
    article: &Arc<Article>,
    chunks: &[Vec<SectionPart>],
    chunk_switches: &[RwSignal<bool>],
) -> impl IntoView {
    let mut parts_of_section: Vec<Vec<(RwSignal<bool>, std::ops::Range<usize>)>> =
        vec![Vec::new(); article.sections.len()];
    for (parts, is_shown) in chunks.iter().zip(chunk_switches) {
        for part in parts {
            if let Some(section_parts) = parts_of_section.get_mut(part.section) {
                section_parts.push((*is_shown, part.blocks.clone()));
            }
        }
    }
    parts_of_section
        .into_iter()
        .enumerate()
        .filter_map(|(section_index, parts)| {
            let first_shown = parts.first()?.0;
            let article = Arc::clone(article);
            Some(move || {
                let section = article.sections.get(section_index)?;
                let blocks_in = |range: &std::ops::Range<usize>| {
                    section.blocks.get(range.clone()).map(<[_]>::to_vec).unwrap_or_default()
                };
                first_shown.get().then(|| {
                    let first_part = crate::model::Section {
                        id: section.id.clone(),
                        heading: section.heading.clone(),
                        blocks: parts.first().map(|(_, range)| blocks_in(range)).unwrap_or_default(),
                    };
                    let later_blocks: Vec<LaterBlocks> = parts
                        .iter()
                        .skip(1)
                        .map(|(is_shown, range)| LaterBlocks {
                            is_shown: (*is_shown).into(),
                            blocks: blocks_in(range),
                        })
                        .collect();
                    view! { <ArticleSection section=first_part later_blocks=later_blocks /> }
                })
            })
        })
        .collect_view()
}

/// Shows the chunks from `next` on, a batch after each paint (see [`ChunkPace`]), until all
/// are shown or the view is gone (its signals disposed); then marks the paint that shows
/// the whole article. Called just after a paint. Chunks shown already (the whole body at
/// once) are passed over.
fn show_chunks_after_paints(switches: Vec<RwSignal<bool>>, next: usize, pace: ChunkPace) {
    let mut next = next;
    let mut shown_now = 0;
    while next < switches.len() && shown_now < pace.chunks_per_paint() {
        match switches[next].try_get_untracked() {
            Some(true) => {}
            Some(false) => {
                if !show(switches[next]) {
                    return;
                }
                shown_now += 1;
            }
            None => return,
        }
        next += 1;
    }
    while switches
        .get(next)
        .is_some_and(|is_shown| is_shown.try_get_untracked() == Some(true))
    {
        next += 1;
    }
    if next >= switches.len() {
        crate::platform::performance_marks::mark_after_next_paint(crate::platform::performance_marks::ARTICLE_COMPLETE);
        return;
    }
    crate::platform::frames::after_next_paint(move || {
        let pace = pace.next(js_sys::Date::now());
        show_chunks_after_paints(switches, next, pace);
    });
}

/// Turns `switch` on if it is off, and says whether its view still exists. Setting a
/// switch that is already on would render what it shows a second time.
fn show(switch: RwSignal<bool>) -> bool {
    match switch.try_get_untracked() {
        Some(false) => switch.try_set(true).is_none(),
        Some(true) => true,
        None => false,
    }
}
