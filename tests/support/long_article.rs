//! A generated long article, shared by the native chunking tests and the browser tests.

/// The JSON of an article with `sections` sections of `paragraphs` paragraphs each.
pub fn long_article_json(sections: usize, paragraphs: usize) -> String {
    let body: Vec<String> = (0..sections)
        .map(|s| {
            let blocks: Vec<String> = (0..paragraphs)
                .map(|p| format!(r#"{{"type": "paragraph", "text": "Paragraph {p} of part {s}."}}"#))
                .collect();
            format!(
                r#"{{"id": "part-{s}", "heading": "Part {s}", "blocks": [{}]}}"#,
                blocks.join(",")
            )
        })
        .collect();
    format!(
        r#"{{"schema_version": "1.0.0", "id": "long", "language": "en", "outlet": {{"name": "CRBC News"}},
            "category": {{"name": "Conflict"}}, "headline": "A long article", "summary": "Long.",
            "published": "2025-12-06T19:30:00Z", "body": [{}]}}"#,
        body.join(",")
    )
}
