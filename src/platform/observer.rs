//! One way to watch elements come into and out of view: an `IntersectionObserver` whose
//! callback lives exactly as long as the reactive owner that asked for it.

use std::cell::RefCell;
use std::rc::Rc;

use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// What an observer's callback wants next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Observing {
    /// Keep calling it.
    Continue,
    /// Stop observing: the callback has done its work.
    Stop,
}

/// Observes `targets`, calling `on_change` with the entries whose intersection changed
/// (at each of `thresholds`, or as they enter and leave the viewport when it is empty),
/// until `on_change` returns [`Observing::Stop`] or the current reactive owner is cleaned
/// up. Without `IntersectionObserver`, nothing is observed.
pub fn observe_intersections(
    targets: &[web_sys::Element],
    thresholds: &[f64],
    mut on_change: impl FnMut(&[web_sys::IntersectionObserverEntry]) -> Observing + 'static,
) {
    let observer_slot: Rc<RefCell<Option<web_sys::IntersectionObserver>>> = Rc::default();
    let slot = observer_slot.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let entries: Vec<web_sys::IntersectionObserverEntry> =
            entries.iter().filter_map(|entry| entry.dyn_into().ok()).collect();
        if on_change(&entries) == Observing::Stop {
            let observer = slot.borrow_mut().take();
            if let Some(observer) = observer {
                observer.disconnect();
            }
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    if !thresholds.is_empty() {
        let thresholds: js_sys::Array = thresholds.iter().map(|&threshold| JsValue::from_f64(threshold)).collect();
        options.set_threshold(&thresholds);
    }
    let Ok(observer) = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    else {
        return;
    };
    for target in targets {
        observer.observe(target);
    }
    *observer_slot.borrow_mut() = Some(observer);
    // The callback must live while the observer may call it. Both are !Send, and the
    // reader runs on the browser's single thread.
    let keep_alive = SendWrapper::new((observer_slot, callback));
    leptos::prelude::on_cleanup(move || {
        let (slot, _callback) = keep_alive.take();
        let observer = slot.borrow_mut().take();
        if let Some(observer) = observer {
            observer.disconnect();
        }
    });
}
