//! Native tests of the article format: the shipped articles, validation rules, and the
//! view data built from an article. They run with plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use lede::config::DEFAULT_ARTICLE_ID;
use lede::model::slug::Slug;
use lede::model::plain_text::plain_text;
use lede::reading::bylines::{reading_time_minutes, reporting_note};
use lede::reading::navigation::section_nav_items;
use lede::reading::quotes::quote_index;
use lede::model::{parse_article, ArticleError, BlockKind, CreditKind, ParsedArticle, RelatedTarget, TextDirection};
use lede::routing::{ArticleLocation, Route};

const SEED_ID: &str = "zelensky-kushner-witkoff-call";
const RELATED_IDS: [&str; 4] = [
    "florida-meetings-joint-statement",
    "kremlin-response-27-point-plan",
    "attacks-continue-missiles-drones",
    "initial-plan-criticism",
];

fn read_article_file(id: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/articles")
        .join(format!("{id}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn load(id: &str) -> ParsedArticle {
    // An absolute address, as the app uses, so that relative URLs inside resolve.
    let source = format!("https://reader.example/articles/{id}.json");
    parse_article(&read_article_file(id), &source).unwrap_or_else(|error| panic!("{error}"))
}

/// A small valid article to change one thing at a time in.
fn minimal_article_json() -> serde_json::Value {
    serde_json::json!({
        "schema_version": "1.0.0",
        "id": "minimal",
        "outlet": { "name": "Test Outlet" },
        "category": { "name": "Tests" },
        "headline": "A headline",
        "summary": "A summary.",
        "published": "2025-12-06T18:00:00Z",
        "body": [ { "heading": "First section", "blocks": [ { "type": "paragraph", "text": "One paragraph." } ] } ]
    })
}

fn parse_value(value: &serde_json::Value) -> Result<ParsedArticle, ArticleError> {
    parse_article(&value.to_string(), "test.json")
}

fn problems_of(value: &serde_json::Value) -> Vec<String> {
    match parse_value(value) {
        Err(ArticleError::Invalid { problems, .. }) => problems.iter().map(ToString::to_string).collect(),
        other => panic!("expected validation problems, got {other:?}"),
    }
}

#[test]
fn the_seed_article_renders_every_part_of_the_seed_text() {
    let parsed = load(SEED_ID);
    assert!(
        parsed.warnings.is_empty(),
        "the seed raises no warnings: {:?}",
        parsed.warnings
    );
    let article = parsed.article;
    assert_eq!(article.id.as_str(), SEED_ID);
    assert_eq!(article.outlet.name, "CRBC News");
    assert_eq!(article.category.name, "Conflict");
    assert_eq!(
        article.headline,
        "Zelensky Hails 'Long, Substantive' Call With Kushner and Witkoff as Peace Talks Press On Amid Ongoing Attacks"
    );
    assert!(article
        .summary
        .plain_text()
        .starts_with("President Volodymyr Zelensky lauded a long, substantive phone call"));
    let headings: Vec<&str> = article.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Zelensky Praises Detailed Call With Kushner And Witkoff",
            "Florida Meetings And Joint Statement",
            "Russia's Response And The U.S. Plan",
            "Violence Continues Amid Diplomacy",
        ]
    );
    let n_paragraphs: usize = article.sections.iter().map(|s| s.blocks.len()).sum();
    assert_eq!(n_paragraphs, 7, "the seed has seven body paragraphs");
    let context = article.context.as_ref().map(|c| c.plain_text()).unwrap_or_default();
    assert!(
        context.contains("progress hinges on verifiable steps by Russia"),
        "{context}"
    );
    assert_eq!(article.credits.len(), 1);
    assert_eq!(article.credits[0].kind, CreditKind::Wire);
    assert_eq!(
        reporting_note(&article).as_deref(),
        Some("The Associated Press contributed to this report.")
    );
}

