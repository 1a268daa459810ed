//! The format's rules: what is refused, with which message and JSON path, what is skipped
//! with a warning, and the limits.

use super::*;

#[test]
fn malformed_json_is_refused_with_the_source_line_and_column() {
    let error = parse_article(
        "{\"schema_version\": \"1.0.0\", \"id\": ",
        "https://outlet.example/a.json",
    )
    .unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, ArticleError::Syntax { .. }), "{error:?}");
    assert!(
        message.starts_with("article https://outlet.example/a.json is not valid article json"),
        "{message}"
    );
    assert!(message.contains("line 1 column"), "{message}");
}

#[test]
fn a_document_of_the_wrong_shape_names_the_missing_field() {
    let mut value = minimal_article_json();
    value.as_object_mut().map(|object| object.remove("headline"));
    let message = parse_value(&value).unwrap_err().to_string();
    assert_eq!(
        message,
        "article test.json breaks the article format; headline: is required"
    );
}

#[test]
fn a_javascript_link_is_refused_with_its_json_path() {
    let mut value = minimal_article_json();
    value["body"][0]["blocks"][0]["text"] =
        serde_json::json!(["Click ", { "text": "here", "href": "javascript:alert(1)" }]);
    let problems = problems_of(&value);
    assert_eq!(
        problems,
        ["body[0].blocks[0].text[1].href: scheme \"javascript\" is not allowed"]
    );
}

#[test]
fn data_and_relative_urls_are_refused_and_https_and_mailto_links_are_kept() {
    use lede::model::web_url::{UrlUse, WebUrl};
    assert!(WebUrl::parse("data:text/html,<script>alert(1)</script>", None, UrlUse::Link).is_err());
    assert!(WebUrl::parse("/relative/path", None, UrlUse::Link).is_err());
    assert!(WebUrl::parse("JaVaScRiPt:alert(1)", None, UrlUse::Link).is_err());
    assert!(WebUrl::parse("https://", None, UrlUse::Link).is_err());
    assert!(WebUrl::parse("mailto:desk@outlet.example", None, UrlUse::WebResource).is_err());
    assert!(WebUrl::parse("https://outlet.example/news", None, UrlUse::Link).is_ok());
    assert!(WebUrl::parse("mailto:desk@outlet.example", None, UrlUse::Link).is_ok());
}

#[test]
fn all_problems_are_reported_at_once_each_with_its_path() {
    let mut value = minimal_article_json();
    value["headline"] = serde_json::json!("   ");
    value["published"] = serde_json::json!("yesterday");
    value["id"] = serde_json::json!("../etc/passwd");
    let problems = problems_of(&value);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems.iter().any(|p| p == "headline: must not be empty"),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("published: \"yesterday\" is not an rfc 3339 date-time")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("id: \"../etc/passwd\" is not a slug")),
        "{problems:?}"
    );
}

#[test]
fn an_unknown_major_version_is_a_clear_error_and_unknown_fields_are_ignored() {
    let mut value = minimal_article_json();
    value["schema_version"] = serde_json::json!("2.0.0");
    assert_eq!(
        problems_of(&value),
        ["schema_version: version 2.0.0 is not supported; this reader reads version 1.x"]
    );

    let mut value = minimal_article_json();
    value["schema_version"] = serde_json::json!("1.4.0");
    value["a_field_from_the_future"] = serde_json::json!({ "anything": [1, 2, 3] });
    assert!(parse_value(&value).is_ok());
}

#[test]
fn an_unknown_block_type_is_skipped_with_a_warning_instead_of_failing_the_article() {
    let mut value = minimal_article_json();
    value["body"][0]["blocks"] = serde_json::json!([
        { "type": "hologram", "frames": 12 },
        { "type": "paragraph", "text": "Still here." }
    ]);
    let parsed = parse_value(&value).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(parsed.article.sections[0].blocks.len(), 1);
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].path, "body[0].blocks[0]");
    assert_eq!(parsed.warnings[0].message, "unknown block type is skipped");
}

#[test]
fn a_document_over_the_size_limit_is_refused_before_parsing() {
    let huge = " ".repeat(lede::model::validate::MAX_DOCUMENT_BYTES + 1);
    let error = parse_article(&huge, "big.json").unwrap_err();
    assert!(matches!(error, ArticleError::TooLarge { .. }), "{error:?}");
    assert!(
        error.to_string().starts_with("article big.json is 2097153 bytes"),
        "{error}"
    );
}

