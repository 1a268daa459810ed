//! How an article is split for rendering: everything at once when it is ordinary, in
//! chunks after the first screen when it is very long.

use lede::model::parse_article;

#[path = "support/long_article.rs"]
mod long_article;
use lede::reading::chunks::{
    compact_rendering_chunks, rendering_chunks, takeover_rendering_chunks, ChunkPace, SectionPart, CHUNK_BLOCKS,
    FIRST_PAINT_BLOCKS, TAKEOVER_CHUNK_BLOCKS,
};
use long_article::long_article_json;

fn chunks_of(sections: usize, paragraphs: usize) -> Vec<Vec<SectionPart>> {
    let parsed = parse_article(
        &long_article_json(sections, paragraphs),
        "https://outlet.example/long.json",
    )
    .unwrap_or_else(|error| panic!("{error}"));
    rendering_chunks(&parsed.article.sections)
}

fn part(section: usize, blocks: std::ops::Range<usize>) -> SectionPart {
    SectionPart { section, blocks }
}

#[test]
fn an_ordinary_article_renders_in_one_chunk_before_the_first_paint() {
    assert_eq!(chunks_of(3, 5), vec![vec![part(0, 0..5), part(1, 0..5), part(2, 0..5)]]);
}

#[test]
fn a_very_long_article_renders_its_first_screen_first_then_small_chunks_that_split_long_sections() {
    let chunks = chunks_of(50, 100);
    assert_eq!(chunks[0], vec![part(0, 0..FIRST_PAINT_BLOCKS)]);
    assert_eq!(
        chunks[1],
        vec![part(0, FIRST_PAINT_BLOCKS..FIRST_PAINT_BLOCKS + CHUNK_BLOCKS)]
    );
    let n_blocks = 50 * 100;
    assert_eq!(chunks.len(), 1 + (n_blocks - FIRST_PAINT_BLOCKS).div_ceil(CHUNK_BLOCKS));
    // A chunk that reaches the end of a section goes on with the next one.
    let crossing = chunks
        .iter()
        .find(|parts| parts.len() > 1)
        .unwrap_or_else(|| panic!("no chunk spans two sections"));
    assert_eq!(crossing[0].blocks.end, 100);
    assert_eq!(crossing[1], part(crossing[0].section + 1, 0..crossing[1].blocks.end));
}

#[test]
fn every_block_is_in_exactly_one_chunk_in_order_and_no_chunk_is_larger_than_its_limit() {
    for (sections, paragraphs) in [(1, 1), (7, 13), (50, 100), (3, 200), (61, 1), (2, FIRST_PAINT_BLOCKS)] {
        let chunks = chunks_of(sections, paragraphs);
        let mut next = (0, 0);
        for (index, parts) in chunks.iter().enumerate() {
            let size: usize = parts.iter().map(|part| part.blocks.len()).sum();
            let limit = if index == 0 { FIRST_PAINT_BLOCKS } else { CHUNK_BLOCKS };
            assert!(
                size <= limit,
                "chunk {index} of {sections} × {paragraphs} has {size} blocks"
            );
            if index + 1 < chunks.len() {
                assert_eq!(size, limit, "only the last chunk may be short");
            }
            for part in parts {
                if part.blocks.start == 0 && next.1 == paragraphs {
                    next = (next.0 + 1, 0);
                }
                assert_eq!((part.section, part.blocks.start), next, "{sections} × {paragraphs}");
                assert!(!part.blocks.is_empty());
                next = (part.section, part.blocks.end);
            }
        }
        assert_eq!(next, (sections - 1, paragraphs), "{sections} × {paragraphs}");
    }
}

#[test]
fn taking_over_a_whole_published_page_renders_even_an_ordinary_article_in_small_chunks_covering_every_block_once() {
    for (sections, paragraphs) in [(3, 5), (1, 1), (7, 13), (2, TAKEOVER_CHUNK_BLOCKS)] {
        let parsed = parse_article(
            &long_article_json(sections, paragraphs),
            "https://outlet.example/long.json",
        )
        .unwrap_or_else(|error| panic!("{error}"));
        let chunks = takeover_rendering_chunks(&parsed.article.sections);
        let n_blocks = sections * paragraphs;
        assert_eq!(chunks.len(), n_blocks.div_ceil(TAKEOVER_CHUNK_BLOCKS), "{sections} × {paragraphs}");
        let mut next = (0, 0);
        for parts in &chunks {
            let size: usize = parts.iter().map(|part| part.blocks.len()).sum();
            assert!(size <= TAKEOVER_CHUNK_BLOCKS, "{sections} × {paragraphs}: a chunk of {size} blocks");
            for part in parts {
                if part.blocks.start == 0 && next.1 == paragraphs {
                    next = (next.0 + 1, 0);
                }
                assert_eq!((part.section, part.blocks.start), next, "{sections} × {paragraphs}");
                next = (part.section, part.blocks.end);
            }
        }
        assert_eq!(next, (sections - 1, paragraphs), "{sections} × {paragraphs}");
    }
}

#[test]
fn a_compact_widget_renders_the_first_section_then_the_rest_on_request() {
    let parsed = parse_article(&long_article_json(3, 30), "https://outlet.example/long.json")
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        compact_rendering_chunks(&parsed.article.sections),
        vec![vec![part(0, 0..30)], vec![part(1, 0..30), part(2, 0..30)]]
    );
}

#[test]
fn chunks_come_faster_while_paints_are_quick_and_slower_when_they_are_not() {
    let mut pace = ChunkPace::start(0.0);
    assert_eq!(pace.chunks_per_paint(), 1, "one chunk after the first paint");
    let mut now = 0.0;
    let mut seen = Vec::new();
    for _ in 0..6 {
        now += 17.0;
        pace = pace.next(now);
        seen.push(pace.chunks_per_paint());
    }
    assert_eq!(
        seen,
        [2, 4, 8, 16, 16, 16],
        "doubling up to the limit while each paint is quick"
    );
    assert_eq!(ChunkPace::MAX_CHUNKS_PER_PAINT, 16);
    now += 30.0;
    pace = pace.next(now);
    assert_eq!(
        pace.chunks_per_paint(),
        16,
        "a paint neither quick nor slow keeps the pace"
    );
    let mut seen = Vec::new();
    for _ in 0..6 {
        now += 70.0;
        pace = pace.next(now);
        seen.push(pace.chunks_per_paint());
    }
    assert_eq!(seen, [8, 4, 2, 1, 1, 1], "halving down to one while each paint is slow");
}

#[test]
fn an_article_is_published_whole_up_to_ninety_six_blocks_and_as_its_opening_beyond() {
    use lede::reading::chunks::{published_extent, PublishedExtent, WHOLE_PAGE_MAX_CHUNKS};
    let extent_of = |sections: usize, paragraphs: usize| {
        let parsed = parse_article(&long_article_json(sections, paragraphs), "https://outlet.example/long.json")
            .unwrap_or_else(|error| panic!("{error}"));
        published_extent(&parsed.article.sections)
    };
    let whole_page_blocks = FIRST_PAINT_BLOCKS + (WHOLE_PAGE_MAX_CHUNKS - 1) * CHUNK_BLOCKS;
    assert_eq!(whole_page_blocks, 96);
    assert_eq!(extent_of(3, 5), PublishedExtent::Whole);
    assert_eq!(extent_of(4, 24), PublishedExtent::Whole, "96 blocks");
    assert_eq!(extent_of(97, 1), PublishedExtent::Opening, "97 blocks");
    assert_eq!(extent_of(50, 100), PublishedExtent::Opening);
}