#[test]
fn every_paragraph_of_the_seed_text_appears_verbatim_apart_from_quotation_marks() {
    // The seed story as CRBC News published it, kept in the repository so that this test
    // always runs.
    let seed_text_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/article.txt");
    let seed_text = std::fs::read_to_string(&seed_text_path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", seed_text_path.display()));
    let article = load(SEED_ID).article;
    let rendered = plain_text(&article);
    let without_quotes = |text: &str| text.replace('"', "");
    let rendered = without_quotes(&rendered);
    for paragraph in seed_text.split("\n\n").map(str::trim).filter(|p| p.len() > 80) {
        let paragraph = paragraph
            .trim_start_matches("Summary: ")
            .trim_start_matches("Context: ");
        if paragraph.starts_with("Reporting note:") {
            continue;
        }
        assert!(
            rendered.contains(&without_quotes(paragraph)),
            "missing from the article: {paragraph}"
        );
    }
}

#[test]
fn each_of_the_five_articles_lists_the_other_four_as_related_with_their_real_headlines() {
    let all_ids: Vec<&str> = std::iter::once(SEED_ID).chain(RELATED_IDS).collect();
    for id in &all_ids {
        let article = load(id).article;
        let related_ids: BTreeSet<String> = article
            .related
            .iter()
            .map(|related| match &related.target {
                RelatedTarget::Article(target) => target.to_string(),
                RelatedTarget::External(url) => panic!("{id}: unexpected external related article {url}"),
            })
            .collect();
        let expected: BTreeSet<String> = all_ids
            .iter()
            .filter(|other| *other != id)
            .map(|s| s.to_string())
            .collect();
        assert_eq!(related_ids, expected, "{id} lists the other four");
        for related in &article.related {
            let RelatedTarget::Article(target) = &related.target else {
                continue;
            };
            let target_article = load(target.as_str()).article;
            assert_eq!(
                related.headline, target_article.headline,
                "{id} -> {target}: headline matches the article"
            );
            assert_eq!(
                related.published.as_ref(),
                Some(&target_article.published),
                "{id} -> {target}: date matches"
            );
        }
    }
}

#[test]
fn every_related_article_is_complete_with_sections_and_a_reporting_note() {
    for id in RELATED_IDS {
        let parsed = load(id);
        assert!(parsed.warnings.is_empty(), "{id}: {:?}", parsed.warnings);
        assert_eq!(parsed.article.outlet.name, "CRBC News");
        assert_eq!(parsed.article.category.name, "Conflict");
        assert!(parsed.article.sections.len() >= 2, "{id} has at least two sections");
        assert!(reporting_note(&parsed.article).is_some(), "{id} credits its sources");
    }
}

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
fn routes_map_paths_to_articles_and_refuse_anything_that_is_not_a_slug() {
    assert_eq!(Route::from_path("/"), Route::Home);
    assert_eq!(Route::Home.article_location(), Some(ArticleLocation::Default));
    assert_eq!(
        Slug::parse(DEFAULT_ARTICLE_ID),
        Ok(Slug::from_literal(DEFAULT_ARTICLE_ID)),
        "the default id literal is a slug"
    );
    let slug = |text: &str| Slug::parse(text).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        Route::from_path("/articles/initial-plan-criticism"),
        Route::Article(slug("initial-plan-criticism"))
    );
    assert_eq!(
        Route::from_path("/articles/initial-plan-criticism/"),
        Route::Article(slug("initial-plan-criticism"))
    );
    assert_eq!(
        Route::from_path("/articles/..%2Fsecret"),
        Route::NotFound("/articles/..%2Fsecret".to_owned())
    );
    assert_eq!(Route::from_path("/elsewhere"), Route::NotFound("/elsewhere".to_owned()));
    assert_eq!(Route::Article(slug("a-b")).path(), "/articles/a-b");
    let source = Route::from_location("/", "?src=https%3A%2F%2Fpartner.example%2Fa.json&x=1");
    assert_eq!(source, Route::Source("https://partner.example/a.json".to_owned()));
    assert_eq!(source.path(), "/?src=https%3A%2F%2Fpartner.example%2Fa.json");
    assert_eq!(Route::from_location("/", "?src="), Route::Home);
    assert_eq!(
        Route::from_location("/articles/a-b", "?src=https%3A%2F%2Fx.example%2F"),
        Route::Article(slug("a-b"))
    );
}

#[test]
fn wire_inline_text_round_trips_between_string_and_run_forms() {
    use lede::model::wire::WireArticle;
    let original: WireArticle = serde_json::from_str(&read_article_file(SEED_ID)).unwrap_or_else(|e| panic!("{e}"));
    let again: WireArticle =
        serde_json::from_str(&serde_json::to_string(&original).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(original, again);
}

fn fixtures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[test]
fn every_malformed_fixture_is_refused_with_exactly_its_documented_message() {
    let malformed = fixtures_dir().join("malformed");
    let mut n_checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&malformed)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
    {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let json = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
        let expected_path = path.with_extension("expected");
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{name} needs its expected message in {}: {e}", expected_path.display()));
        let error = parse_article(&json, &format!("fixtures/malformed/{name}"))
            .err()
            .unwrap_or_else(|| panic!("{name} was accepted"));
        assert_eq!(error.to_string(), expected.trim_end(), "{name}");
        n_checked += 1;
    }
    assert!(n_checked >= 10, "only {n_checked} malformed fixtures were found");
}

