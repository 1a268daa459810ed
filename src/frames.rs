//! Running work after the browser has painted: for rendering a long article in chunks, and
//! for the benchmark's paint mark.

use wasm_bindgen::JsCast;

/// Calls `callback` just after the next paint: a task queued from an animation frame runs
/// once that frame has been drawn.
pub fn after_next_paint(callback: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        let queued = wasm_bindgen::closure::Closure::once_into_js(callback);
        let _ =
            leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(queued.unchecked_ref(), 0);
    });
}
