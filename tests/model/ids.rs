//! Anchor ids: given ones claimed, missing ones generated from content, never colliding.

use super::*;

#[test]
fn missing_ids_are_generated_from_content_and_are_the_same_on_every_load() {
    let value = minimal_article_json();
    let first = parse_value(&value).unwrap_or_else(|error| panic!("{error}")).article;
    let second = parse_value(&value).unwrap_or_else(|error| panic!("{error}")).article;
    assert_eq!(first.sections[0].id.as_str(), "first-section");
    assert!(first.sections[0].blocks[0].id.as_str().starts_with("p-"));
    assert_eq!(first.sections[0].blocks[0].id, second.sections[0].blocks[0].id);
}

#[test]
fn duplicate_ids_given_by_the_outlet_are_refused() {
    let mut value = minimal_article_json();
    value["body"] = serde_json::json!([
        { "id": "same", "heading": "One", "blocks": [ { "type": "paragraph", "text": "a" } ] },
        { "id": "same", "heading": "Two", "blocks": [ { "type": "paragraph", "text": "b" } ] }
    ]);
    assert_eq!(problems_of(&value), ["body[1].id: id \"same\" is used more than once"]);
}

#[test]
fn generated_ids_never_collide_with_each_other_or_with_given_ids() {
    let mut value = minimal_article_json();
    value["body"] = serde_json::json!([
        { "heading": "Same heading", "blocks": [ { "type": "paragraph", "text": "a" } ] },
        { "heading": "Same heading", "blocks": [ { "type": "paragraph", "text": "a" } ] },
        { "id": "same-heading-2", "heading": "Other", "blocks": [ { "type": "paragraph", "text": "b" } ] }
    ]);
    let article = parse_value(&value).unwrap_or_else(|error| panic!("{error}")).article;
    let ids: Vec<&str> = article.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["same-heading", "same-heading-3", "same-heading-2"]);
    let block_ids: BTreeSet<&str> = article
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter().map(|b| b.id.as_str()))
        .collect();
    assert_eq!(block_ids.len(), 3, "identical paragraphs still get distinct anchors");
}

// Regression: 20,000 identical paragraphs hash to the same generated id, and the suffix
// search restarted at "-2" for each one, so validation took quadratic time (about 50 s
// natively): a denial of service on a phone from one hostile document.
#[test]
fn thousands_of_identical_blocks_get_distinct_ids_in_linear_time() {
    let blocks: Vec<serde_json::Value> = (0..lede::model::validate::MAX_BLOCKS)
        .map(|_| serde_json::json!({ "type": "paragraph", "text": "Same." }))
        .collect();
    let started = std::time::Instant::now();
    let article = parse_value(&article_with_body(
        serde_json::json!([ { "heading": "H", "blocks": blocks } ]),
    ))
    .unwrap_or_else(|error| panic!("{error}"))
    .article;
    let elapsed = started.elapsed();
    let ids: BTreeSet<&str> = article.sections[0]
        .blocks
        .iter()
        .map(|block| block.id.as_str())
        .collect();
    assert_eq!(ids.len(), lede::model::validate::MAX_BLOCKS);
    assert!(
        elapsed < std::time::Duration::from_secs(2),
        "validation took {elapsed:?}"
    );
}

// Regression guard: generated ids are hashed from a block's text piece by piece since the
// validator stopped copying each block's text to hash it. A permalink shared yesterday
// must still find its block, so the ids of every kind of block stay what they were.
#[test]
fn generated_block_ids_are_the_ones_earlier_versions_generated() {
    let mut value = minimal_article_json();
    value["body"] = serde_json::json!([
        { "heading": "Every kind", "blocks": [
            { "type": "paragraph", "text": ["Two ", { "text": "runs", "marks": ["bold"] }, "."] },
            { "type": "subheading", "text": "A subheading" },
            { "type": "quote", "text": "Quoted words.", "speaker": { "name": "A Speaker" } },
            { "type": "list", "style": "unordered", "items": ["First item", ["Second ", "item"]] },
            { "type": "fact_box", "title": "Facts", "blocks": [
                { "type": "paragraph", "text": "One fact." },
                { "type": "list", "style": "ordered", "items": ["a", "b"] }
            ] },
            { "type": "link_card", "url": "https://example.com/story", "title": "A story", "description": "About it" },
            { "type": "divider" }
        ] }
    ]);
    let article = parse_value(&value).unwrap_or_else(|error| panic!("{error}")).article;
    let ids: Vec<&str> = article.sections[0]
        .blocks
        .iter()
        .map(|block| block.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "p-16jmop",
            "h-icynw8",
            "q-r6t212",
            "l-1h48w7d",
            "b-87p8n",
            "c-hgow1",
            "d-ztntfp"
        ]
    );
}

// Regression: a generated id was a 100-character slug plus "-2", over the limit; it became
// no id at all, and the second section with the same long heading vanished without a word.
#[test]
fn sections_with_the_same_long_heading_all_survive_with_valid_unique_ids() {
    let mut value = minimal_article_json();
    let heading = "A very long heading ".repeat(8);
    let section = serde_json::json!({ "heading": heading, "blocks": [ { "type": "paragraph", "text": "Text." } ] });
    value["body"] = serde_json::json!([section.clone(), section.clone(), section]);
    let parsed = parse_value(&value).unwrap_or_else(|error| panic!("{error}"));
    let ids: Vec<&str> = parsed.article.sections.iter().map(|section| section.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "every section is kept: {ids:?}");
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 3, "the ids differ: {ids:?}");
    for id in &ids {
        assert!(Slug::parse(id).is_ok(), "{id} is a valid slug");
    }
    assert!(ids[1].ends_with("-2") && ids[2].ends_with("-3"), "{ids:?}");
}

// Regression: a block whose given id was a 100-character heading's slug pushed that
// section's generated id over the limit, and the section was dropped silently.
#[test]
fn a_block_id_equal_to_a_long_headings_slug_does_not_drop_the_section() {
    let mut value = minimal_article_json();
    let heading = "b".repeat(100);
    value["body"] = serde_json::json!([
        { "heading": "First", "blocks": [ { "type": "paragraph", "id": heading, "text": "Text." } ] },
        { "heading": heading, "blocks": [ { "type": "paragraph", "text": "More." } ] }
    ]);
    let parsed = parse_value(&value).unwrap_or_else(|error| panic!("{error}"));
    let sections = &parsed.article.sections;
    assert_eq!(sections.len(), 2);
    assert_ne!(sections[1].id.as_str(), heading);
    assert!(sections[1].id.as_str().len() <= 100);
}
