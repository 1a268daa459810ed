//! Leptos effects through one function that is not generic.
//!
//! `Effect::new` is generic over its closure: each call site compiles a copy of the
//! effect's machinery (its task, its owner, its subscription) around its own closure,
//! about half a kilobyte of wasm each. Boxed, every effect of the reader shares one copy,
//! and pays a call through a pointer instead (docs/performance.md, "Size levers").

use leptos::prelude::Effect;

/// Runs `effect` after the current render and again whenever a signal it read changes,
/// until the reactive owner around it is cleaned up, as `Effect::new` does.
pub fn run_effect(effect: impl FnMut() + 'static) {
    run_boxed_effect(Box::new(effect));
}

#[inline(never)]
fn run_boxed_effect(mut effect: Box<dyn FnMut()>) {
    Effect::new(move || effect());
}
