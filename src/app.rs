//! The single-page app: the router and the page for the current address.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::slug::Slug;
use crate::pages::{ArticlePage, NotFoundPage};
use crate::routing::{ArticleNavigation, BrowserRouter, Route};

/// The id of the element in `index.html` that the app replaces.
pub const APP_ROOT_ID: &str = "lede-app";

/// The reader as a full page: follows the address bar and shows its article.
#[component]
pub fn App() -> impl IntoView {
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
                <ArticlePage location=location navigation=navigation arrival=router.arrival() />
            }
            .into_any(),
            None => view! { <NotFoundPage path=route.path() /> }.into_any(),
        },
    }
}

/// Mounts [`App`] in place of the `#lede-app` element's placeholder content and keeps it
/// mounted. On a page without that element it does nothing: the same module runs the
/// widgets on outlets' pages (`embed.js`), where the page is the host's.
pub fn mount_app() {
    let root = document()
        .get_element_by_id(APP_ROOT_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        // The placeholder is there for readers without wasm; the app replaces it.
        root.set_text_content(None);
        leptos::mount::mount_to(root, App).forget();
        // While the article downloads: its dates will need the browser's locale data, and
        // its view the reader's settings.
        crate::platform::intl::warm_up();
        crate::reader_settings::ReaderSettings::open_storage_early();
    }
}