#[test]
fn text_direction_follows_the_language_unless_given() {
    let mut value = minimal_article_json();
    value["language"] = serde_json::json!("ar-EG");
    assert_eq!(
        parse_value(&value).map(|p| p.article.direction),
        Ok(TextDirection::RightToLeft)
    );
    value["direction"] = serde_json::json!("ltr");
    assert_eq!(
        parse_value(&value).map(|p| p.article.direction),
        Ok(TextDirection::LeftToRight)
    );
    value["language"] = serde_json::json!("en<script>");
    value["direction"] = serde_json::json!(null);
    assert!(problems_of(&value)[0].starts_with("language: \"en<script>\" is not a bcp 47 language tag"));
}

#[test]
fn wire_inline_text_round_trips_between_string_and_run_forms() {
    use lede::model::wire::WireArticle;
    let original: WireArticle = serde_json::from_str(&read_article_file(SEED_ID)).unwrap_or_else(|e| panic!("{e}"));
    let again: WireArticle =
        serde_json::from_str(&serde_json::to_string(&original).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(original, again);
}

#[test]
fn relative_urls_are_refused_when_the_document_address_is_unknown() {
    let error = parse_article(
        &read_article_file("peace-talks-explainer"),
        "peace-talks-explainer.json",
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("lead_image.sources[0].url: \"images/week-timeline-640.svg\" is relative"),
        "{error}"
    );
}

#[test]
fn more_sections_than_the_limit_are_refused() {
    let sections: Vec<serde_json::Value> = (0..=lede::model::validate::MAX_SECTIONS)
        .map(|n| serde_json::json!({ "heading": format!("Section {n}"), "blocks": [ { "type": "divider" } ] }))
        .collect();
    assert_eq!(
        problems_of(&article_with_body(serde_json::json!(sections))),
        ["body: has 501 sections, more than the limit of 500"]
    );
}

#[test]
fn more_blocks_than_the_limit_are_refused_once_at_the_first_block_over_it() {
    let blocks: Vec<serde_json::Value> = (0..=lede::model::validate::MAX_BLOCKS)
        .map(|_| serde_json::json!({ "type": "divider" }))
        .collect();
    let problems = problems_of(&article_with_body(
        serde_json::json!([ { "heading": "Many", "blocks": blocks } ]),
    ));
    assert_eq!(
        problems,
        ["body[0].blocks[20000]: the article has more than the limit of 20000 blocks"]
    );
}

#[test]
fn fact_boxes_nest_one_level_and_no_deeper() {
    let paragraph = serde_json::json!({ "type": "paragraph", "text": "Inside." });
    let one_level = serde_json::json!({ "type": "fact_box", "title": "Outer", "blocks": [ { "type": "fact_box", "title": "Inner", "blocks": [paragraph] } ] });
    assert!(parse_value(&article_with_body(
        serde_json::json!([ { "heading": "H", "blocks": [one_level] } ])
    ))
    .is_ok());
    let two_levels = serde_json::json!({ "type": "fact_box", "title": "Outer", "blocks": [
        { "type": "fact_box", "title": "Middle", "blocks": [ { "type": "fact_box", "title": "Inner", "blocks": [paragraph] } ] }
    ] });
    assert_eq!(
        problems_of(&article_with_body(
            serde_json::json!([ { "heading": "H", "blocks": [two_levels] } ])
        )),
        ["body[0].blocks[0].blocks[0].blocks: fact boxes may nest at most 2 deep"]
    );
}

#[test]
fn inline_text_with_too_many_runs_or_too_long_a_run_is_refused() {
    let mut value = minimal_article_json();
    value["summary"] = serde_json::json!(vec!["word "; lede::model::validate::MAX_RUNS + 1]);
    assert_eq!(
        problems_of(&value),
        ["summary: has 2001 runs, more than the limit of 2000"]
    );
    let mut value = minimal_article_json();
    value["summary"] = serde_json::json!(["fine", "x".repeat(lede::model::validate::MAX_RUN_CHARS + 1)]);
    assert_eq!(
        problems_of(&value),
        ["summary[1]: text must be at most 50000 characters"]
    );
}

#[test]
fn a_headline_longer_than_the_limit_is_refused_and_quoted_values_in_messages_are_shortened() {
    let mut value = minimal_article_json();
    value["headline"] = serde_json::json!("h".repeat(501));
    assert_eq!(problems_of(&value), ["headline: must be at most 500 characters"]);
    let mut value = minimal_article_json();
    value["published"] = serde_json::json!("y".repeat(1000));
    let problem = &problems_of(&value)[0];
    assert!(
        problem.len() < 200,
        "a hostile value does not become a huge message: {problem}"
    );
}

#[test]
fn credits_lists_and_link_cards_are_checked_against_their_allowed_values() {
    let mut value = minimal_article_json();
    value["credits"] = serde_json::json!([ { "name": "A Wire", "kind": "rumour" } ]);
    assert_eq!(
        problems_of(&value),
        ["credits[0].kind: \"rumour\" is not one of \"staff\", \"wire\", \"freelance\", \"handout\""]
    );

    let value = article_with_body(serde_json::json!([ { "heading": "H", "blocks": [
        { "type": "list", "style": "zigzag", "items": ["one"] },
        { "type": "list", "style": "ordered", "items": [] },
        { "type": "link_card", "url": "javascript:alert(1)", "title": "Trap" }
    ] } ]));
    assert_eq!(
        problems_of(&value),
        [
            "body[0].blocks[0].style: \"zigzag\" is not \"ordered\" or \"unordered\"",
            "body[0].blocks[1].items: must have at least one item",
            "body[0].blocks[2].url: scheme \"javascript\" is not allowed",
        ]
    );
}

#[test]
fn handout_credits_are_named_apart_from_contributors() {
    let mut value = minimal_article_json();
    value["credits"] = serde_json::json!([
        { "name": "The Associated Press", "kind": "wire" },
        { "name": "Reuters", "kind": "wire" },
        { "name": "the Ministry of Defence", "kind": "handout" }
    ]);
    let article = parse_value(&value).unwrap_or_else(|error| panic!("{error}")).article;
    assert_eq!(
        reporting_note(&article).as_deref(),
        Some("The Associated Press and Reuters contributed to this report. Includes material provided by the Ministry of Defence.")
    );
}

// Regression: items of the wrong kind were dropped before validation, so the items after
// them were reported under a shifted index, or not at all.
#[test]
fn every_problem_keeps_its_true_json_path_after_an_item_of_the_wrong_kind() {
    let mut value = minimal_article_json();
    value["tags"] = serde_json::json!([1, ""]);
    value["body"][0]["blocks"] = serde_json::json!([
        5,
        { "type": "paragraph", "text": [ { "text": "x", "href": "javascript:alert(1)" } ] }
    ]);
    let problems = problems_of(&value);
    assert!(problems.iter().any(|problem| problem.starts_with("tags[0]: expected a string")), "{problems:?}");
    assert!(problems.iter().any(|problem| problem.starts_with("tags[1]: must not be empty")), "{problems:?}");
    assert!(problems.iter().any(|problem| problem.starts_with("body[0].blocks[0]: expected an object")), "{problems:?}");
    assert!(
        problems.iter().any(|problem| problem.starts_with("body[0].blocks[1].text[0].href: scheme \"javascript\"")),
        "{problems:?}"
    );
}

#[test]
fn a_leading_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", minimal_article_json());
    let parsed = parse_article(&text, "test.json").unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(parsed.article.headline, "A headline");
}

