//! Property tests of the article format over generated articles (`proptest`).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use lede::model::validate::validate_article;
use lede::model::validate::MAX_RUN_CHARS;
use lede::model::plain_text::{block_plain_text, body_word_count, count_words, plain_text};
use lede::model::wire::*;
use lede::model::{parse_article, Article, BlockKind, InlineText};

const SOURCE: &str = "https://reader.example/articles/generated.json";

/// Text with at least one visible character first, then anything printable: quotes,
/// backslashes, emoji and right-to-left letters all exercise the JSON escaping.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9\u{0627}-\u{0649}][^\\p{C}]{0,30}"
}

fn person() -> impl Strategy<Value = WirePerson> {
    (text(), proptest::option::of(text()), proptest::option::of(text())).prop_map(|(name, role, source)| WirePerson {
        name,
        role,
        source,
    })
}

fn https_url() -> impl Strategy<Value = String> {
    ("[a-z]{1,8}", "[a-z0-9-]{0,12}").prop_map(|(host, path)| format!("https://{host}.example/{path}"))
}

fn run() -> impl Strategy<Value = WireRun> {
    (
        text(),
        proptest::sample::subsequence(vec!["bold", "italic"], 0..=2),
        proptest::option::of(https_url()),
        proptest::option::of(person()),
    )
        .prop_map(|(text, marks, href, quote)| WireRun {
            text,
            marks: marks.into_iter().map(str::to_owned).collect(),
            href,
            quote,
        })
}

fn inline() -> impl Strategy<Value = WireInline> {
    prop_oneof![
        text().prop_map(|text| WireInline(vec![WireRun {
            text,
            ..WireRun::default()
        }])),
        proptest::collection::vec(run(), 1..4).prop_map(WireInline)
    ]
}

fn image() -> impl Strategy<Value = WireImage> {
    (
        proptest::collection::vec((https_url(), 1u32..4000), 1..3),
        1u32..4000,
        1u32..4000,
        text(),
        proptest::option::of(inline()),
    )
        .prop_map(|(sources, width, height, alt, caption)| WireImage {
            sources: sources
                .into_iter()
                .map(|(url, width)| WireImageSource { url, width })
                .collect(),
            width,
            height,
            alt,
            caption,
            credit: None,
        })
}

fn leaf_block() -> impl Strategy<Value = WireBlock> {
    prop_oneof![
        inline().prop_map(|text| WireBlock::Paragraph { id: None, text }),
        text().prop_map(|text| WireBlock::Subheading { id: None, text }),
        (inline(), person()).prop_map(|(text, speaker)| WireBlock::Quote {
            id: None,
            text,
            speaker
        }),
        (text(), proptest::option::of(person())).prop_map(|(text, speaker)| WireBlock::PullQuote {
            id: None,
            text,
            speaker
        }),
        (any::<bool>(), proptest::collection::vec(inline(), 1..4)).prop_map(|(ordered, items)| WireBlock::List {
            id: None,
            style: if ordered { "ordered" } else { "unordered" }.to_owned(),
            items
        }),
        image().prop_map(|image| WireBlock::Figure { id: None, image }),
        Just(WireBlock::Divider { id: None }),
        (https_url(), text(), proptest::option::of(text())).prop_map(|(url, title, description)| WireBlock::LinkCard {
            id: None,
            url,
            title,
            description
        }),
    ]
}

fn block() -> impl Strategy<Value = WireBlock> {
    prop_oneof![
        4 => leaf_block(),
        1 => (text(), proptest::collection::vec(leaf_block(), 1..3)).prop_map(|(title, blocks)| WireBlock::FactBox { id: None, title, blocks }),
    ]
}

fn article() -> impl Strategy<Value = WireArticle> {
    (
        (text(), text(), text(), inline()),
        proptest::collection::vec((text(), proptest::collection::vec(block(), 1..5)), 1..4),
        (
            proptest::option::of(inline()),
            proptest::option::of(image()),
            proptest::collection::vec(text(), 0..3),
        ),
    )
        .prop_map(
            |((outlet, category, headline, summary), sections, (context, lead_image, tags))| WireArticle {
                schema_version: "1.0.0".to_owned(),
                id: "generated".to_owned(),
                url: None,
                language: Some("en".to_owned()),
                direction: None,
                outlet: WireOutlet {
                    name: outlet,
                    url: None,
                    logo: None,
                },
                category: WireCategory {
                    name: category,
                    url: None,
                },
                headline,
                summary,
                dateline: None,
                byline: Vec::new(),
                published: "2025-12-06T18:00:00Z".to_owned(),
                updated: None,
                lead_image,
                body: sections
                    .into_iter()
                    .map(|(heading, blocks)| WireSection {
                        id: None,
                        heading,
                        blocks,
                    })
                    .collect(),
                context,
                credits: vec![WireCredit {
                    name: "The Associated Press".to_owned(),
                    kind: "wire".to_owned(),
                }],
                corrections: Vec::new(),
                related: Vec::new(),
                tags,
            },
        )
}

