//! Hostile article documents that stress one loop of the reader or the validator each,
//! grown to any size: the linear-time test doubles them, and the fuzz corpus keeps small
//! copies (`fixtures/adversarial/`).

/// One kind of hostile document.
#[derive(Clone, Copy, Debug)]
pub enum AdversarialShape {
    /// Problems of several kinds at once: wrong-kind and empty tags, empty byline names,
    /// bad links, unknown marks, broken related entries. Rule problems and shape problems meet in
    /// the step that merges them.
    ManyProblems,
    /// Nothing but wrong-kind tags and empty byline names, in the proportion that made
    /// the merge of shape and rule problems slowest per byte: the worst shape found (70 KB
    /// of it froze a browser tab for 9 to 12 s).
    WrongTagsAndEmptyNames,
    /// One object with a great many distinct keys.
    HugeObject,
    /// Sections whose long headings all make the same 100-character slug, and given ids
    /// that take the suffixes the generated ids would try first.
    CollidingIds,
    /// Sections that all have the same short heading.
    RepeatedHeadings,
    /// Paragraphs of many small runs.
    ManyRuns,
    /// Paragraphs whose runs are all links.
    ManyLinks,
    /// Quotes, each by a speaker of its own, for the reading view's "who said what".
    ManySpeakers,
}

impl AdversarialShape {
    /// Every shape.
    pub const ALL: [AdversarialShape; 8] = [
        AdversarialShape::ManyProblems,
        AdversarialShape::WrongTagsAndEmptyNames,
        AdversarialShape::HugeObject,
        AdversarialShape::CollidingIds,
        AdversarialShape::RepeatedHeadings,
        AdversarialShape::ManyRuns,
        AdversarialShape::ManyLinks,
        AdversarialShape::ManySpeakers,
    ];