#[test]
fn a_block_with_an_empty_type_is_skipped_with_a_warning_and_a_missing_type_is_a_problem() {
    let mut value = minimal_article_json();
    value["body"][0]["blocks"] = serde_json::json!([
        { "type": "", "text": "Gone?" },
        { "type": "paragraph", "text": "Kept." }
    ]);
    let parsed = parse_value(&value).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert_eq!(parsed.warnings[0].path, "body[0].blocks[0]");

    value["body"][0]["blocks"][0] = serde_json::json!({ "text": "No type." });
    let problems = problems_of(&value);
    assert_eq!(problems, ["body[0].blocks[0].type: is required"]);
}

#[test]
fn a_link_on_a_run_without_text_is_skipped_with_a_warning() {
    let mut value = minimal_article_json();
    value["body"][0]["blocks"][0]["text"] =
        serde_json::json!([ "Words ", { "text": "", "href": "https://outlet.example/" } ]);
    let parsed = parse_value(&value).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert_eq!(parsed.warnings[0].path, "body[0].blocks[0].text[1]");
}

#[test]
fn a_big_object_with_a_repeated_key_is_refused_at_the_first_repeat() {
    let mut fields: Vec<String> = (0..100).map(|i| format!("\"k{i}\": {i}")).collect();
    fields.push("\"k50\": 1".to_owned());
    fields.push("\"k7\": 1".to_owned());
    let text = format!("{{{}}}", fields.join(", "));
    let error = lede::model::json::parse_json(&text).unwrap_err();
    assert_eq!(error.message, "the key \"k50\" appears twice in one object");
    let small = r#"{"a": 1, "b": 2, "a": 3}"#;
    assert_eq!(lede::model::json::parse_json(small).unwrap_err().message, "the key \"a\" appears twice in one object");
}

