//! What a reader does in the view: opening a related article, pointing at one, sharing a
//! paragraph, jumping to a section, scrolling.

use super::*;

#[wasm_bindgen_test]
async fn a_plain_click_on_a_related_card_opens_that_article_inside_the_reader() {
    let opened: Arc<Mutex<Vec<String>>> = Arc::default();
    let recorder = opened.clone();
    let on_open = ArticleNavigation {
        open: Callback::new(move |id: Slug| recorder.lock().expect("not poisoned").push(id.to_string())),
        ..ignore_navigation()
    };
    let article = seed_article();
    let (container, _mounted) = mount_article_view_after_first_paint(article, on_open).await;

    let first_card_link = one(&container, "[data-testid=related-card] a");
    assert_eq!(
        first_card_link.get_attribute("href").as_deref(),
        Some("/articles/florida-meetings-joint-statement")
    );
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_button(0);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("a click event");
    first_card_link.dispatch_event(&click).expect("dispatch the click");

    assert!(click.default_prevented(), "the browser does not load the page itself");
    assert_eq!(
        *opened.lock().expect("not poisoned"),
        ["florida-meetings-joint-statement"]
    );
}

#[wasm_bindgen_test]
async fn the_jump_to_section_button_opens_the_list_and_escape_closes_it_and_returns_focus() {
    let (container, _mounted) = mount_article_view(seed_article(), ignore_navigation());
    let button = one(&container, "nav[data-testid=section-nav] button").unchecked_into::<web_sys::HtmlElement>();
    let list = one(&container, "nav[data-testid=section-nav] ol");
    assert_eq!(text(&button), "Jump to section");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(
        button.get_attribute("aria-controls").as_deref(),
        Some(list.id().as_str())
    );

    button.click();
    leptos::task::tick().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(list.class_list().contains("lede-section-nav__list--open"));

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a keydown event");
    one(&container, "nav[data-testid=section-nav] a")
        .dispatch_event(&escape)
        .expect("dispatch Escape");
    leptos::task::tick().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(!list.class_list().contains("lede-section-nav__list--open"));
    let focused = document().active_element().map(|element| element.tag_name());
    assert_eq!(focused.as_deref(), Some("BUTTON"), "focus returns to the button");
}

#[wasm_bindgen_test]
async fn a_paragraphs_permalink_copies_its_address_and_says_so_without_leaving_the_page() {
    // A clipboard that records what it is given, and no Web Share API, as on a desktop.
    js_sys::eval(
        "Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
         Object.defineProperty(navigator, 'clipboard', { configurable: true,
           value: { writeText: (text) => { window.__lede_copied = text; return Promise.resolve(); } } });",
    )
    .expect("stub the clipboard");
    let (container, _mounted) = mount_article_view(seed_article(), ignore_navigation());
    let first_paragraph = one(&container, "[data-testid=article-body] section p");
    let permalink = one(
        &container,
        "[data-testid=article-body] section p a[data-testid=permalink]",
    );
    assert_eq!(
        permalink.get_attribute("aria-label").as_deref(),
        Some("Copy link to this paragraph")
    );
    // A real link to the paragraph, for "copy link address" and for when the wasm is not there.
    assert_eq!(
        permalink.get_attribute("href"),
        Some(format!("#{}", first_paragraph.id()))
    );
    let address_before = window().location().href().unwrap_or_default();
    permalink.unchecked_into::<web_sys::HtmlElement>().click();
    for _ in 0..20 {
        leptos::task::tick().await;
    }
    let copied = js_sys::Reflect::get(&window(), &"__lede_copied".into())
        .ok()
        .and_then(|value| value.as_string());
    let expected_suffix = format!("#{}", first_paragraph.id());
    assert!(
        copied.as_deref().is_some_and(|url| url.ends_with(&expected_suffix)),
        "copied {copied:?}"
    );
    assert_eq!(
        window().location().href().unwrap_or_default(),
        address_before,
        "a plain press copies instead of following the link"
    );
    // One region for the whole view says it, not one per permalink.
    let status = one(&container, "[data-testid=permalink-status]");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(text(&status), "Link copied");
    assert_eq!(
        all(&container, "[role=status]").len(),
        1,
        "no status region besides the view's one"
    );
}

#[wasm_bindgen_test]
async fn pointing_at_or_focusing_a_related_card_asks_for_that_article_ahead() {
    let prefetched: Arc<Mutex<Vec<String>>> = Arc::default();
    let recorder = prefetched.clone();
    let navigation = ArticleNavigation {
        prefetch: Callback::new(move |id: Slug| recorder.lock().expect("not poisoned").push(id.to_string())),
        ..ignore_navigation()
    };
    let (container, _mounted) = mount_article_view_after_first_paint(seed_article(), navigation).await;
    let links = all(&container, "[data-testid=related-card] a");
    links[0]
        .dispatch_event(&web_sys::Event::new("pointerenter").expect("an event"))
        .expect("dispatch pointerenter");
    links[1]
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .expect("focus a card link");
    assert_eq!(
        *prefetched.lock().expect("not poisoned"),
        ["florida-meetings-joint-statement", "kremlin-response-27-point-plan"]
    );
}

// Regression: Firefox ESR 153 has no CSS scroll timelines, so its readers got no progress
// bar at all. Where CSS cannot draw it, the app must.
#[wasm_bindgen_test]
async fn the_reading_progress_bar_follows_the_scroll_even_without_css_scroll_timelines() {
    let (container, _mounted) = mount_article_view(seed_article(), ignore_navigation());
    let bar = one(&container, ".lede-article-view__progress");
    let supports_timelines = js_sys::eval("CSS.supports('animation-timeline: scroll()')")
        .ok()
        .is_some_and(|answer| answer.is_truthy());
    if supports_timelines {
        // CSS draws the bar here (tested end to end in Chromium); nothing to follow.
        return;
    }
    let root = document().document_element().expect("a root element");
    let bottom = f64::from(root.scroll_height());
    window().scroll_to_with_x_and_y(0.0, bottom);
    for _ in 0..20 {
        if bar
            .get_attribute("style")
            .unwrap_or_default()
            .contains("--lede-progress: 1000")
        {
            break;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 25);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
    assert!(
        bar.get_attribute("style")
            .unwrap_or_default()
            .contains("--lede-progress: 1000"),
        "{:?}",
        bar.get_attribute("style")
    );
}