fn every_inline_text(article: &Article) -> Vec<&InlineText> {
    fn from_blocks<'a>(blocks: &'a [lede::model::Block], found: &mut Vec<&'a InlineText>) {
        for block in blocks {
            match &block.kind {
                BlockKind::Paragraph(text) | BlockKind::Quote { text, .. } => found.push(text),
                BlockKind::List { items, .. } => found.extend(items),
                BlockKind::Figure(image) => found.extend(&image.caption),
                BlockKind::FactBox { blocks, .. } => from_blocks(blocks, found),
                _ => {}
            }
        }
    }
    let mut found = vec![&article.summary];
    found.extend(article.lead_image.as_ref().and_then(|image| image.caption.as_ref()));
    for section in &article.sections {
        from_blocks(&section.blocks, &mut found);
    }
    found.extend(&article.context);
    found
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_article_serializes_and_parses_back_to_the_same_article(wire in article()) {
        let direct = validate_article(&wire, SOURCE);
        prop_assert!(direct.is_ok(), "the generator made an invalid article: {:?}", direct.err());
        let json = serde_json::to_string_pretty(&wire).unwrap_or_default();
        let parsed = parse_article(&json, SOURCE);
        prop_assert_eq!(parsed.map(|p| p.article), direct.map(|p| p.article));
    }

    #[test]
    fn the_plain_text_of_an_article_contains_every_run_of_text_in_it(wire in article()) {
        let article = parse_article(&serde_json::to_string(&wire).unwrap_or_default(), SOURCE).map(|p| p.article);
        prop_assert!(article.is_ok(), "{:?}", article.as_ref().err());
        let article = article.unwrap_or_else(|_| unreachable!());
        let text = plain_text(&article);
        for inline in every_inline_text(&article) {
            for run in &inline.runs {
                prop_assert!(text.contains(&run.text), "missing run {:?}", run.text);
            }
        }
    }

    #[test]
    fn the_body_word_count_stored_by_the_validator_is_the_word_count_of_each_heading_and_each_blocks_plain_text(wire in article()) {
        // The count reads the runs directly instead of building each block's plain text;
        // a word running from one run into the next must still count once.
        let article = parse_article(&serde_json::to_string(&wire).unwrap_or_default(), SOURCE).map(|p| p.article);
        prop_assert!(article.is_ok(), "{:?}", article.as_ref().err());
        let article = article.unwrap_or_else(|_| unreachable!());
        let by_plain_text: usize = article
            .sections
            .iter()
            .map(|section| {
                count_words(&section.heading)
                    + section.blocks.iter().map(|block| count_words(&block_plain_text(&block.kind))).sum::<usize>()
            })
            .sum();
        prop_assert_eq!(body_word_count(&article.sections), by_plain_text);
        prop_assert_eq!(article.body_word_count, by_plain_text, "the count the validator stored");
    }

    #[test]
    fn parsing_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_article(&text, SOURCE);
    }

    #[test]
    fn the_fast_word_count_of_ascii_text_agrees_with_the_unicode_definition(
        text in "[ \t\n\u{b}\u{c}\ra-z0-9.,;!?'-]{0,200}"
    ) {
        // Reading time counts words with a byte loop for ASCII text; it must count exactly
        // what splitting on Unicode white space and keeping words with a letter or digit does.
        let by_definition = text
            .split_whitespace()
            .filter(|word| word.chars().any(char::is_alphanumeric))
            .count();
        prop_assert_eq!(count_words(&text), by_definition);
    }
}

#[test]
fn the_longest_paragraph_the_format_allows_is_accepted_and_one_character_more_is_refused() {
    // The run-length check counts characters, not bytes: its short cut on the byte length
    // must not refuse a run of multi-byte letters that is within the limit.
    let seed = include_str!("../fixtures/articles/zelensky-kushner-witkoff-call.json");
    for letter in ["a", "é", "\u{0627}", "\u{1F4F0}"] {
        let mut article: serde_json::Value = serde_json::from_str(seed).unwrap_or_default();
        let within = letter.repeat(MAX_RUN_CHARS);
        article["body"][0]["blocks"][0] = serde_json::json!({ "type": "paragraph", "text": within });
        assert!(
            parse_article(&article.to_string(), SOURCE).is_ok(),
            "{letter} × {MAX_RUN_CHARS}"
        );
        article["body"][0]["blocks"][0] =
            serde_json::json!({ "type": "paragraph", "text": format!("{within}{letter}") });
        assert!(
            parse_article(&article.to_string(), SOURCE).is_err(),
            "{letter} × {MAX_RUN_CHARS} + 1"
        );
    }
}
