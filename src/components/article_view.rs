//! The whole reading view of one article, laid out: masthead, header, section list, body,
//! notes and related articles. The page that shows it (`ReadingView`, among the pages)
//! decides what is shown when and handles the reader's clicks; this view only renders
//! what its [`ReadingState`] says.

use leptos::html;
use leptos::prelude::*;

use crate::components::article_figure::write_article_figure;
use crate::components::article_header::write_article_header;
use crate::components::article_section::write_article_section;
use crate::components::context_note::write_context_note;
use crate::components::corrections_list::write_corrections_list;
use crate::components::markup::Markup;
use crate::components::permalink::share_pressed_permalink;
use crate::components::quote_index::write_quote_index;
use crate::components::reader_controls::write_reader_controls;
use crate::components::section_nav::write_section_nav;
use crate::components::masthead::write_masthead;
use crate::components::related_sidebar::write_related_sidebar;
use crate::components::reporting_note::write_reporting_note;
use crate::components::tag_list::write_tag_list;
use crate::components::{Byline, ImageLoading, LaterBlocks, PermalinkAnnouncements, PublicationTimes};
use crate::model::Article;
use crate::platform::surface::ReaderSurface;
use crate::reader_settings::ReaderSettings;
use crate::reading::bylines::{byline_text, reading_time_minutes, reporting_note};
use crate::reading::chunks::SectionPart;
use crate::reading::layout::{ArticleExtent, ArticleViewLayout, RelatedVisibility};
use crate::reading::navigation::section_nav_items;
use crate::reading::quotes::quotes_by_speaker;
use crate::routing::{is_plain_left_click, ArticleNavigation};
use std::sync::Arc;

/// A long body's rendering chunks (see [`crate::reading::chunks`]) and which of them are
/// shown. The page turns them on, one after another; the view renders what is on.
#[derive(Clone)]
pub struct BodyChunks {
    /// Each chunk's parts of sections, in reading order.
    pub parts: Arc<[Vec<SectionPart>]>,
    /// For each chunk, whether it is shown.
    pub switches: Vec<RwSignal<bool>>,
    /// Whether the first screen has been painted: what is below or beside it (notes,
    /// related articles) comes after.
    pub first_paint_done: RwSignal<bool>,
    /// Whether the masthead and the display controls are shown: from the start, except
    /// while the app renders a published page out of sight, where they come in a task of
    /// their own rather than in the one that builds the header.
    pub masthead_shown: RwSignal<bool>,
}

