//! The reader's configuration file.

use super::*;

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