    /// A file name for the fuzz corpus.
    pub fn name(self) -> &'static str {
        match self {
            AdversarialShape::ManyProblems => "many-problems",
            AdversarialShape::WrongTagsAndEmptyNames => "wrong-tags-and-empty-names",
            AdversarialShape::HugeObject => "huge-object",
            AdversarialShape::CollidingIds => "colliding-ids",
            AdversarialShape::RepeatedHeadings => "repeated-headings",
            AdversarialShape::ManyRuns => "many-runs",
            AdversarialShape::ManyLinks => "many-links",
            AdversarialShape::ManySpeakers => "many-speakers",
        }
    }

    /// The document with `n` repetitions of its hostile part: its size grows linearly in `n`.
    pub fn document(self, n: usize) -> String {
        match self {
            AdversarialShape::ManyProblems => {
                // Wrong-kind tags (shape problems) against empty names (rule problems): the
                // mix that made merging the two lists quadratic, at its worst per byte.
                let tags = vec![r#"1,1,1,1,1,1,"""#; n].join(",");
                let byline = vec![r#"{"name": ""}"#; n].join(",");
                let related = vec![r#"{"headline": ""}, 7"#; n.min(40)].join(",");
                let blocks: Vec<String> = (0..n)
                    .map(|i| {
                        format!(
                            r#"5, {{"type": "paragraph", "text": [{{"text": "x{i}", "href": "javascript:alert({i})", "marks": ["blink"]}}]}}"#
                        )
                    })
                    .collect();
                article(
                    &format!(r#""tags": [{tags}], "byline": [{byline}], "related": [{related}], "#),
                    &format!(r#"{{"heading": "", "blocks": [{}]}}"#, blocks.join(",")),
                )
            }
            AdversarialShape::WrongTagsAndEmptyNames => {
                let tags = vec!["1"; 6 * n].join(",");
                let byline = vec![r#"{"name":""}"#; n].join(",");
                article(&format!(r#""tags": [{tags}], "byline": [{byline}], "#), &paragraph_section("only", "One paragraph."))
            }
            AdversarialShape::HugeObject => {
                let keys: Vec<String> = (0..n * 8).map(|i| format!(r#""key-{i}": {i}"#)).collect();
                article(&format!("{}, ", keys.join(",")), &paragraph_section("only", "One paragraph."))
            }
            AdversarialShape::CollidingIds => {
                let heading = "a".repeat(120);
                let long_slug = "a".repeat(100);
                let given: Vec<String> = (2..n + 2)
                    .map(|suffix| {
                        let id = format!("{}-{suffix}", &long_slug[..100 - 1 - suffix.to_string().len()]);
                        format!(r#"{{"type": "divider", "id": "{id}"}}"#)
                    })
                    .collect();
                let mut sections = vec![format!(
                    r#"{{"id": "given", "heading": "Given ids", "blocks": [{}]}}"#,
                    given.join(",")
                )];
                sections.extend(
                    (0..n.min(450)).map(|_| format!(r#"{{"heading": "{heading}", "blocks": [{{"type": "divider"}}]}}"#)),
                );
                // Identical paragraphs: identical generated block ids.
                let same: Vec<String> = (0..n).map(|_| r#"{"type": "paragraph", "text": "Same."}"#.to_owned()).collect();
                sections.push(format!(r#"{{"heading": "Same", "blocks": [{}]}}"#, same.join(",")));
                article("", &sections.join(","))
            }
            AdversarialShape::RepeatedHeadings => {
                let sections: Vec<String> = (0..n.min(500))
                    .map(|i| {
                        let blocks = vec![r#"{"type": "subheading", "text": "Again"}"#; (n / 500).max(1)].join(",");
                        format!(r#"{{"heading": "Again", "blocks": [{blocks}, {{"type": "paragraph", "text": "{i}"}}]}}"#)
                    })
                    .collect();
                article("", &sections.join(","))
            }
            AdversarialShape::ManyRuns => {
                let paragraphs: Vec<String> = (0..n.div_ceil(1000))
                    .map(|_| {
                        let runs = vec![r#"{"text": "w ", "marks": ["bold"]}"#; 1000].join(",");
                        format!(r#"{{"type": "paragraph", "text": [{runs}]}}"#)
                    })
                    .collect();
                article("", &format!(r#"{{"heading": "Runs", "blocks": [{}]}}"#, paragraphs.join(",")))
            }
            AdversarialShape::ManyLinks => {
                let paragraphs: Vec<String> = (0..n.div_ceil(500))
                    .map(|p| {
                        let runs: Vec<String> = (0..500)
                            .map(|r| format!(r#"{{"text": "link {r} ", "href": "https://outlet.example/{p}/{r}"}}"#))
                            .collect();
                        format!(r#"{{"type": "paragraph", "text": [{}]}}"#, runs.join(","))
                    })
                    .collect();
                article("", &format!(r#"{{"heading": "Links", "blocks": [{}]}}"#, paragraphs.join(",")))
            }
            AdversarialShape::ManySpeakers => {
                let quotes: Vec<String> = (0..n.min(19_000))
                    .map(|i| format!(r#"{{"type": "quote", "text": "Said {i}.", "speaker": {{"name": "Speaker {i}"}}}}"#))
                    .collect();
                article("", &format!(r#"{{"heading": "Quotes", "blocks": [{}]}}"#, quotes.join(",")))
            }
        }
    }
}

fn paragraph_section(heading: &str, text: &str) -> String {
    format!(r#"{{"heading": "{heading}", "blocks": [{{"type": "paragraph", "text": "{text}"}}]}}"#)
}

/// An article with `extra_fields` (ending in a comma) before its own fields, and `body` as
/// its sections.
fn article(extra_fields: &str, body: &str) -> String {
    format!(
        r#"{{{extra_fields}"schema_version": "1.0.0", "id": "hostile", "outlet": {{"name": "CRBC News"}},
            "category": {{"name": "Conflict"}}, "headline": "A hostile document", "summary": "Hostile.",
            "published": "2025-12-06T19:30:00Z", "body": [{body}]}}"#
    )
}