/// What the page that shows the reading view decides, and changes while the article is read.
#[derive(Clone)]
pub struct ReadingState {
    /// The reader's display settings, which the view's controls change.
    pub settings: RwSignal<ReaderSettings>,
    /// Which parts of the body are shown.
    pub body: BodyChunks,
    /// The progress bar, for the page to move where CSS cannot.
    pub progress_bar: NodeRef<html::Div>,
    /// Every click in the view, for the page's handling of links.
    pub on_click: Callback<web_sys::MouseEvent>,
    /// Shows every section at once (a compact widget's "Continue reading" without an
    /// outlet's page to go to).
    pub show_all_sections: Callback<()>,
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
    /// What is shown.
    layout: ArticleViewLayout,
    /// What the page decided, and the page's handlers.
    reading: ReadingState,
) -> impl IntoView {
    let is_page = ReaderSurface::current().is_page();
    let is_compact = layout.shown_extent() == ArticleExtent::Compact;
    let ReadingState {
        settings,
        body,
        progress_bar,
        on_click,
        show_all_sections,
    } = reading;
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
    let theme = move || settings.get().theme.data_attribute();
    // In a widget the page's scroll position is the host's business, and there are no
    // permalinks to announce: they name places on the reader's own page.
    let permalink_announcements = is_page.then(PermalinkAnnouncements::new);
    let line_width = move || settings.get().line_width.as_str();
    let header_language = language.clone();
    let sidebar_language = language.clone();
    // The sections each chunk starts: their elements exist once it is shown.
    let sections_started: Vec<usize> = body
        .parts
        .iter()
        .map(|parts| parts.iter().filter(|part| part.blocks.start == 0).count())
        .collect();
    let rendered_sections = Signal::derive({
        let switches = body.switches.clone();
        move || {
            switches
                .iter()
                .zip(&sections_started)
                .filter(|(is_shown, _)| is_shown.get())
                .map(|(_, n_sections)| n_sections)
                .sum::<usize>()
        }
    });
    let section_views = section_views_in_chunks(&article, &body.parts, &body.switches);
    let first_paint_done = body.first_paint_done;
    let masthead_shown = body.masthead_shown;
    // On the reader's page, what follows the sections (notes, quote index, corrections,
    // tags) comes with the last chunk, and the related articles after the first paint: both
    // are below or beside the first screen, and leaving them out of the first render keeps
    // it short.
    let last_chunk_shown: Signal<bool> = body
        .switches
        .last()
        .map_or_else(|| Signal::stored(true), |switch| (*switch).into());
    // Compact: the first section, then the way to the rest, on the outlet's page if it has
    // one, or else right here.
    let continue_words = crate::components::interface_text().continue_reading;
    // A long article's published page: the rest is on the page of the whole article.
    let whole_article = (layout.shown_extent() == ArticleExtent::Opening).then(|| {
        let mut markup = Markup::new();
        markup
            .open_with_class("p", "lede-article-view__continue")
            .open_with_class("a", "lede-article-view__continue-link")
            .owned_attribute("href", crate::routing::whole_article_path(&article.id))
            .attribute("data-testid", "continue-reading")
            .text(continue_words)
            .close()
            .close();
        markup
    });
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
        None => {
            let rest_shown = RwSignal::new(false);
            let show_rest = move |_| {
                rest_shown.set(true);
                show_all_sections.run(());
            };
            view! {
                <p class="lede-article-view__continue">
                    <button class="lede-article-view__continue-link" type="button" on:click=show_rest
                        data-testid="continue-reading" hidden=move || rest_shown.get()>{continue_words}</button>
                </p>
            }
            .into_any()
        }
    });
    let full = !is_compact;
    // The section list comes with the first blocks: on a phone it is below the header, on
    // a desktop in a column of its own, so nothing moves when it comes, and its links
    // (fifty for a long article) are not built in the task that puts the header on screen.
    let first_chunk_shown: Signal<bool> = body
        .switches
        .first()
        .map_or_else(|| Signal::stored(true), |switch| (*switch).into());
    let section_nav = full.then_some(move || {
        first_chunk_shown.get().then(|| {
            let mut markup = Markup::new();
            markup.open_with_class("div", "lede-article-view__nav");
            write_section_nav(&mut markup, nav_items.clone(), rendered_sections);
            markup.close();
            markup
        })
    });
    let extras = full.then_some({
        move || {
            (first_paint_done.get() && last_chunk_shown.get()).then(|| {
                let mut markup = Markup::new();
                if let Some(text) = context.clone() {
                    write_context_note(&mut markup, text);
                }
                write_quote_index(&mut markup, quote_groups.clone());
                if let Some(text) = note.clone() {
                    write_reporting_note(&mut markup, text);
                }
                write_corrections_list(&mut markup, corrections.clone(), &corrections_language);
                write_tag_list(&mut markup, tags.clone());
                markup
            })
        }
    });
    let related_list = (layout.related == RelatedVisibility::Shown).then_some({
        move || {
            first_paint_done.get().then(|| {
                let mut markup = Markup::new();
                write_related_sidebar(&mut markup, related.clone(), &sidebar_language, navigation);
                markup
            })
        }
    });
    // The view's root: its language, direction, theme and line width, and every click in
    // it. The text size is set through the CSSOM (`style.setProperty`), which a host's
    // Content Security Policy allows, where a `style` attribute would need
    // `'unsafe-inline'`; a published page, plain HTML, leaves the size to the stylesheet's
    // default, and the app sets the reader's own.
    let mut view_markup = Markup::new();
    view_markup
        .open_with_class(
            "div",
            if is_page { "lede-article-view" } else { "lede-article-view lede-article-view--widget" },
        )
        .owned_attribute("lang", language.clone())
        .attribute("dir", direction.as_html_dir())
        .live_attribute("data-theme", move || theme().map(str::to_owned))
        .live_style_property("--lede-text-percent", move || Some(settings.get().text_percent().to_string()))
        .live_attribute("data-line-width", move || Some(line_width().to_owned()))
        .on("click", move |event| {
            use wasm_bindgen::JsCast;
            let event: web_sys::MouseEvent = event.unchecked_into();
            // The permalinks' presses, here once for all of them; every other click is the page's.
            if !share_pressed_permalink(&event, permalink_announcements) {
                on_click.run(event);
            }
        });
    if let Some(permalink_announcements) = permalink_announcements {
        view_markup
            .open_with_class("a", "lede-article-view__skip-link")
            .attribute("href", "#lede-main")
            .text(crate::components::interface_text().skip_to_article)
            .close()
            // How far through the page the reader is; drawn by CSS alone, from the scroll position.
            .open_with_class("div", "lede-article-view__progress")
            .attribute("aria-hidden", "true")
            .reference(move |element| {
                use leptos::tachys::html::node_ref::NodeRefContainer;
                progress_bar.load(&element);
            })
            .close()
            // What the last permalink pressed did, for screen readers.
            .open_with_class("p", "lede-visually-hidden")
            .attribute("role", "status")
            .attribute("data-testid", "permalink-status")
            .view((move || permalink_announcements.text(crate::components::interface_text())).into_any())
            .close();
    }
    view_markup.view(
        (move || {
            masthead_shown.get().then(|| {
                let mut markup = Markup::new();
                write_masthead(&mut markup, outlet.clone());
                markup.open_with_class("div", "lede-article-view__toolbar");
                write_reader_controls(&mut markup, settings);
                markup.close();
                markup
            })
        })
        .into_any(),
    );
    // The layout around the article and its sidebar never changes: markup, with the parts
    // that do change (the section list, the body's chunks, the notes) as views inside it.
    // The page's main landmark; a widget sits inside the host's own page, which has its
    // main landmark already, and two confuse screen-reader navigation.
    let layout = &mut view_markup;
    layout.open_with_class("div", "lede-article-view__layout");
    if is_page {
        layout
            .open_with_class("main", "lede-article-view__main")
            .attribute("id", "lede-main")
            .attribute("tabindex", "-1");
    } else {
        layout
            .open_with_class("div", "lede-article-view__main")
            .attribute("id", "lede-main");
    }
    layout
        .open_with_class("article", "lede-article-view__article")
        .open_with_class("div", "lede-article-view__header");
    write_article_header(
        layout,
        category,
        headline,
        summary,
        byline,
        PublicationTimes { published, updated },
        &header_language,
        reading_minutes,
    );
    if let Some(image) = lead_image {
        // The lead picture is usually the largest thing on the first screen: load it now.
        write_article_figure(layout, image, "lead-image".to_owned(), ImageLoading::Eager);
    }
    layout
        .close()
        .view(section_nav.into_any())
        .open_with_class("div", "lede-article-view__body")
        .attribute("data-testid", "article-body")
        .view(section_views.into_any())
        .view(continue_reading.into_any())
        .view(whole_article.into_any())
        .view(extras.into_any())
        .close()
        .close()
        .close()
        .view(related_list.into_any())
        .close()
        .close();
    view_markup
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
                    let mut markup = Markup::new();
                    write_article_section(&mut markup, first_part, later_blocks);
                    markup
                })
            })
        })
        .collect_view()
}