// Regression: a comma in an image's address was written into `srcset` verbatim, so
// `a.jpg,b.jpg 100w` could read as two candidates.
#[test]
fn commas_in_image_addresses_are_percent_encoded_in_srcset() {
    let mut value = minimal_article_json();
    value["lead_image"] = serde_json::json!({
        "sources": [
            { "url": "https://img.example/a.jpg,evil.jpg 1w, https://img.example/x.jpg", "width": 400 },
            { "url": "https://img.example/b,c.jpg,", "width": 800 }
        ],
        "width": 800, "height": 600, "alt": "A picture"
    });
    let parsed = parse_value(&value).unwrap_or_else(|error| panic!("{error}"));
    let srcset = parsed.article.lead_image.as_ref().expect("a lead image").srcset();
    let candidates: Vec<&str> = srcset.split(", ").collect();
    assert_eq!(candidates.len(), 2, "{srcset}");
    for candidate in candidates {
        let (url, width) = candidate.split_once(' ').expect("a url and a width");
        assert!(!url.contains(',') && !url.contains(' '), "{candidate}");
        assert!(width.ends_with('w') && !width.contains(' '), "{candidate}");
    }
    assert!(srcset.starts_with("https://img.example/a.jpg%2Cevil.jpg%201w%2C%20https://img.example/x.jpg 400w"), "{srcset}");
}

// Regression: the message of an invalid article named every problem, and the page listed
// every one: a 1.7 MB document with 80,000 problems took the browser 3.6 s to refuse.
#[test]
fn the_message_of_an_article_with_many_problems_names_the_first_twenty_and_counts_the_rest() {
    let mut value = minimal_article_json();
    value["tags"] = serde_json::json!(vec![""; 100]);
    let error = parse_value(&value).expect_err("every tag is empty");
    let message = error.to_string();
    assert_eq!(message.matches("must not be empty").count(), 20, "{message}");
    assert!(message.ends_with("; and 80 more problems"), "{message}");
    let listed = error.listed_problems(50);
    assert_eq!(listed.len(), 51);
    assert_eq!(listed[50], "and 50 more problems");
    assert_eq!(error.problems().len(), 100, "the error itself keeps every problem");
}

#[test]
fn a_related_entry_with_both_an_id_and_a_url_opens_by_id_and_warns_that_the_url_is_ignored() {
    let mut value = minimal_article_json();
    value["related"] = serde_json::json!([
        { "id": "other-story", "url": "https://elsewhere.example/story", "headline": "Another story" }
    ]);
    let parsed = parse_value(&value).unwrap_or_else(|error| panic!("{error}"));
    assert!(matches!(parsed.article.related[0].target, RelatedTarget::Article(_)));
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert_eq!(parsed.warnings[0].path, "related[0].url");
}

#[test]
fn validating_in_steps_of_any_size_gives_the_same_article_or_problems_as_validating_at_once() {
    // The browser validates a long article's body in parts, a task each: the outcome,
    // problems and their order included, must not depend on where the parts end.
    use lede::model::ArticleDocument;
    let mut documents: Vec<(String, String)> = Vec::new();
    for folder in ["fixtures/articles", "fixtures/malformed", "fixtures/adversarial"] {
        for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|extension| extension == "json") {
                documents.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    // Sections of unequal sizes, one of them with a problem, and ids to generate.
    let sections: Vec<String> = (0..9)
        .map(|section| {
            let blocks: Vec<String> = (0..(section * 3 + 1))
                .map(|block| {
                    if section == 4 && block == 2 {
                        r#"{"type": "paragraph", "text": ""}"#.to_owned()
                    } else {
                        format!(r#"{{"type": "paragraph", "text": "Paragraph {section}.{block}."}}"#)
                    }
                })
                .collect();
            format!(r#"{{"heading": "Part", "blocks": [{}]}}"#, blocks.join(","))
        })
        .collect();
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles").join(format!("{SEED_ID}.json"))).unwrap();
    let mut uneven: serde_json::Value = serde_json::from_str(&seed).unwrap();
    uneven["body"] = serde_json::from_str(&format!("[{}]", sections.join(","))).unwrap();
    documents.push(("uneven sections".to_owned(), uneven.to_string()));
    let mut n_compared = 0;
    for (source, json) in &documents {
        if ArticleDocument::parse(json, "https://outlet.example/a.json").is_err() {
            continue;
        }
        let at_once = ArticleDocument::parse(json, "https://outlet.example/a.json").unwrap().read().validate();
        for budget in [0, 1, 5, 1_000] {
            let mut validation = ArticleDocument::parse(json, "https://outlet.example/a.json").unwrap().read().start_validation();
            let mut n_steps = 1;
            while !validation.validate_sections(budget) {
                n_steps += 1;
            }
            if source == "uneven sections" && budget <= 1 {
                assert_eq!(n_steps, 9, "a section per step when each is over the budget");
            }
            assert_eq!(validation.finish(), at_once, "{source}, in steps of {budget} blocks ({n_steps} steps)");
        }
        n_compared += 1;
    }
    assert!(n_compared > 20, "only {n_compared} documents parsed");
    assert!(
        matches!(documents.last(), Some((_, json)) if parse_article(json, "https://outlet.example/a.json").is_err()),
        "the uneven document has its problem"
    );
}
