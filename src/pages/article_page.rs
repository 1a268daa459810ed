//! The page for one article: fetch it, then show it, a loading state, or why not.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::api::FetchError;
use crate::components::error_state::write_error_state;
use crate::components::loading_state::write_loading_state;
use crate::components::markup::Markup;
use crate::components::validation_report_panel::write_validation_report;
use crate::components::{interface_text, OfflineNotice};
use crate::model::ParsedArticle;
use crate::pages::article_load::ArticleLoad;
use crate::pages::ReadingView;
use crate::platform::takeover::PublishedPage;
use crate::reading::layout::{ArticleViewLayout, BodyRendering};
use crate::reading::validation_report::{ValidationReport, ValidationReportRequested};
use crate::routing::{Arrival, ArticleLocation, ArticleNavigation};

/// What a reader is told about a failed load.
struct Explanation {
    /// The heading: what happened.
    title: &'static str,
    /// What the reader can do about it.
    advice: &'static str,
}

/// Plain words for each way a load can fail, in the interface's language; the exact
/// message, which names the address, goes to the details for the outlet's developers.
fn explain(error: &FetchError) -> Explanation {
    let kind = error.failure_kind();
    let (title, advice) = interface_text().failure(kind);
    Explanation { title, advice }
}

/// How many of an invalid article's problems the details list; the rest are counted.
const PROBLEMS_LISTED_ON_THE_PAGE: usize = 50;

/// Why `article` could not be loaded, in plain words with the exact messages folded away,
/// and a Retry button where trying again can help (waiting can change the answer).
pub(crate) fn failed_load_view(
    error: &FetchError,
    article: ArticleLoad,
) -> AnyView {
    let explanation = explain(error);
    let retry = error
        .is_transient_or_slow()
        .then(|| Callback::new(move |()| article.refetch()));
    let mut details = vec![error.to_string()];
    if let FetchError::Article(article_error) = error {
        details.extend(article_error.listed_problems(PROBLEMS_LISTED_ON_THE_PAGE));
    }
    let mut markup = Markup::new();
    write_error_state(&mut markup, explanation.title.to_owned(), explanation.advice.to_owned(), details, retry);
    markup.into_any()
}

/// The validation report above the article, when the reader's page (`?debug`) or the
/// widget (`debug`) asked for it; nothing otherwise.
pub(crate) fn validation_report_view(
    parsed: &ParsedArticle,
    requested: Option<&ValidationReportRequested>,
) -> Option<impl IntoView> {
    let requested = requested?;
    let report = ValidationReport::new(&parsed.warnings, &requested.attribute_warnings);
    let mut markup = Markup::new();
    write_validation_report(&mut markup, report, parsed.article.id.to_string());
    Some(markup)
}

/// Names the page after the article's state, describes it in the head for link previews,
/// and moves scroll and focus where the reader expects them once the article is shown.
fn describe_article_state(state: &Result<ParsedArticle, FetchError>, arrival: Arrival, published: Option<&PublishedPage>) {
    // A published page whose article the app could not load stays as it was published:
    // the static page reads better than an error, and its links work without the app.
    if let (Some(published), Err(_)) = (published, state) {
        published.keep_static_view();
        return;
    }
    let title = match state {
        Ok(parsed) => {
            for warning in &parsed.warnings {
                leptos::logging::warn!("article {}: {}: {}", parsed.article.id, warning.path, warning.message);
            }
            parsed.article.headline.clone()
        }
        Err(FetchError::NotFound { .. }) => interface_text().article_not_found.to_owned(),
        Err(_) => interface_text().article_unavailable.to_owned(),
    };
    // The tab's title and the head's description are not on the screen: they are set just
    // after the first paint, which spares the task that renders a long article 2 to 11 ms
    // on a slow phone (4× CPU throttling here).
    let described = state.as_ref().ok().map(|parsed| std::sync::Arc::clone(&parsed.article));
    crate::platform::frames::after_next_paint(move || {
        document().set_title(&title);
        crate::pages::describe_page(described.as_deref());
    });
    // A published page taken over: the reader's scroll position, selection and focus are
    // where they were on the static page, fragment included.
    if published.is_some() {
        return;
    }
    // The address may name a section or paragraph (`#florida-meetings`): it exists only
    // now that the article is rendered, so the browser's own jump on load missed it.
    let article_shown = state.is_ok();
    request_animation_frame(move || {
        if let Arrival::Returned {
            scroll_y: Some(scroll_y),
        } = arrival
        {
            focus_first_headline();
            crate::routing::scroll_instantly_to(scroll_y);
            return;
        }
        let jumped_to_fragment = article_shown && scroll_to_location_hash();
        if arrival != Arrival::FirstLoad && !jumped_to_fragment {
            focus_first_headline();
        }
    });
}

