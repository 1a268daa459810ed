//! The reading view's controller: everything about showing an article that is not layout.
//! It loads and keeps the reader's display settings, schedules a long body's chunks after
//! paints, keeps the progress bar moving where CSS cannot, and handles the clicks on links
//! (an in-article link whose target is not rendered yet, a widget's links out). The view
//! itself, [`ArticleView`], renders what this decides.

use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

use crate::components::{ArticleView, BodyChunks, ReadingState};
use crate::model::Article;
use crate::platform::frames::{after_next_paint, in_next_task};
use crate::platform::performance_marks::{mark_after_next_paint, ARTICLE_COMPLETE, ARTICLE_PAINTED};
use crate::platform::surface::ReaderSurface;
use crate::platform::takeover::PublishedPage;
use crate::reader_settings::ReaderSettings;
use crate::reading::chunks::{compact_rendering_chunks, rendering_chunks, takeover_rendering_chunks, ChunkPace};
use crate::reading::layout::{ArticleExtent, ArticleViewLayout, BodyRendering};
use crate::routing::{is_plain_left_click, ArticleNavigation};

/// Shows `article` with the reading view, driven by this page's controller.
#[component]
pub fn ReadingView(
    /// The article to show, shared with the view.
    #[prop(into)]
    article: Arc<Article>,
    /// Opens and prefetches related articles, and (in a widget) sends links out.
    navigation: ArticleNavigation,
    /// What is shown; everything by default.
    #[prop(optional)]
    layout: ArticleViewLayout,
    /// A published page this view takes over, if any: the view renders out of sight, in
    /// its usual chunks, and replaces the static view once it is complete (decision 015).
    #[prop(optional_no_strip)]
    takeover: Option<PublishedPage>,
) -> impl IntoView {
    let takeover = takeover.filter(PublishedPage::is_waiting);
    let reading = start_reading(&article, layout, navigation, takeover);
    view! { <ArticleView article=article navigation=navigation layout=layout reading=reading /> }
}

/// Creates the view's state for `article` and starts what runs after the first paint.
fn start_reading(
    article: &Article,
    layout: ArticleViewLayout,
    navigation: ArticleNavigation,
    takeover: Option<PublishedPage>,
) -> ReadingState {
    let surface = ReaderSurface::current();
    let is_page = surface.is_page();
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
    let progress_bar = NodeRef::<html::Div>::new();
    if is_page {
        follow_scroll_where_css_cannot(progress_bar);
    }
    let body = schedule_body(article, layout, is_page, takeover);
    let show_all_sections = Callback::new({
        let switches = body.switches.clone();
        move |()| {
            for is_shown in &switches {
                show(*is_shown);
            }
        }
    });
    let on_click = Callback::new(move |event: web_sys::MouseEvent| {
        follow_link(&event, &surface, navigation, show_all_sections);
    });
    ReadingState {
        settings,
        body,
        progress_bar,
        on_click,
        show_all_sections,
    }
}

/// Splits the body into chunks and schedules them: the first before the first paint, the
/// others each after the previous one was painted (a compact view: the first section, the
/// rest on request), unless the reader is about to be taken further down.
fn schedule_body(
    article: &Article,
    layout: ArticleViewLayout,
    is_page: bool,
    takeover: Option<PublishedPage>,
) -> BodyChunks {
    let is_compact = layout.shown_extent() == ArticleExtent::Compact;
    let takes_over_whole_page = takeover.as_ref().is_some_and(|page| !page.holds_only_the_opening());
    let parts: Arc<[_]> = if is_compact {
        compact_rendering_chunks(&article.sections)
    } else if takes_over_whole_page {
        takeover_rendering_chunks(&article.sections)
    } else {
        rendering_chunks(&article.sections)
    }
    .into();
    let everything_at_once = layout.body_rendering == BodyRendering::AllAtOnce;
    // On the reader's page, a long article's first blocks come in a task of their own,
    // just after the one that renders the rest of the first screen (masthead, header,
    // controls): together with the section list they made one task long enough to delay a
    // tap on a slow phone. They are added below everything else, so nothing moves when
    // they come. A short article (a body within the first chunk) is rendered in one task,
    // which keeps a related-article click to one frame. A widget renders at once, for its
    // height's sake (below). A takeover of a published page has no first screen to hurry,
    // so even a short article's blocks wait for their own task there.
    // docs/performance.md has the measurements.
    let first_blocks_wait = is_page && !everything_at_once && (parts.len() > 1 || takeover.is_some());
    let switches: Vec<RwSignal<bool>> = (0..parts.len())
        .map(|index| RwSignal::new(everything_at_once || (index == 0 && !first_blocks_wait)))
        .collect();
    // Taking a published page over, the masthead and the display controls come in the task
    // after the header's, and the first blocks in the one after that.
    let masthead_shown = RwSignal::new(takeover.is_none());
    if takeover.is_some() {
        in_next_task(move || {
            show(masthead_shown);
        });
    }
    match switches.first().copied() {
        Some(first_chunk) if first_blocks_wait => in_next_task(move || {
            if show(first_chunk) {
                mark_after_next_paint(ARTICLE_PAINTED);
            }
        }),
        _ => mark_after_next_paint(ARTICLE_PAINTED),
    }
    // A widget renders what is below the first screen at once: an iframe out of the
    // host's view gets no animation frames, so what waits for a paint would wait until the
    // reader scrolls to it, and the frame's height, which the host sets from the frame's
    // reports, would jump then.
    let first_paint_done = RwSignal::new(everything_at_once || !is_page);
    after_next_paint({
        let switches = switches.clone();
        move || {
            if show(first_paint_done) && !is_compact {
                // From the first chunk: on the page it may still be waiting for its task.
                show_chunks_after_paints(switches, 0, ChunkPace::start(js_sys::Date::now()), takeover);
            }
        }
    });
    BodyChunks {
        parts,
        switches,
        first_paint_done,
        masthead_shown,
    }
}

