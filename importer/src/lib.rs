//! The WordPress importer for the browser, as a wasm module of its own
//! (`lede-wordpress.js` and its `.wasm`, docs/importing.md).
//!
//! A widget whose snippet says `format="wordpress"` loads a WordPress REST post instead of
//! Lede's JSON. The mapping is the one `lede import --from wordpress` runs
//! (`lede::import::wordpress`), over the browser's inert `DOMParser` instead of html5ever.
//! It would add about 18 KB brotli to every reader, so the reader loads this module only
//! when such a widget asks for it (`src/platform/wordpress_importer.rs`).

use js_sys::{Array, Object, Reflect};
use lede::import::browser_tree::BrowserHtmlParser;
use lede::import::wordpress::{import_first_wordpress_post, WordPressSite};
use wasm_bindgen::prelude::*;

/// Imports the post in `json` (the REST API's answer, with `_embed`). Never throws:
/// returns `{ article, notes }`, where `article` is the Lede article's JSON text and each
/// note is `[field, kind, message]`, or `{ error }` with the reason the post makes no
/// article, naming its field.
#[wasm_bindgen(js_name = importWordPressPost)]
pub fn import_wordpress_post(json: &str) -> JsValue {
    let answer = Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = Reflect::set(&answer, &JsValue::from_str(name), value);
    };
    match import_first_wordpress_post(json, &BrowserHtmlParser, &WordPressSite::default()) {
        Ok(imported) => match serde_json::to_string(&imported.article) {
            Ok(article) => {
                set("article", &JsValue::from_str(&article));
                let notes: Array = imported
                    .notes
                    .iter()
                    .map(|note| {
                        Array::of3(
                            &JsValue::from_str(&note.field),
                            &JsValue::from_str(note.kind.as_str()),
                            &JsValue::from_str(&note.message),
                        )
                    })
                    .collect();
                set("notes", &notes);
            }
            Err(_) => set("error", &JsValue::from_str("the imported article could not be written as json")),
        },
        Err(error) => set("error", &JsValue::from_str(&error.to_string())),
    }
    answer.into()
}
