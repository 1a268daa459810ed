//! Reading, writing and calling what the browser offers by name: for the APIs web-sys does
//! not bind, binds only behind feature flags that each cost wasm, or that some browsers
//! lack (`navigator.share`, `navigator.connection`, `Intl.RelativeTimeFormat`). Every
//! use of `Reflect` in the reader is here, and every failure reads as "not there".

use wasm_bindgen::{JsCast, JsValue};

/// `target[name]`, or `undefined` where it cannot be read.
pub fn property(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `globalThis[name]`, such as `performance` or `Intl`, or `undefined`.
pub fn global(name: &str) -> JsValue {
    property(&js_sys::global(), name)
}

/// Sets `target[name] = value`; a target that refuses it is left as it was.
pub fn set_property(target: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(name), value);
}

/// A plain object with these string properties, such as the data for `navigator.share`.
pub fn object_of_strings(properties: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in properties {
        set_property(&object, name, &JsValue::from_str(value));
    }
    object.into()
}

/// `target[name]` if it is a function.
pub fn method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    property(target, name).dyn_into().ok()
}

/// `target[name](...arguments)` (none, one or two of them), if `target` has such a method
/// and it returned rather than threw.
pub fn call_method(target: &JsValue, name: &str, arguments: &[&JsValue]) -> Option<JsValue> {
    let function = method(target, name)?;
    match arguments {
        [] => function.call0(target),
        [first] => function.call1(target, first),
        [first, second, ..] => function.call2(target, first, second),
    }
    .ok()
}

/// `CSS.supports(condition)`, false where the browser cannot say.
pub fn css_supports(condition: &str) -> bool {
    call_method(&global("CSS"), "supports", &[&JsValue::from_str(condition)]).is_some_and(|answer| answer.is_truthy())
}
