//! What the reading view derives from an article (`lede::reading`): the section list,
//! the quote index, the reading time and the JSON-LD.

use super::*;

#[test]
fn the_section_navigation_has_one_item_per_section_in_order() {
    let article = load(SEED_ID).article;
    let items = section_nav_items(&article);
    let anchors: Vec<&str> = items.iter().map(|item| item.anchor_id.as_str()).collect();
    assert_eq!(
        anchors,
        [
            "detailed-call",
            "florida-meetings",
            "russias-response",
            "violence-continues"
        ]
    );
    assert_eq!(items[2].label, "Russia's Response And The U.S. Plan");
}

#[test]
fn the_quote_index_lists_every_direct_quote_with_its_speaker() {
    let article = load(SEED_ID).article;
    let quotes = quote_index(&article);
    let speakers_and_words: Vec<(&str, &str)> = quotes
        .iter()
        .map(|q| (q.speaker.name.as_str(), q.text.as_str()))
        .collect();
    assert!(speakers_and_words.contains(&(
        "Volodymyr Zelensky",
        "I am grateful for a very focused, constructive discussion,"
    )));
    assert!(speakers_and_words.contains(&("Yury Ushakov", "constructive and substantive,")));
    assert!(speakers_and_words.contains(&("Vladimir Putin", "necessary")));
    assert_eq!(quotes.len(), 8, "{speakers_and_words:#?}");
    let first_block = &article.sections[0].blocks[0];
    assert_eq!(
        quotes[0].block_anchor_id,
        first_block.id.as_str(),
        "a quote links to the paragraph that holds it"
    );
    assert!(matches!(first_block.kind, BlockKind::Paragraph(_)));
}

#[test]
fn reading_time_rounds_up_and_is_at_least_one_minute() {
    let seed = load(SEED_ID).article;
    assert_eq!(reading_time_minutes(&seed), 2, "the seed body has about 390 words");
    let minimal = parse_value(&minimal_article_json())
        .unwrap_or_else(|error| panic!("{error}"))
        .article;
    assert_eq!(reading_time_minutes(&minimal), 1);
}

#[test]
fn the_quote_index_finds_quotes_in_lists_and_fact_boxes_and_links_them_to_the_enclosing_box() {
    let speaker = serde_json::json!({ "name": "A Speaker" });
    let value = article_with_body(serde_json::json!([ { "heading": "H", "blocks": [
        { "type": "list", "id": "the-list", "style": "unordered", "items": [ [ { "text": "listed words", "quote": speaker } ] ] },
        { "type": "fact_box", "id": "the-box", "title": "Box", "blocks": [ { "type": "paragraph", "text": [ { "text": "boxed words", "quote": speaker } ] } ] },
        { "type": "pull_quote", "text": "repeated words", "speaker": speaker }
    ] } ]));
    let article = parse_value(&value).unwrap_or_else(|error| panic!("{error}")).article;
    let entries: Vec<(String, String)> = quote_index(&article)
        .into_iter()
        .map(|q| (q.text, q.block_anchor_id))
        .collect();
    assert_eq!(
        entries,
        [
            ("listed words".to_owned(), "the-list".to_owned()),
            ("boxed words".to_owned(), "the-box".to_owned())
        ]
    );
}

#[test]
fn the_quote_index_groups_quotes_by_speaker_in_order_of_first_appearance() {
    let article = load(SEED_ID).article;
    let groups = lede::reading::quotes::quotes_by_speaker(&article);
    let summary: Vec<(&str, usize)> = groups
        .iter()
        .map(|group| (group.speaker.name.as_str(), group.quotes.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("Volodymyr Zelensky", 4),
            ("Jared Kushner, Steve Witkoff, Rustem Umerov and Andriy Hnatov", 1),
            ("Yury Ushakov", 1),
            ("Vladimir Putin", 2),
        ]
    );
}

#[test]
fn the_news_article_json_ld_is_valid_json_with_the_articles_facts() {
    let article = load(SEED_ID).article;
    let json_ld = lede::reading::json_ld::news_article_json_ld(
        &article,
        "https://reader.example/articles/zelensky-kushner-witkoff-call",
    );
    let value: serde_json::Value = serde_json::from_str(&json_ld).unwrap_or_else(|error| panic!("{error}: {json_ld}"));
    assert_eq!(value["@type"], "NewsArticle");
    assert_eq!(value["headline"], article.headline);
    assert_eq!(value["datePublished"], "2025-12-06T19:30:00Z");
    assert_eq!(value["articleSection"], "Conflict");
    assert_eq!(
        value["author"]["name"], "CRBC News",
        "the outlet is the author when there is no byline"
    );
    assert_eq!(value["publisher"]["name"], "CRBC News");
    assert_eq!(
        value["mainEntityOfPage"],
        "https://reader.example/articles/zelensky-kushner-witkoff-call"
    );
}

#[test]
fn json_ld_strings_escape_everything_that_could_break_json_or_close_a_script_element() {
    let hostile = "He said \"</script><script>alert(1)</script>\" \\ \n\u{1} & \u{2028}";
    let literal = lede::reading::json_ld::json_string(hostile);
    assert!(!literal.contains('<') && !literal.contains('>'), "{literal}");
    let parsed: String = serde_json::from_str(&literal).unwrap_or_else(|error| panic!("{error}: {literal}"));
    assert_eq!(parsed, hostile);
}

#[test]
fn the_validation_report_lists_attribute_warnings_first_then_at_most_a_hundred_of_the_articles() {
    use lede::reading::validation_report::{ValidationReport, WARNINGS_LISTED};
    let warnings: Vec<lede::model::Warning> = (0..WARNINGS_LISTED + 7)
        .map(|index| lede::model::Warning {
            path: format!("body[0].blocks[{index}]"),
            message: "unknown block type is skipped".to_owned(),
        })
        .collect();
    let report = ValidationReport::new(&warnings, &["unknown theme \"neon\" on the widget, using the default".to_owned()]);
    assert_eq!(report.lines.len(), WARNINGS_LISTED + 1);
    assert_eq!(report.lines[0].path, "widget");
    assert_eq!(report.lines[1].path, "body[0].blocks[0]");
    assert_eq!(report.unlisted, 7);
    assert_eq!(report.total, WARNINGS_LISTED + 8);
    assert_eq!(report.summary(), format!("{} warnings", WARNINGS_LISTED + 8));
}

#[test]
fn the_validation_report_of_a_clean_article_says_it_was_read_as_written() {
    let report = lede::reading::validation_report::ValidationReport::new(&[], &[]);
    assert!(report.lines.is_empty());
    assert_eq!(report.unlisted, 0);
    assert_eq!(report.summary(), "No warnings: the article was read as written");
}
