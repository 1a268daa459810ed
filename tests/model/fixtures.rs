//! The shipped articles: the seed and its four related stories, the minimal, long-form and
//! right-to-left fixtures, the malformed ones with their messages, and the JSON Schema.

use super::*;

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
