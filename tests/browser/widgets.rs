//! The widget (src/embed): mounted into a shadow root as embed.js does, fed by `data:`
//! URLs so that these tests need no server.

use super::*;

#[wasm_bindgen_test]
async fn a_widget_mounted_into_a_shadow_root_shows_the_article_there_and_reports_that_it_loaded() {
    let (host, shadow, mount) = widget_host();
    let source = data_url(SEED_JSON);
    let (mut widget, events) = mount_widget(&mount, &[("src", &source), ("theme", "dark")]);
    wait_until("the headline is shown", || in_shadow(&shadow, "h1").is_some()).await;

    let headline = in_shadow(&shadow, "h1").map(|h1| text(&h1));
    assert_eq!(headline.as_deref(), Some(seed_article().headline.as_str()));
    assert!(
        host.query_selector("h1").ok().flatten().is_none(),
        "nothing lands in the host's light DOM"
    );
    let root = in_shadow(&shadow, ".lede-article-view").expect("the reading view");
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert!(
        in_shadow(&shadow, "[data-testid=permalink]").is_none(),
        "no permalinks: they would name places on the host's page"
    );
    wait_until("the load is reported", || events.borrow().contains(&"load".to_owned())).await;

    widget.unmount();
    leptos::task::tick().await;
    assert!(in_shadow(&shadow, "h1").is_none(), "unmounting removes the view");
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_keep_their_own_settings_and_a_broken_third_fails_alone() {
    let source = data_url(SEED_JSON);
    let (_first_host, first_shadow, first_mount) = widget_host();
    let (_second_host, second_shadow, second_mount) = widget_host();
    let (_broken_host, broken_shadow, broken_mount) = widget_host();
    let (_first, _) = mount_widget(&first_mount, &[("src", &source)]);
    let (_second, _) = mount_widget(&second_mount, &[("src", &source)]);
    let (_broken, broken_events) = mount_widget(&broken_mount, &[("src", "data:application/json,{\"headline\": ")]);
    wait_until("both articles are shown", || {
        in_shadow(&first_shadow, "h1").is_some() && in_shadow(&second_shadow, "h1").is_some()
    })
    .await;
    wait_until("the broken widget reports its error", || {
        !broken_events.borrow().is_empty()
    })
    .await;
    // The display panel is built just after the first paint, which may come after both
    // articles and the error when their documents are read at once (data: addresses).
    wait_until("the display panel is built", || {
        in_shadow(&first_shadow, "button.lede-reader-controls__step").is_some()
    })
    .await;

    let larger = first_shadow
        .query_selector_all("button.lede-reader-controls__step")
        .expect("a valid selector")
        .item(1)
        .expect("the larger-text button")
        .unchecked_into::<web_sys::HtmlElement>();
    larger.click();
    leptos::task::tick().await;

    let text_size = |shadow: &web_sys::ShadowRoot| {
        in_shadow(shadow, ".lede-article-view")
            .and_then(|root| root.get_attribute("style"))
            .unwrap_or_default()
    };
    assert!(
        text_size(&first_shadow).contains("--lede-text-percent: 110"),
        "{}",
        text_size(&first_shadow)
    );
    assert!(
        text_size(&second_shadow).contains("--lede-text-percent: 100"),
        "{}",
        text_size(&second_shadow)
    );
    assert_eq!(*broken_events.borrow(), vec!["error:invalid-article".to_owned()]);
    assert!(in_shadow(&broken_shadow, "[data-testid=error]").is_some());
    assert!(
        in_shadow(&first_shadow, "h1").is_some() && in_shadow(&second_shadow, "h1").is_some(),
        "the others keep working"
    );
}

#[wasm_bindgen_test]
async fn a_section_link_in_a_widget_scrolls_inside_the_widget_and_leaves_the_host_address_alone() {
    let (_host, shadow, mount) = widget_host();
    let source = data_url(SEED_JSON);
    let (_widget, _) = mount_widget(&mount, &[("src", &source)]);
    wait_until("the section list is shown", || in_shadow(&shadow, "nav a").is_some()).await;
    let address_before = window().location().href().unwrap_or_default();

    let link = in_shadow(&shadow, "nav a").expect("a section link");
    let target_id = link
        .get_attribute("href")
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned();
    link.unchecked_into::<web_sys::HtmlElement>().click();

    assert_eq!(window().location().href().unwrap_or_default(), address_before);
    assert!(
        shadow.get_element_by_id(&target_id).is_some(),
        "the section exists in the widget"
    );
}

#[wasm_bindgen_test]
fn a_widget_without_src_is_refused_with_a_message_and_mounts_nothing() {
    let (_host, shadow, mount) = widget_host();
    let pairs: js_sys::Array = std::iter::once(js_sys::Array::of2(&"theme".into(), &"dark".into())).collect();
    let report = js_sys::Function::new_no_args("");
    let outcome = lede::embed::mount_embedded_article(mount, pairs, report);
    assert!(outcome.is_err());
    assert!(in_shadow(&shadow, ".lede-article-view").is_none());
}

#[wasm_bindgen_test]
async fn a_widget_with_lang_fr_speaks_french_around_the_article() {
    let (_host, shadow, mount) = widget_host();
    let source = data_url(SEED_JSON);
    let (_widget, _) = mount_widget(&mount, &[("src", &source), ("lang", "fr")]);
    wait_until("the article is shown", || in_shadow(&shadow, "h1").is_some()).await;
    let words = |selector: &str| {
        in_shadow(&shadow, selector)
            .map(|element| text(&element))
            .unwrap_or_default()
    };
    assert_eq!(words("[data-testid=summary] h2"), "En bref");
    assert_eq!(words("[data-testid=reader-controls] summary"), "Affichage");
    assert_eq!(words("[data-testid=related] h2"), "Articles similaires");
}

#[wasm_bindgen_test]
async fn a_widget_with_debug_shows_a_validation_report_with_paths_and_one_without_shows_none() {
    // One block of an unknown type (skipped with a warning) and one unknown theme value.
    let with_unknown_block = SEED_JSON.replacen("\"type\": \"paragraph\"", "\"type\": \"infographic\"", 1);
    assert_ne!(with_unknown_block, SEED_JSON, "the seed has a paragraph to retype");
    let source = data_url(&with_unknown_block);
    let (_debug_host, debug_shadow, debug_mount) = widget_host();
    let (_plain_host, plain_shadow, plain_mount) = widget_host();
    let (_debugged, _) = mount_widget(&debug_mount, &[("src", &source), ("debug", ""), ("theme", "neon")]);
    let (_plain, _) = mount_widget(&plain_mount, &[("src", &source), ("theme", "neon")]);
    wait_until("both headlines are shown", || {
        in_shadow(&debug_shadow, "h1").is_some() && in_shadow(&plain_shadow, "h1").is_some()
    })
    .await;

    let report = in_shadow(&debug_shadow, "[data-testid=validation-report]").expect("the report is shown");
    assert_eq!(
        in_shadow(&debug_shadow, "[data-testid=validation-report-summary]").map(|summary| text(&summary)).as_deref(),
        Some("2 warnings")
    );
    let lines: Vec<String> = (0..)
        .map_while(|index| report.query_selector_all("li").ok()?.item(index))
        .map(|line| line.text_content().unwrap_or_default())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("widget ") && lines[0].contains("neon"), "{lines:?}");
    assert!(lines[1].starts_with("body[") && lines[1].contains("unknown block type"), "{lines:?}");
    assert!(
        in_shadow(&debug_shadow, ".lede-article-view").is_some(),
        "the article is shown below the report"
    );
    assert!(
        in_shadow(&plain_shadow, "[data-testid=validation-report]").is_none(),
        "readers never see the report"
    );
}
