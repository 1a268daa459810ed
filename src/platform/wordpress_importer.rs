//! The WordPress importer module (importer/, `lede-wordpress.js`), loaded on demand: only a
//! widget whose `format` is `wordpress` needs it, and it would add about 18 KB brotli to
//! every reader (docs/performance.md).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// The module sits beside the reader's own files; this snippet is written by wasm-bindgen
// to `snippets/{crate}-{hash}/inline0.js`, two folders down from them. A dynamic import is
// allowed by the reader's policy (`script-src 'self'`), and the browser loads it once.
#[wasm_bindgen(inline_js = "export function importWordPressImporter() { return import(new URL('../../lede-wordpress.js', import.meta.url).href); }")]
extern "C" {
    #[wasm_bindgen(js_name = importWordPressImporter, catch)]
    fn import_wordpress_importer() -> Result<js_sys::Promise, JsValue>;
}

/// What the module made of a post.
pub struct ConvertedPost {
    /// The Lede article, as JSON text.
    pub article_json: String,
    /// What was dropped or guessed: the post's field, "dropped" or "guessed", and why.
    pub notes: Vec<(String, String, String)>,
}

/// Converts the WordPress post `json` with the importer module, loading it first if
/// needed. The error says what failed, in a sentence that names no address (the caller
/// adds the post's).
pub async fn convert_wordpress_post(json: &str) -> Result<ConvertedPost, String> {
    let not_loaded = || "the wordpress importer module could not be loaded".to_owned();
    let promise = import_wordpress_importer().map_err(|_| not_loaded())?;
    let module = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| not_loaded())?;
    // The module's `default` export starts its wasm; a second call returns at once.
    let started = super::js::call_method(&module, "default", &[]).ok_or_else(not_loaded)?;
    let started: js_sys::Promise = started.dyn_into().map_err(|_| not_loaded())?;
    wasm_bindgen_futures::JsFuture::from(started).await.map_err(|_| not_loaded())?;
    let answer = super::js::call_method(&module, "importWordPressPost", &[&JsValue::from_str(json)])
        .ok_or_else(|| "the wordpress importer failed".to_owned())?;
    if let Some(error) = super::js::property(&answer, "error").as_string() {
        return Err(error);
    }
    let article_json = super::js::property(&answer, "article")
        .as_string()
        .ok_or_else(|| "the wordpress importer gave no article".to_owned())?;
    let notes = js_sys::Array::from(&super::js::property(&answer, "notes"))
        .iter()
        .map(|note| {
            let part = |index: u32| js_sys::Reflect::get_u32(&note, index).ok().and_then(|value| value.as_string()).unwrap_or_default();
            (part(0), part(1), part(2))
        })
        .collect();
    Ok(ConvertedPost { article_json, notes })
}
