//! Where the reader is drawn: as the whole page, or as a guest widget on an outlet's page.
//!
//! The same components serve both. A few things differ, and the components ask the
//! [`ReaderSurface`] in their context rather than taking a prop through every layer:
//! as a page, the reader owns the address bar, the window's scroll and this origin's
//! storage; as a widget it owns none of them, and everything it looks up lives inside
//! its own shadow root.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// The surface the reading view is drawn on, provided as context. Without one, the view
/// is a page.
#[derive(Clone, Debug, Default)]
pub enum ReaderSurface {
    /// The reader is the page: `index.html`.
    #[default]
    Page,
    /// The reader is a widget inside `root`, on a page that belongs to someone else.
    Widget(WidgetRoot),
    /// A widget rendered to HTML by the publish step, for the widget's published frame
    /// page: laid out as a widget, with no shadow root and nothing to look up.
    PublishedWidget,
}

/// The shadow root a widget lives in. Element ids are unique only inside it.
#[derive(Clone, Debug)]
pub struct WidgetRoot(SendWrapper<web_sys::ShadowRoot>);

impl WidgetRoot {
    /// Wraps a shadow root. JS objects are !Send; the browser runs wasm on one thread.
    pub fn new(root: web_sys::ShadowRoot) -> WidgetRoot {
        WidgetRoot(SendWrapper::new(root))
    }

    /// The shadow root itself.
    pub fn shadow_root(&self) -> &web_sys::ShadowRoot {
        &self.0
    }
}

impl ReaderSurface {
    /// The surface in the current context, a page if none was provided.
    ///
    /// The reader's page is built without the widget (decision 021) and is never anything
    /// but the page: there the answer is a constant, and the compiler drops every branch
    /// of the components that only a widget takes.
    pub fn current() -> ReaderSurface {
        #[cfg(all(target_arch = "wasm32", not(feature = "widget")))]
        return ReaderSurface::Page;
        #[cfg(not(all(target_arch = "wasm32", not(feature = "widget"))))]
        use_context::<ReaderSurface>().unwrap_or_default()
    }

    /// True when the reader owns the whole page.
    pub fn is_page(&self) -> bool {
        matches!(self, ReaderSurface::Page)
    }

    /// The element with this id on this surface: in the document for a page, inside the
    /// shadow root for a widget (where `document.getElementById` cannot see).
    ///
    /// On a published page that the app is taking over, the static view holds the same
    /// ids until the swap ([`crate::platform::takeover`]): the app's own element is the one
    /// outside it.
    pub fn element_by_id(&self, id: &str) -> Option<web_sys::Element> {
        match self {
            ReaderSurface::Page => {
                let found = document().get_element_by_id(id)?;
                let published = super::takeover::PUBLISHED_ATTRIBUTE;
                if found.closest(&format!("[{published}]")).ok().flatten().is_none() {
                    return Some(found);
                }
                let quoted = id.replace('\\', "\\\\").replace('"', "\\\"");
                document()
                    .query_selector(&format!(".lede-app:not([{published}]) [id=\"{quoted}\"]"))
                    .ok()
                    .flatten()
            }
            ReaderSurface::Widget(root) => root.shadow_root().get_element_by_id(id),
            ReaderSurface::PublishedWidget => None,
        }
    }
}
