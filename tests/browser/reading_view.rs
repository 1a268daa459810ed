//! The reading view as a reader meets it: what it shows, in which elements, in which
//! order and direction, and when a long article's parts arrive.

use super::*;

#[wasm_bindgen_test]
async fn the_reading_view_shows_the_seed_headline_summary_section_navigation_and_four_related_cards() {
    let article = seed_article();
    let (container, _mounted) = mount_article_view_after_first_paint(article, ignore_navigation()).await;

    let headings = all(&container, "h1");
    assert_eq!(headings.len(), 1, "exactly one h1");
    assert_eq!(
        text(&headings[0]),
        "Zelensky Hails 'Long, Substantive' Call With Kushner and Witkoff as Peace Talks Press On Amid Ongoing Attacks"
    );
    assert!(text(&one(&container, "[data-testid=masthead]")).contains("CRBC News"));
    assert_eq!(text(&one(&container, "[data-testid=kicker]")), "Conflict");
    assert!(text(&one(&container, "[data-testid=summary]")).contains("Meetings in Florida produced a joint statement"));

    let nav_links: Vec<String> = all(&container, "nav[data-testid=section-nav] a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        nav_links,
        [
            "Zelensky Praises Detailed Call With Kushner And Witkoff",
            "Florida Meetings And Joint Statement",
            "Russia's Response And The U.S. Plan",
            "Violence Continues Amid Diplomacy",
        ]
    );
    for link in all(&container, "nav[data-testid=section-nav] a") {
        let target = link.get_attribute("href").unwrap_or_default();
        assert_eq!(all(&container, &target).len(), 1, "the section {target} exists");
    }

    assert_eq!(
        all(&container, "[data-testid=related-card]").len(),
        4,
        "four related cards"
    );
    assert!(text(&one(&container, "[data-testid=context-note]")).contains("progress hinges on verifiable steps"));
    assert_eq!(
        text(&one(&container, "[data-testid=reporting-note]")),
        "Reporting note: The Associated Press contributed to this report."
    );
    assert_eq!(
        one(&container, "main").tag_name(),
        "MAIN",
        "the article sits in the main landmark"
    );
    assert_eq!(one(&container, "[lang]").get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn direct_quotes_render_as_q_elements_that_name_their_speaker() {
    let article = seed_article();
    let (container, _mounted) = mount_article_view(article, ignore_navigation());
    let quotes = all(&container, "[data-testid=article-body] section q");
    assert_eq!(quotes.len(), 8);
    assert_eq!(text(&quotes[0]), "long and substantive");
    assert_eq!(
        quotes[0].get_attribute("data-speaker").as_deref(),
        Some("Volodymyr Zelensky")
    );
}

#[wasm_bindgen_test]
async fn the_related_sidebar_leaves_no_empty_box_when_an_article_has_no_related_articles() {
    let mut article = seed_article();
    article.related.clear();
    let (container, _mounted) = mount_article_view_after_first_paint(article, ignore_navigation()).await;
    // What comes after the first paint is there, so the sidebar had its chance to appear.
    assert!(!all(&container, "[data-testid=context-note]").is_empty());
    assert!(all(&container, "[data-testid=related]").is_empty());
    assert!(all(&container, "aside")
        .iter()
        .all(|aside| aside.get_attribute("data-testid").as_deref() != Some("related")));
}

#[wasm_bindgen_test]
fn hostile_strings_in_article_data_render_as_text_and_never_as_markup() {
    let hostile = "<img src=x onerror=\"window.__lede_pwned=1\"><script>window.__lede_pwned=1</script>";
    let json = SEED_JSON.replacen(
        "\"headline\": \"Zelensky Hails",
        &format!("\"headline\": {:?}, \"x\": \"", hostile),
        1,
    );
    let article = match parse_article(&json, "hostile.json") {
        Ok(parsed) => std::sync::Arc::unwrap_or_clone(parsed.article),
        Err(error) => panic!("{error}"),
    };
    let (container, _mounted) = mount_article_view(article, ignore_navigation());
    assert_eq!(text(&one(&container, "h1")), hostile);
    assert!(
        all(&container, "img, script").is_empty(),
        "no element was created from the string"
    );
    let pwned = js_sys::Reflect::get(&window(), &"__lede_pwned".into()).unwrap_or_default();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn every_block_type_of_the_long_form_fixture_renders_as_its_element() {
    let article = fixture_article(LONG_FORM_JSON, "peace-talks-explainer");
    let (container, _mounted) = mount_article_view_after_first_paint(article, ignore_navigation()).await;
    let body = one(&container, "[data-testid=article-body]");
    let count = |selector: &str| {
        body.query_selector_all(selector)
            .map(|nodes| nodes.length())
            .unwrap_or(0)
    };
    assert_eq!(count("h3.lede-article-block__subheading"), 1, "sub-heading");
    assert_eq!(count("figure > blockquote"), 1, "block quote");
    assert!(text(&one(
        &container,
        "figure > figcaption.lede-article-block__quote-speaker"
    ))
    .contains("Volodymyr Zelensky, President of Ukraine, on X"));
    assert_eq!(count(".lede-article-block__pull-quote"), 1, "pull quote");
    assert_eq!(count("ol"), 1, "ordered list");
    assert_eq!(
        count("ul.lede-article-block__list"),
        1,
        "unordered list inside the fact box"
    );
    assert_eq!(count("aside.lede-fact-box h3"), 1, "fact box with its title");
    assert_eq!(count("hr"), 1, "divider");
    assert_eq!(
        one(&container, ".lede-link-card a").get_attribute("href").as_deref(),
        Some("https://reader.example/articles/initial-plan-criticism"),
        "a link card's relative URL is resolved against the article's address"
    );
    assert!(text(&one(&container, "[data-testid=corrections]")).contains("updated to add the timeline"));
    assert_eq!(all(&container, "[data-testid=tags] li").len(), 3);
}

#[wasm_bindgen_test]
async fn every_picture_reserves_its_space_with_width_and_height_and_only_the_lead_picture_loads_eagerly() {
    let article = fixture_article(LONG_FORM_JSON, "peace-talks-explainer");
    let (container, _mounted) = mount_article_view_after_first_paint(article, ignore_navigation()).await;
    let images = all(&container, "img");
    assert_eq!(images.len(), 3, "lead picture, figure and related-card picture");
    for image in &images {
        assert!(
            image.get_attribute("width").is_some_and(|w| w != "0"),
            "width on {:?}",
            image.get_attribute("src")
        );
        assert!(
            image.get_attribute("height").is_some_and(|h| h != "0"),
            "height on {:?}",
            image.get_attribute("src")
        );
        assert!(
            image.get_attribute("alt").is_some(),
            "an alt attribute, empty only for decoration"
        );
    }
    let eager: Vec<_> = images
        .iter()
        .filter(|image| image.get_attribute("loading").as_deref() == Some("eager"))
        .collect();
    assert_eq!(eager.len(), 1);
    assert_eq!(
        eager[0].get_attribute("srcset").as_deref(),
        Some("https://reader.example/articles/images/week-timeline-640.svg 640w, https://reader.example/articles/images/week-timeline-1280.svg 1280w")
    );
}

#[wasm_bindgen_test]
fn a_right_to_left_article_sets_lang_and_dir_on_its_root() {
    let article = fixture_article(RIGHT_TO_LEFT_JSON, "zelensky-call-ar");
    let (container, _mounted) = mount_article_view(article, ignore_navigation());
    let root = one(&container, "[lang]");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(
        text(&one(&container, "h1")),
        "زيلينسكي يشيد باتصال «مطوّل وجوهري» مع كوشنر وويتكوف"
    );
}

// Regression: in the Arabic fixture the reading time, an English interface string, was laid
// out by the article's right-to-left direction and read "min read 1". It must be isolated
// as left-to-right English.
#[wasm_bindgen_test]
fn the_english_reading_time_inside_a_right_to_left_article_is_isolated_as_left_to_right() {
    let article = fixture_article(RIGHT_TO_LEFT_JSON, "zelensky-call-ar");
    let (container, _mounted) = mount_article_view(article, ignore_navigation());
    let reading_time = one(&container, ".lede-article-header__reading-time");
    assert_eq!(text(&reading_time), "1 min read");
    assert_eq!(reading_time.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(reading_time.get_attribute("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn the_first_section_is_marked_current_before_any_scrolling() {
    let (container, _mounted) = mount_article_view(seed_article(), ignore_navigation());
    let current: Vec<String> = all(&container, "nav[data-testid=section-nav] a[aria-current=location]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(current, ["Zelensky Praises Detailed Call With Kushner And Witkoff"]);
}

// Regression: when every article's first blocks came in a second task, a related-article
// click waited a second frame for them, about 60 ms instead of 40 to the painted article.
// A body within the first chunk is rendered with its header.
#[wasm_bindgen_test]
fn a_short_article_renders_its_header_section_list_and_body_in_one_task() {
    let (container, _mounted) = mount_article_view(seed_article(), ignore_navigation());
    assert_eq!(all(&container, "h1").len(), 1);
    assert_eq!(all(&container, "nav[data-testid=section-nav] li").len(), 4);
    assert_eq!(all(&container, "section.lede-article-section").len(), 4);
}

#[wasm_bindgen_test]
async fn who_said_what_lists_each_speakers_quotes_linking_to_the_paragraphs_that_hold_them() {
    let (container, _mounted) = mount_article_view_after_first_paint(seed_article(), ignore_navigation()).await;
    let index = one(&container, "details[data-testid=quote-index]");
    assert!(text(&one(&container, "details[data-testid=quote-index] summary")).contains("(8 quotes)"));
    // The list is built when the disclosure is first opened.
    assert!(all(&container, "details[data-testid=quote-index] a").is_empty());
    one(&container, "details[data-testid=quote-index] summary")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    wait_until("the quote list is built", || {
        !all(&container, "details[data-testid=quote-index] a").is_empty()
    })
    .await;
    let links = all(&container, "details[data-testid=quote-index] a");
    assert_eq!(links.len(), 8);
    for link in &links {
        let target = link.get_attribute("href").unwrap_or_default();
        assert_eq!(
            all(&container, &format!("[data-testid=article-body] section {target}")).len(),
            1,
            "{target} is a paragraph of the body"
        );
    }
    assert!(text(&index).contains("Yury Ushakov, Kremlin aide"));
}

#[wasm_bindgen_test]
async fn a_very_long_article_shows_its_header_at_once_its_first_blocks_next_and_the_rest_after_paints() {
    let (container, _mounted) = mount_article_view(long_article(50, 20), ignore_navigation());
    // The first render is the header alone: with the section list and the first blocks it
    // was one task of 60 to 90 ms for a long article on a slow phone.
    assert_eq!(all(&container, "h1").len(), 1, "the header is in the first render");
    assert!(
        all(&container, "section.lede-article-section").is_empty()
            && all(&container, "nav[data-testid=section-nav]").is_empty(),
        "the section list and the blocks come in a task of their own"
    );
    lede::platform::frames::yield_to_browser().await;
    assert_eq!(all(&container, "nav[data-testid=section-nav] li").len(), 50);
    let first = all(&container, "section.lede-article-section").len();
    assert!(
        (1..50).contains(&first),
        "only the first chunk before any paint: {first}"
    );
    wait_until("every section is rendered", || {
        all(&container, "section.lede-article-section").len() == 50
    })
    .await;
    let ids: Vec<String> = all(&container, "section.lede-article-section")
        .iter()
        .map(|s| s.id())
        .collect();
    assert_eq!(ids.first().map(String::as_str), Some("part-0"));
    assert_eq!(ids.last().map(String::as_str), Some("part-49"), "in order");
}
