//! What the address bar means, and moving between articles without reloading.
//!
//! The reader has three kinds of address: `/` (the default article), `/articles/{id}`
//! and everything else (not found). That is small enough for a few lines over the
//! History API; `leptos_router` would cost about 38 KB brotli of a 60 KB budget
//! (docs/decisions/002-routing.md).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use crate::api::ArticleLocation;
use crate::model::slug::Slug;
use crate::platform::js;

/// A parsed address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`: the default article.
    Home,
    /// `/?src=URL`: an article from another address, if the configuration allows its origin.
    Source(String),
    /// `/articles/{id}`.
    Article(Slug),
    /// Any other path, kept to tell the reader what was not found.
    NotFound(String),
}

impl Route {
    /// Parses a URL path and its query string (`?src=…`, with or without the `?`).
    pub fn from_location(path: &str, query: &str) -> Route {
        let route = Route::from_path(path);
        if route != Route::Home {
            return route;
        }
        let source = crate::platform::url::query_parameter(query, "src");
        match source {
            Some(url) if !url.is_empty() => Route::Source(url),
            _ => Route::Home,
        }
    }

    /// Parses a URL path (without query or hash).
    pub fn from_path(path: &str) -> Route {
        // A published article's page is its folder's `index.html`.
        let folder = path.strip_suffix("index.html").filter(|folder| folder.ends_with('/')).unwrap_or(path);
        let trimmed = folder.strip_suffix('/').filter(|p| !p.is_empty()).unwrap_or(folder);
        if trimmed == "/" || trimmed == "/index.html" {
            return Route::Home;
        }
        if let Some(id) = trimmed.strip_prefix("/articles/") {
            if let Ok(slug) = Slug::parse(id) {
                return Route::Article(slug);
            }
        }
        Route::NotFound(path.to_owned())
    }

    /// The path that shows this route.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Source(url) => format!("/?{}", crate::platform::url::query_pair("src", url)),
            Route::Article(id) => format!("/articles/{id}"),
            Route::NotFound(path) => path.clone(),
        }
    }

    /// Where the article this route shows comes from, if it shows one.
    pub fn article_location(&self) -> Option<ArticleLocation> {
        match self {
            Route::Home => Some(ArticleLocation::Default),
            Route::Source(url) => Some(ArticleLocation::Source(url.clone(), crate::api::SourceFormat::Lede)),
            Route::Article(id) => Some(ArticleLocation::Id(id.clone())),
            Route::NotFound(_) => None,
        }
    }
}

/// What the reading view may do with another article: open it, or load it ahead because
/// the reader is likely to open it. The view only calls these; the app decides what they do.
#[derive(Clone, Copy)]
pub struct ArticleNavigation {
    /// Opens the article inside the reader.
    pub open: Callback<Slug>,
    /// Loads the article ahead, so that opening it is instant.
    pub prefetch: Callback<Slug>,
    /// The address a link to the article carries (for a new tab, or a copied link).
    pub href: Callback<Slug, String>,
    /// Follows a link out of the reader (to the outlet's own page), where the reader must
    /// not navigate by itself: a widget hands it to the page around it. `None` on the
    /// reader's own page, where such a link is an ordinary link.
    pub leave: Option<Callback<String>>,
}

/// The path of an article's page.
pub fn article_path(article_id: &Slug) -> String {
    Route::Article(article_id.clone()).path()
}

/// The path of an article's published page (`lede publish`): its own folder, which every
/// static host serves at this address. The page's canonical address, in the app too.
pub fn article_page_path(article_id: &Slug) -> String {
    format!("{}/", article_path(article_id))
}

/// The path of the published page that holds the whole of a long article, whose own page
/// holds its opening (`lede publish`, [`crate::reading::chunks::PublishedExtent`]).
pub fn whole_article_path(article_id: &Slug) -> String {
    format!("{}/all/", article_path(article_id))
}