#[test]
fn the_minimal_fixture_needs_only_the_required_fields() {
    let article = load("minimal-article").article;
    assert_eq!(article.sections.len(), 1);
    assert_eq!(article.language, "en");
    assert_eq!(article.direction, TextDirection::LeftToRight);
    assert!(article.related.is_empty() && article.credits.is_empty() && article.context.is_none());
}

#[test]
fn the_long_form_fixture_uses_every_block_type_and_every_optional_part() {
    let parsed = parse_article(
        &read_article_file("peace-talks-explainer"),
        "https://reader.example/articles/peace-talks-explainer.json",
    )
    .unwrap_or_else(|error| panic!("{error}"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let article = parsed.article;
    fn kinds(blocks: &[lede::model::Block], seen: &mut BTreeSet<&'static str>) {
        for block in blocks {
            if let BlockKind::FactBox { blocks: inner, .. } = &block.kind {
                kinds(inner, seen);
            }
            seen.insert(match &block.kind {
                BlockKind::Paragraph(_) => "paragraph",
                BlockKind::Subheading(_) => "subheading",
                BlockKind::Quote { .. } => "quote",
                BlockKind::PullQuote { .. } => "pull_quote",
                BlockKind::List { ordered: true, .. } => "ordered list",
                BlockKind::List { ordered: false, .. } => "unordered list",
                BlockKind::Figure(_) => "figure",
                BlockKind::FactBox { .. } => "fact_box",
                BlockKind::Divider => "divider",
                BlockKind::LinkCard { .. } => "link_card",
            });
        }
    }
    let mut seen = BTreeSet::new();
    for section in &article.sections {
        kinds(&section.blocks, &mut seen);
    }
    assert_eq!(seen.len(), 10, "every block type appears: {seen:?}");
    assert!(
        article.lead_image.is_some()
            && article.updated.is_some()
            && !article.corrections.is_empty()
            && !article.tags.is_empty()
    );
    let lead = article
        .lead_image
        .as_ref()
        .map(|image| image.srcset())
        .unwrap_or_default();
    assert_eq!(
        lead,
        "https://reader.example/articles/images/week-timeline-640.svg 640w, https://reader.example/articles/images/week-timeline-1280.svg 1280w",
        "relative image URLs resolve against the document's address"
    );
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
fn the_right_to_left_fixture_is_arabic_and_right_to_left() {
    let article = load("zelensky-call-ar").article;
    assert_eq!(article.language, "ar");
    assert_eq!(article.direction, TextDirection::RightToLeft);
    assert_eq!(quote_index(&article).len(), 1);
}

#[test]
fn the_json_reader_reads_every_valid_fixture_exactly_as_the_serde_derives_describe_it() {
    use lede::model::json::parse_json;
    use lede::model::read::WireReader;
    use lede::model::wire::WireArticle;
    for id in all_valid_fixture_ids() {
        let json = read_article_file(&id);
        let by_serde: WireArticle = serde_json::from_str(&json).unwrap_or_else(|error| panic!("{id}: {error}"));
        let mut reader = WireReader::default();
        let by_reader = reader.article(&parse_json(&json).unwrap_or_else(|error| panic!("{id}: {error:?}")));
        assert!(reader.problems.is_empty(), "{id}: {:?}", reader.problems);
        assert_eq!(by_reader, by_serde, "{id}");
    }
}

fn all_valid_fixture_ids() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(fixtures_dir().join("articles"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .filter_map(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .strip_suffix(".json")
                .map(str::to_owned)
        })
        .collect();
    ids.sort();
    ids
}

/// The schema published in `dist/schema/` is generated from the wire types. Run with
/// `LEDE_WRITE_SCHEMA=1` after changing the format to rewrite `schema/article.schema.json`.
#[test]
fn the_published_json_schema_is_the_one_generated_from_the_rust_types() {
    let mut generated = schemars::schema_for!(lede::model::wire::WireArticle);
    generated.insert(
        "$id".to_owned(),
        serde_json::json!("https://lede.example/schema/article.schema.json"),
    );
    generated.insert("title".to_owned(), serde_json::json!("Lede article, format version 1"));
    let generated = serde_json::to_string_pretty(&generated).unwrap_or_default() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/article.schema.json");
    if std::env::var_os("LEDE_WRITE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&path, &generated).unwrap_or_else(|e| panic!("{e}"));
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/article.schema.json is stale: run `LEDE_WRITE_SCHEMA=1 cargo test --test model`"
    );
}

#[test]
fn every_valid_fixture_validates_against_the_published_schema_and_every_malformed_one_is_caught_somewhere() {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/article.schema.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let validator =
        jsonschema::validator_for(&schema).unwrap_or_else(|error| panic!("the schema itself is invalid: {error}"));
    for id in all_valid_fixture_ids() {
        let document: serde_json::Value =
            serde_json::from_str(&read_article_file(&id)).unwrap_or_else(|e| panic!("{id}: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|error| format!("{} at {}", error, error.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{id} does not match the schema: {errors:#?}");
    }
    // The schema describes shape, not every rule: a wrongly typed document fails it too.
    let wrong_types: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures_dir().join("malformed/wrong-types.json")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!validator.is_valid(&wrong_types));
}

fn article_with_body(body: serde_json::Value) -> serde_json::Value {
    let mut value = minimal_article_json();
    value["body"] = body;
    value
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
fn reader_settings_survive_their_stored_form_and_damaged_values_fall_back_to_defaults() {
    use lede::reader_settings::{LineWidth, ReaderSettings, Theme};
    let chosen = ReaderSettings {
        text_size: 3,
        line_width: LineWidth::Wide,
        theme: Theme::Sepia,
    };
    assert_eq!(chosen.to_storage_text(), "text=3;width=wide;theme=sepia");
    assert_eq!(ReaderSettings::from_storage_text(&chosen.to_storage_text()), chosen);
    assert_eq!(
        ReaderSettings::from_storage_text("text=99;width=huge;theme=neon;future=1"),
        ReaderSettings::default()
    );
    assert_eq!(ReaderSettings::from_storage_text(""), ReaderSettings::default());
    let largest = (0..10).fold(ReaderSettings::default(), |settings, _| settings.larger_text());
    assert_eq!(largest.text_percent(), 150);
    assert_eq!(ReaderSettings::default().larger_text().text_percent(), 110);
    let smallest = (0..10).fold(ReaderSettings::default(), |settings, _| settings.smaller_text());
    assert_eq!(smallest.text_percent(), 90);
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

#[test]
fn the_reader_config_reads_sources_and_refuses_anything_that_is_not_a_bare_origin() {
    use lede::config::ReaderConfig;
    let shipped = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config/lede.config.json"))
        .unwrap_or_default();
    assert_eq!(
        ReaderConfig::parse(&shipped),
        Ok(ReaderConfig::default()),
        "the shipped file says what the defaults say"
    );

    let config = ReaderConfig::parse(
        r#"{ "articles_base_url": "https://cdn.outlet.example/news", "article_urls": { "special": "https://outlet.example/special.json" },
             "allowed_source_origins": ["https://partner.example", "http://127.0.0.1:8081/"], "unknown": 1 }"#,
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let slug = |text: &str| Slug::parse(text).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(config.article_url(&slug("x")), "https://cdn.outlet.example/news/x.json");
    assert_eq!(
        config.article_url(&slug("special")),
        "https://outlet.example/special.json"
    );
    assert!(config.allows_source("https://partner.example/articles/a.json"));
    assert!(config.allows_source("http://127.0.0.1:8081/articles/a.json"));
    assert!(!config.allows_source("https://partner.example.evil.example/a.json"));
    assert!(
        !config.allows_source("http://partner.example/a.json"),
        "the scheme is part of the origin"
    );
    assert!(!config.allows_source("javascript:alert(1)"));
    assert!(!config.allows_source("/relative.json"));

    assert_eq!(
        ReaderConfig::parse(r#"{ "allowed_source_origins": ["https://partner.example/path"] }"#),
        Err("allowed_source_origins[0]: \"https://partner.example/path\" is not an origin such as \"https://outlet.example\"".to_owned())
    );
    assert_eq!(
        ReaderConfig::parse(r#"{ "default_article": 7 }"#),
        Err("default_article: a number is the wrong kind of value".to_owned())
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
