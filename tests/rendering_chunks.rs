//! How an article is split for rendering: everything at once when it is ordinary, in
//! chunks after the first screen when it is very long.

use lede::model::parse_article;
use lede::model::view_data::{rendering_chunks, CHUNK_BLOCKS, FIRST_PAINT_BLOCKS};

/// An article with `sections` sections of `paragraphs` paragraphs each.
fn article_json(sections: usize, paragraphs: usize) -> String {
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

fn chunks_of(sections: usize, paragraphs: usize) -> Vec<std::ops::Range<usize>> {
    let parsed = parse_article(&article_json(sections, paragraphs), "https://outlet.example/long.json")
        .unwrap_or_else(|error| panic!("{error}"));
    rendering_chunks(&parsed.article.sections)
}

#[test]
fn an_ordinary_article_renders_in_one_chunk_before_the_first_paint() {
    assert_eq!(chunks_of(4, 5), vec![0..4]);
}

#[test]
fn a_very_long_article_renders_its_first_screen_first_then_chunks_of_whole_sections() {
    let chunks = chunks_of(50, 100);
    assert_eq!(chunks.len(), 50, "a 100-paragraph section is a chunk of its own");
    assert_eq!(chunks[0], 0..1);
    let small = chunks_of(30, 10);
    assert_eq!(small[0], 0..FIRST_PAINT_BLOCKS / 10);
    assert_eq!(small[1].len(), CHUNK_BLOCKS / 10);
}

#[test]
fn the_chunks_cover_every_section_once_and_in_order() {
    for (sections, paragraphs) in [(1, 1), (7, 13), (50, 100), (3, 200), (61, 1)] {
        let chunks = chunks_of(sections, paragraphs);
        let mut next = 0;
        for chunk in &chunks {
            assert_eq!(chunk.start, next);
            assert!(!chunk.is_empty());
            next = chunk.end;
        }
        assert_eq!(next, sections, "{sections} × {paragraphs}");
    }
}
