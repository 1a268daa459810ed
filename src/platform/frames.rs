//! Giving the browser its turn: running work after the browser has painted (for rendering a
//! long article in chunks, and for the benchmark's paint mark), and splitting long work
//! into tasks (for reading a long article's JSON, and for its first render).
//!
//! Natively (a page rendered for publishing) there are no paints and no tasks: work
//! scheduled for later is dropped, as the page is written before anything could run it.

use wasm_bindgen::JsCast;

/// Calls `callback` just after the next paint: a task queued from an animation frame runs
/// once that frame has been drawn.
pub fn after_next_paint(callback: impl FnOnce() + 'static) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    leptos::prelude::request_animation_frame(move || {
        let queued = wasm_bindgen::closure::Closure::once_into_js(callback);
        let _ =
            leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(queued.unchecked_ref(), 0);
    });
}

/// Calls `callback` in a new task, queued now, after the browser has handled whatever input
/// is waiting (and, if a frame is due, painted). Queued now rather than from a future, so
/// that it runs before anything queued later the same way, a test's [`yield_to_browser`]
/// included.
pub fn in_next_task(callback: impl FnOnce() + 'static) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    run_in_new_task(&wasm_bindgen::closure::Closure::once_into_js(callback).unchecked_into());
}

/// Resolves in a new task, after the browser has handled whatever input and rendering is
/// waiting, so that long work split at these points never blocks the page for long.
///
/// A `MessageChannel` message rather than a zero timeout: browsers throttle the timers of
/// background tabs to one a second, which would stall an article opened in a new tab.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| run_in_new_task(&resolve));
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls `handler` from a `MessageChannel` message, in a new task. Without a channel (which
/// every browser the reader supports has), it is called now, and the work simply goes on
/// in the same task.
fn run_in_new_task(handler: &js_sys::Function) {
    let posted = web_sys::MessageChannel::new().is_ok_and(|channel| {
        channel.port1().set_onmessage(Some(handler));
        channel.port2().post_message(&wasm_bindgen::JsValue::UNDEFINED).is_ok()
    });
    if !posted {
        let _ = handler.call0(&wasm_bindgen::JsValue::UNDEFINED);
    }
}
