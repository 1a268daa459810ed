//! Reading and validating a document, and building the reading view's data from it, cost
//! time linear in its size, whatever its shape.
//!
//! Regression: two paths were quadratic. The step that merges shape problems with rule
//! problems compared every pair of them, formatting two strings per comparison (a 70 KB
//! document of wrong-kind tags and empty byline names froze a browser tab for 12 s), and
//! the JSON parser compared each key of an object with every earlier key (one object of
//! 233,000 keys took minutes). "Who said what" searched its groups for every quote. Each hostile shape is processed at two sizes here, the
//! larger four times the smaller and near the limit: linear time takes about four times as
//! long, quadratic sixteen.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/adversarial.rs"]
mod adversarial;

use std::time::{Duration, Instant};

use adversarial::AdversarialShape;
use lede::model::validate::MAX_DOCUMENT_BYTES;
use lede::model::parse_article;
use lede::reading::bylines::reading_time_minutes;
use lede::reading::chunks::rendering_chunks;
use lede::reading::navigation::section_nav_items;
use lede::reading::quotes::quotes_by_speaker;

/// The time to read and validate `document`, and, if it is an article, to build what the
/// reading view shows of it.
fn time_to_process(document: &str) -> Duration {
    let started = Instant::now();
    let outcome = parse_article(document, "https://reader.example/articles/hostile.json");
    if let Ok(parsed) = &outcome {
        let article = &parsed.article;
        std::hint::black_box((
            quotes_by_speaker(article),
            section_nav_items(article),
            reading_time_minutes(article),
            rendering_chunks(&article.sections),
        ));
    }
    let elapsed = started.elapsed();
    drop(outcome);
    elapsed
}

/// The shortest of a few runs of each document, the runs of the two taken in turns, so that
/// whatever else the machine is doing disturbs both alike.
fn fastest_times_to_process(small: &str, large: &str) -> (Duration, Duration) {
    let (mut fastest_small, mut fastest_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        fastest_small = fastest_small.min(time_to_process(small));
        fastest_large = fastest_large.min(time_to_process(large));
    }
    (fastest_small, fastest_large)
}

/// The repetition count whose document is about `target_bytes` long, and four times it
/// under the size limit.
fn repetitions_for(shape: AdversarialShape, target_bytes: usize) -> usize {
    let probe = 200;
    let bytes_per_repetition = shape.document(probe).len() / probe;
    let mut n = (target_bytes / bytes_per_repetition.max(1)).max(1);
    // Numbers grow longer with `n`, so the estimate can be over: shrink until it fits.
    while shape.document(4 * n).len() > MAX_DOCUMENT_BYTES {
        n = n * 9 / 10;
    }
    n
}

#[test]
fn a_hostile_document_four_times_as_long_takes_at_most_about_four_times_as_long() {
    let mut failures = Vec::new();
    for shape in AdversarialShape::ALL {
        // The larger document is just under the size limit.
        let n = repetitions_for(shape, MAX_DOCUMENT_BYTES / 5);
        let (small, large) = (shape.document(n), shape.document(4 * n));
        assert!(large.len() <= MAX_DOCUMENT_BYTES, "{} is {} bytes, over the limit", shape.name(), large.len());
        let (small_time, large_time) = fastest_times_to_process(&small, &large);
        let ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-6);
        println!(
            "{:<26} {:>8} bytes: {:>8.1} ms   {:>8} bytes: {:>8.1} ms   ratio {ratio:.2}",
            shape.name(),
            small.len(),
            small_time.as_secs_f64() * 1000.0,
            large.len(),
            large_time.as_secs_f64() * 1000.0,
        );
        // Linear is 4, quadratic 16. The margin is for cache effects and a busy machine,
        // and the floor for documents processed too fast to time well.
        if ratio > 7.0 && large_time > Duration::from_millis(20) {
            failures.push(format!("{}: ratio {ratio:.2}", shape.name()));
        }
        // In a debug build; a release build is ten times faster.
        if large_time > Duration::from_secs(5) {
            failures.push(format!("{}: {:.1} s at {} bytes", shape.name(), large_time.as_secs_f64(), large.len()));
        }
    }
    assert!(failures.is_empty(), "not linear: {failures:?}");
}

#[test]
fn every_hostile_shape_is_refused_or_read_without_a_panic() {
    for shape in AdversarialShape::ALL {
        let document = shape.document(50);
        let outcome = parse_article(&document, "https://reader.example/articles/hostile.json");
        let is_expected = match shape {
            AdversarialShape::ManyProblems | AdversarialShape::WrongTagsAndEmptyNames => outcome.is_err(),
            _ => outcome.is_ok(),
        };
        assert!(is_expected, "{}: {:?}", shape.name(), outcome.err());
    }
}

/// Writes the small copies that seed the fuzzer, when `LEDE_WRITE_FUZZ_SEEDS=1`; otherwise
/// checks that the committed copies are current.
#[test]
fn the_fuzz_corpus_holds_a_small_copy_of_every_hostile_shape() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/adversarial");
    for shape in AdversarialShape::ALL {
        let path = folder.join(format!("{}.json", shape.name()));
        let document = shape.document(40);
        if std::env::var_os("LEDE_WRITE_FUZZ_SEEDS").is_some() {
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(&path, &document).unwrap();
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("{}: {error} (write it with LEDE_WRITE_FUZZ_SEEDS=1)", path.display()));
        assert_eq!(committed, document, "{} is stale: rewrite it with LEDE_WRITE_FUZZ_SEEDS=1", path.display());
    }
}
