//! What a reader sees when an article cannot be shown.

use super::*;

#[wasm_bindgen_test]
fn the_error_state_names_the_address_and_offers_a_working_retry() {
    let container = fresh_container();
    let retries = Arc::new(Mutex::new(0));
    let counter = retries.clone();
    let retry = Callback::new(move |()| *counter.lock().expect("not poisoned") += 1);
    let _mounted = mount_to(container.clone(), move || {
        view! {
            <ErrorState
                title="This article could not be loaded"
                message="could not reach /articles/x.json: network error"
                details=Vec::new()
                retry=Some(retry)
            />
        }
    });
    let alert = one(&container, "[role=alert]");
    assert!(text(&alert).contains("could not reach /articles/x.json"));
    one(&container, "button")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    assert_eq!(*retries.lock().expect("not poisoned"), 1);
}
