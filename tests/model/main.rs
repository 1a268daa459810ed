//! Native tests of the article format and what is built from it, one file per module:
//! the shipped articles (`fixtures`), the format's rules (`validation`), anchor ids (`ids`),
//! the reading view's data (`reading`), and the routes, configuration and settings. The
//! helpers shared by all of them are here. They run with plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

mod config;
mod fixtures;
mod ids;
mod reading;
mod routing;
mod settings;
mod validation;

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

fn fixtures_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
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

fn article_with_body(body: serde_json::Value) -> serde_json::Value {
    let mut value = minimal_article_json();
    value["body"] = body;
    value
}