/// True if and only if a click on a link should be handled inside the app: the primary
/// button without modifier keys. Any other click (a new tab, a download) is left to the
/// browser.
pub fn is_plain_left_click(event: &web_sys::MouseEvent) -> bool {
    event.button() == 0 && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
}

/// How the reader arrived at the current page, which decides where it opens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arrival {
    /// The page was loaded: the browser's own behaviour, plus the address's fragment.
    FirstLoad,
    /// A link inside the app: the top of the page, focus on the headline.
    Opened,
    /// Back or Forward: where the reader was, if known; focus on the headline.
    Returned {
        /// The vertical scroll position saved in the history entry.
        scroll_y: Option<f64>,
    },
}

/// The app's current route, kept in step with the address bar.
#[derive(Clone, Copy)]
pub struct BrowserRouter {
    route: RwSignal<Route>,
    arrival: RwSignal<Arrival>,
}

/// The key under which a history entry keeps its scroll position.
const SCROLL_Y_KEY: &str = "ledeScrollY";

impl BrowserRouter {
    /// Reads the current address and follows the Back and Forward buttons from now on.
    /// Call it once, in the app's root component.
    pub fn start() -> BrowserRouter {
        let route = RwSignal::new(current_route());
        let arrival = RwSignal::new(Arrival::FirstLoad);
        // The app restores positions itself: the browser's own restoration would jump
        // before the returning article has been rendered, and land nowhere.
        if let Ok(history) = window().history() {
            js::set_property(&history, "scrollRestoration", &JsValue::from_str("manual"));
        }
        let popstate = window_event_listener(leptos::ev::popstate, move |event| {
            let new_route = current_route();
            // Hash changes also fire `popstate`; they must not reload the article.
            if route.get_untracked() != new_route {
                let scroll_y = js::property(&event.state(), SCROLL_Y_KEY).as_f64();
                arrival.set(Arrival::Returned { scroll_y });
                route.set(new_route);
            }
        });
        let scrollend = window_event_listener_untyped("scrollend", move |_| save_scroll_position());
        on_cleanup(move || {
            popstate.remove();
            scrollend.remove();
        });
        BrowserRouter { route, arrival }
    }

    /// The current route, tracked.
    pub fn route(&self) -> Route {
        self.route.get()
    }

    /// How the reader arrived at the current route; read without tracking.
    pub fn arrival(&self) -> Arrival {
        self.arrival.get_untracked()
    }

    /// Moves to the article `article_id`: a new history entry, the top of the page.
    pub fn open_article(&self, article_id: &Slug) {
        let path = article_path(article_id);
        save_scroll_position();
        let window = window();
        if let Ok(history) = window.history() {
            // A failing pushState (a sandboxed frame, say) still shows the article.
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&path));
        }
        scroll_instantly_to(0.0);
        self.arrival.set(Arrival::Opened);
        self.route.set(Route::from_path(&path));
    }
}

/// Scrolls the page to `top` at once. Never smoothly: the page's `scroll-behavior` would
/// animate it, and the article replaced underneath cancels the animation halfway.
pub fn scroll_instantly_to(top: f64) {
    let options = web_sys::ScrollToOptions::new();
    options.set_top(top);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    window().scroll_to_with_scroll_to_options(&options);
}

/// Keeps the current scroll position in the current history entry, for Back and Forward.
fn save_scroll_position() {
    let window = window();
    let (Ok(history), Ok(scroll_y)) = (window.history(), window.scroll_y()) else {
        return;
    };
    let state = js_sys::Object::new();
    js::set_property(&state, SCROLL_Y_KEY, &JsValue::from_f64(scroll_y));
    let _ = history.replace_state(&state, "");
}

fn current_route() -> Route {
    let location = window().location();
    Route::from_location(
        &location.pathname().unwrap_or_else(|_| "/".to_owned()),
        &location.search().unwrap_or_default(),
    )
}