/// Handles a click in the reading view.
///
/// A link within the article (section list, "who said what") whose target is in a chunk
/// not rendered yet renders everything first. In a widget such links would change the
/// host page's address and find nothing there: the widget scrolls to them itself.
///
/// In a widget, a plain click on a link out of the article (its own links, link cards,
/// the masthead, the kicker, an external related article) goes through the page around
/// the widget, which navigates its own window, so no link ever opens inside an iframe
/// widget's frame. Links with a handler of their own (related articles, "continue
/// reading") have dealt with the click already; a modified click opens a new tab.
fn follow_link(
    event: &web_sys::MouseEvent,
    surface: &ReaderSurface,
    navigation: ArticleNavigation,
    show_all_sections: Callback<()>,
) {
    let is_page = surface.is_page();
    let Some(anchor_id) = in_article_link_target(event) else {
        if let (Some(leave), Some(url)) = (navigation.leave, outward_link_target(event)) {
            event.prevent_default();
            leave.run(url);
        }
        return;
    };
    if surface.element_by_id(&anchor_id).is_none() {
        event.prevent_default();
        show_all_sections.run(());
        let surface = surface.clone();
        after_next_paint(move || scroll_to(&surface, &anchor_id));
    } else if !is_page {
        event.prevent_default();
        scroll_to(surface, &anchor_id);
    }
}

/// Where the browser lacks CSS scroll timelines (Firefox ESR 153, for one), keeps the
/// progress bar's `--lede-progress` (in permille: whole numbers keep float formatting out
/// of the wasm) in step with the scroll position. Elsewhere CSS does it and this does nothing.
fn follow_scroll_where_css_cannot(progress_bar: NodeRef<html::Div>) {
    crate::platform::effects::run_effect(move || {
        if crate::platform::js::css_supports("animation-timeline: scroll()") {
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
            let _ = web_sys::HtmlElement::style(&bar).set_property("--lede-progress", &permille.to_string());
        };
        update();
        let handle = window_event_listener(leptos::ev::scroll, move |_| update());
        on_cleanup(move || handle.remove());
    });
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
fn scroll_to(surface: &ReaderSurface, anchor_id: &str) {
    if surface.is_page() {
        let _ = window().location().set_hash(anchor_id);
    } else if let Some(target) = surface.element_by_id(anchor_id) {
        target.scroll_into_view();
    }
}

/// Shows the chunks from `next` on, a batch after each paint (see [`ChunkPace`]), until all
/// are shown or the view is gone (its signals disposed); then marks the paint that shows
/// the whole article, and takes a published page over with the complete view, in a task
/// of its own after the last chunk's. Called just after a paint. Chunks shown already (the
/// whole body at once) are passed over.
fn show_chunks_after_paints(switches: Vec<RwSignal<bool>>, next: usize, pace: ChunkPace, takeover: Option<PublishedPage>) {
    // The opening of a long article is published; once the app's view holds it too (the
    // first chunk, rendered out of sight), the app takes over, and the rest comes
    // in sight, chunk after chunk, below what the reader sees.
    let takeover = match takeover {
        Some(published)
            if published.holds_only_the_opening()
                && switches.first().is_some_and(|first| first.try_get_untracked() == Some(true)) =>
        {
            published.swap();
            after_next_paint(move || {
                let pace = pace.next(js_sys::Date::now());
                show_chunks_after_paints(switches, next, pace, None);
            });
            return;
        }
        takeover => takeover,
    };
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
        mark_after_next_paint(ARTICLE_COMPLETE);
        if let Some(published) = takeover {
            after_next_paint(move || published.swap());
        }
        return;
    }
    after_next_paint(move || {
        let pace = pace.next(js_sys::Date::now());
        show_chunks_after_paints(switches, next, pace, takeover);
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
