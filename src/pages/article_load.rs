//! A page's load of one article: the state a page renders (not yet, the article, or why
//! not), filled by a task the page owns, and started again on request.
//!
//! It does what Leptos's `LocalResource` did here, in a tenth of the code: the page needs
//! neither `Suspense` nor transitions, and the resource's machinery (an async derived
//! signal, its locks and wakers) cost about 5 KB brotli of the wasm (docs/performance.md).

use leptos::prelude::*;
use leptos::reactive::owner::Owner;

use crate::api::{fetch_article, ArticleLocation, FetchError};
use crate::model::ParsedArticle;

/// The state of an article's load: `None` until the first answer, then the article or
/// the reason it is not shown. A new load keeps the last answer until its own arrives.
pub(crate) type ArticleState = Option<Result<ParsedArticle, FetchError>>;

/// One article's load, owned by the page that created it. Each run of the load has an
/// owner of its own, a child of the page's: cleaning it up aborts the request (the API
/// ties the request's `AbortController` to the current owner) and cancels the task. That
/// happens when the page goes and when the load starts again.
#[derive(Clone, Copy)]
pub(crate) struct ArticleLoad {
    state: RwSignal<ArticleState, LocalStorage>,
    location: StoredValue<ArticleLocation, LocalStorage>,
    /// The page's owner: every run is its child, even one started from an event handler.
    page_owner: StoredValue<Option<Owner>, LocalStorage>,
    current_run: StoredValue<Option<Owner>, LocalStorage>,
    /// Whether the first run starts in a task of its own: set while the app renders a
    /// published page out of sight, where nothing hurries it (see [`ArticleLoad::new`]).
    first_run_waits_for_a_task: StoredValue<bool, LocalStorage>,
}

impl ArticleLoad {
    /// Starts loading the article at `location`.
    ///
    /// Taking a published page over (`takes_a_page_over`), the load starts in the task
    /// after the page's first render rather than in the same one: the first calls of the
    /// load's code (each compiled by the browser when first called) made that one task
    /// long enough to keep a reader's tap waiting on a slow phone (docs/performance.md).
    pub(crate) fn new(location: ArticleLocation, takes_a_page_over: bool) -> ArticleLoad {
        let load = ArticleLoad {
            state: RwSignal::new_local(None),
            location: StoredValue::new_local(location),
            page_owner: StoredValue::new_local(Owner::current()),
            current_run: StoredValue::new_local(None),
            first_run_waits_for_a_task: StoredValue::new_local(takes_a_page_over),
        };
        load.start();
        load
    }

    /// Loads the article again, for a retry or when the connection returns; the last
    /// answer stays shown until the new one arrives.
    pub(crate) fn refetch(&self) {
        self.start();
    }

    fn start(&self) {
        if let Some(previous) = self.current_run.try_update_value(Option::take).flatten() {
            previous.cleanup();
        }
        let state = self.state;
        let location = self.location.get_value();
        let waits_for_a_task = self.first_run_waits_for_a_task.try_update_value(std::mem::take).unwrap_or(false);
        let new_run = move || {
            let run = Owner::new();
            run.with(|| {
                leptos::task::spawn_local_scoped_with_cancellation(async move {
                    if waits_for_a_task {
                        crate::platform::frames::yield_to_browser().await;
                    }
                    let answer = fetch_article(location).await;
                    state.try_set(Some(answer));
                });
            });
            run
        };
        let run = match self.page_owner.get_value() {
            Some(page_owner) => page_owner.with(new_run),
            None => new_run(),
        };
        self.current_run.set_value(Some(run));
    }

    /// The state, tracked: a view or effect that reads it runs again when it changes.
    pub(crate) fn get(&self) -> ArticleState {
        self.state.get()
    }

    /// `f` of the state, tracked, without cloning it (a long article is megabytes).
    pub(crate) fn with<T>(&self, f: impl FnOnce(&ArticleState) -> T) -> T {
        self.state.with(f)
    }

    /// `f` of the state, untracked.
    pub(crate) fn with_untracked<T>(&self, f: impl FnOnce(&ArticleState) -> T) -> T {
        self.state.with_untracked(f)
    }
}