/// All at once when the page is about to scroll to a place in the article: the one the
/// address's fragment names, or where the reader was when returning with Back or Forward.
/// That place may be past the first screen, and it must exist when the page scrolls there.
fn body_rendering(arrival: Arrival) -> BodyRendering {
    let has_fragment = !window().location().hash().unwrap_or_default().is_empty();
    let returns_below_the_top = matches!(arrival, Arrival::Returned { scroll_y: Some(scroll_y) } if scroll_y > 0.0);
    if has_fragment || returns_below_the_top {
        BodyRendering::AllAtOnce
    } else {
        BodyRendering::InChunks
    }
}

/// Scrolls to the element the address's fragment names; true if there was one.
fn scroll_to_location_hash() -> bool {
    let hash = window().location().hash().unwrap_or_default();
    let Some(anchor_id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return false;
    };
    match document().get_element_by_id(anchor_id) {
        Some(target) => {
            target.scroll_into_view();
            true
        }
        None => false,
    }
}

/// Focuses the page's `h1` (the article's headline or the error's title), which has
/// `tabindex="-1"` for this, without scrolling.
fn focus_first_headline() {
    use wasm_bindgen::JsCast;
    let headline = document()
        .query_selector("h1")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(headline) = headline {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = headline.focus_with_options(&options);
    }
}

/// Loads the article at `location` and shows it. The page is created anew for every
/// article, so leaving it cleans up its resource and aborts a request still under way.
#[component]
pub fn ArticlePage(
    /// Where the article to show comes from.
    location: ArticleLocation,
    /// Opens and prefetches other articles.
    navigation: ArticleNavigation,
    /// How the reader arrived: decides the scroll position, and whether focus moves to the
    /// headline so that screen readers announce the new article.
    arrival: Arrival,
    /// A published page this app is taking over, if any; only the first article takes it.
    #[prop(optional_no_strip)]
    published: Option<PublishedPage>,
    /// The validation report above the article, if the reader's page asked for it (`?debug`).
    #[prop(optional_no_strip)]
    validation_report: Option<ValidationReportRequested>,
) -> impl IntoView {
    let published = published.filter(PublishedPage::is_waiting);
    let article = ArticleLoad::new(location, published.is_some());

    // Offline: say so, and when the connection returns, retry a load that failed for a
    // reason the network explains.
    let is_online = RwSignal::new(window().navigator().on_line());
    let offline = window_event_listener(leptos::ev::offline, move |_| is_online.set(false));
    let online = window_event_listener(leptos::ev::online, move |_| {
        is_online.set(true);
        let failed_transiently =
            article.with_untracked(|state| matches!(state, Some(Err(error)) if error.is_transient()));
        if failed_transiently {
            article.refetch();
        }
    });
    on_cleanup(move || {
        offline.remove();
        online.remove();
    });

    let described_page = published.clone();
    crate::platform::effects::run_effect(move || {
        // `with`, not `get`: a long article is megabytes of text, and cloning it here would
        // lengthen the task that renders it.
        article.with(|state| {
            let Some(state) = state else { return };
            describe_article_state(state, arrival, described_page.as_ref());
        });
    });

    // The three states are distinct variants, not one `AnyView`: with Leptos's
    // `erase_components` (.cargo/config.toml) every view has the same erased type, and an
    // `AnyView` rebuilds over one of the same type in place. The skeleton's element would
    // become the article's, and browsers count its move as a layout shift.
    let content = move || match article.get() {
        None => EitherOf3::A({
            let mut markup = Markup::new();
            write_loading_state(&mut markup);
            markup
        }),
        Some(Ok(parsed)) => {
            // Taking a published page over, the view renders out of sight in its usual
            // chunks and replaces the static view when it is complete (`ReadingView`).
            let layout = ArticleViewLayout {
                body_rendering: body_rendering(arrival),
                ..ArticleViewLayout::default()
            };
            let report = validation_report_view(&parsed, validation_report.as_ref());
            EitherOf3::B(view! {
                {report}
                <ReadingView article=parsed.article navigation=navigation layout=layout takeover=published.clone() />
            })
        }
        Some(Err(error)) => EitherOf3::C(failed_load_view(&error, article)),
    };
    view! {
        {move || (!is_online.get()).then(|| view! { <OfflineNotice /> })}
        {content}
    }
}
