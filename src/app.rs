//! The single-page app: the router and the page for the current address.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::slug::Slug;
use crate::pages::{ArticlePage, NotFoundPage};
use crate::reading::validation_report::ValidationReportRequested;
use crate::platform::takeover::{PublishedPage, OUT_OF_SIGHT_ATTRIBUTE, PUBLISHED_ATTRIBUTE};
use crate::routing::{ArticleNavigation, BrowserRouter, Route};

/// The id of the element in `index.html` that the app replaces.
pub const APP_ROOT_ID: &str = "lede-app";

/// The reader as a full page: follows the address bar and shows its article.
#[component]
pub fn App(
    /// The published page the app takes over with its first article, if it was started on
    /// one.
    #[prop(optional_no_strip)]
    published: Option<PublishedPage>,
    /// The validation report above every article of this visit, if `?debug` asked for it.
    #[prop(optional_no_strip)]
    validation_report: Option<ValidationReportRequested>,
) -> impl IntoView {
    let router = BrowserRouter::start();
    let navigation = ArticleNavigation {
        open: Callback::new(move |article_id: Slug| router.open_article(&article_id)),
        prefetch: Callback::new(crate::api::prefetch_article),
        href: Callback::new(|article_id: Slug| crate::routing::article_path(&article_id)),
        leave: None,
    };
    move || match router.route() {
        Route::NotFound(path) => view! { <NotFoundPage path=path /> }.into_any(),
        route => match route.article_location() {
            Some(location) => view! {
                <ArticlePage
                    location=location
                    navigation=navigation
                    arrival=router.arrival()
                    published=published.clone()
                    validation_report=validation_report.clone()
                />
            }
            .into_any(),
            None => view! { <NotFoundPage path=route.path() /> }.into_any(),
        },
    }
}

/// Mounts [`App`] in place of the `#lede-app` element's placeholder content and keeps it
/// mounted. On a page without that element it does nothing: the page is not the reader's.
///
/// On a published page that shows the article the address asks for, the app renders out
/// of sight and takes the page over when its article is ready ([`PublishedPage`]).
pub fn mount_app() {
    let root = document()
        .get_element_by_id(APP_ROOT_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let (mount_root, published) = match app_root_beside_published(&root) {
            Some(app_root) => (app_root.clone(), Some(PublishedPage::new(root, app_root))),
            None => {
                // The placeholder is there for readers without wasm; the app replaces it.
                root.set_text_content(None);
                (root, None)
            }
        };
        let is_published = published.is_some();
        let mount = move || {
            // One call for both cases: each call of `mount_to` compiles its own copy.
            leptos::mount::mount_to(mount_root, move || {
                // `?debug`: the validation report above every article of this visit, for an
                // outlet's developer checking their JSON.
                let validation_report = debug_requested().then(ValidationReportRequested::default);
                view! { <App published=published.clone() validation_report=validation_report /> }
            })
            .forget();
            // While the article downloads: its dates will need the browser's locale data, and
            // its view the reader's settings.
            crate::platform::intl::warm_up();
            crate::reader_settings::ReaderSettings::open_storage_early();
        };
        // A published page is being read already, and nothing hurries the app's first render:
        // it comes in a task after the one that started the wasm, so that neither blocks
        // the reader's input for as long as both together (docs/performance.md).
        if is_published {
            wasm_bindgen_futures::spawn_local(async move {
                crate::platform::frames::yield_to_browser().await;
                mount();
            });
        } else {
            mount();
        }
    }
}

/// Whether the page's address asks for the validation report (`?debug`, with any value
/// but `false`).
fn debug_requested() -> bool {
    let query = window().location().search().unwrap_or_default();
    crate::platform::url::query_parameter(&query, "debug").is_some_and(|value| value != "false")
}

/// If `root` is a published page of the article the address asks for, an element out of sight
/// after it for the app to render into. The front page (`/`) is published with the
/// default article; any other address shows what it asks for from the start.
fn app_root_beside_published(root: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let published_id = root.get_attribute(PUBLISHED_ATTRIBUTE)?;
    let location = window().location();
    let route = Route::from_location(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    );
    let shows_it = match &route {
        Route::Home => true,
        Route::Article(id) => id.as_str() == published_id,
        Route::Source(_) | Route::NotFound(_) => false,
    };
    if !shows_it {
        return None;
    }
    let app_root = document().create_element("div").ok()?.dyn_into::<web_sys::HtmlElement>().ok()?;
    app_root.set_class_name("lede-app");
    app_root.set_attribute(OUT_OF_SIGHT_ATTRIBUTE, "").ok()?;
    root.after_with_node_1(&app_root).ok()?;
    Some(app_root)
}
