//! The interface's own words: every language complete, and the right one chosen.

use lede::interface_text::{FailureKind, InterfaceText, ALL, ENGLISH, FRENCH, GERMAN};

#[test]
fn a_language_is_chosen_by_its_primary_subtag_whatever_the_region_or_case() {
    assert_eq!(InterfaceText::for_language("fr-CA"), &FRENCH);
    assert_eq!(InterfaceText::for_language("DE_at"), &GERMAN);
    assert_eq!(InterfaceText::for_language("en-GB"), &ENGLISH);
}

#[test]
fn an_unknown_or_empty_language_falls_back_to_english() {
    assert_eq!(InterfaceText::for_language("tlh"), &ENGLISH);
    assert_eq!(InterfaceText::for_language(""), &ENGLISH);
}

#[test]
fn every_language_has_every_string_and_its_own_words() {
    for text in ALL {
        let strings = [
            text.summary,
            text.by,
            text.updated,
            text.in_this_article,
            text.jump_to_section,
            text.display,
            text.text_size,
            text.smaller_text,
            text.larger_text,
            text.line_width,
            text.theme,
            text.context,
            text.who_said_what,
            text.reporting_note,
            text.corrections,
            text.topics,
            text.similar_articles,
            text.continue_reading,
            text.loading,
            text.error_details,
            text.try_again,
        ];
        for string in strings.iter().chain(&text.line_widths).chain(&text.themes) {
            assert!(!string.trim().is_empty(), "{}: an empty string", text.language);
        }
        for (title, advice) in text.failures {
            assert!(
                !title.is_empty() && !advice.is_empty(),
                "{}: an empty failure",
                text.language
            );
        }
        if text.language != "en" {
            assert_ne!(text.summary, ENGLISH.summary, "{} is not English", text.language);
            assert_ne!(
                text.failure(FailureKind::NotFound),
                ENGLISH.failure(FailureKind::NotFound)
            );
        }
    }
}

#[test]
fn reading_times_and_quote_counts_read_naturally_in_each_language() {
    assert_eq!(ENGLISH.reading_time(3), "3 min read");
    assert_eq!(FRENCH.reading_time(3), "3 min de lecture");
    assert_eq!(ENGLISH.quote_count(1), "1 quote");
    assert_eq!(ENGLISH.quote_count(8), "8 quotes");
    assert_eq!(GERMAN.quote_count(2), "2 Zitate");
}
