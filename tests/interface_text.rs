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

// `every_string` names every field without `..`, so a word added to `InterfaceText` is a
// compile error there until it is listed, and then checked here in every language.
#[test]
fn every_language_has_every_string_and_its_own_words() {
    for text in ALL {
        for string in text.every_string() {
            assert!(!string.trim().is_empty(), "{}: an empty string", text.language);
        }
        if text.language != "en" {
            assert_ne!(text.summary, ENGLISH.summary, "{} is not English", text.language);
            assert_ne!(
                text.failure(FailureKind::NotFound),
                ENGLISH.failure(FailureKind::NotFound)
            );
            assert_ne!(text.page_not_found, ENGLISH.page_not_found, "{} is not English", text.language);
        }
    }
}

#[test]
fn labels_are_looked_up_by_name_so_each_option_gets_its_own_word() {
    use lede::reader_settings::{LineWidth, Theme};
    assert_eq!(ENGLISH.theme_label(Theme::System), "Device");
    assert_eq!(ENGLISH.theme_label(Theme::Dark), "Dark");
    assert_eq!(ENGLISH.line_width_label(LineWidth::Wide), "Wide");
    assert_eq!(FRENCH.theme_label(Theme::Sepia), "Sépia");
    assert_eq!(ENGLISH.failure(FailureKind::NotAllowed).0, "This article address is not allowed");
    assert_eq!(ENGLISH.failure(FailureKind::Misconfigured).0, "This reader is not set up correctly");
}

#[test]
fn reading_times_and_quote_counts_read_naturally_in_each_language() {
    assert_eq!(ENGLISH.reading_time(3), "3 min read");
    assert_eq!(FRENCH.reading_time(3), "3 min de lecture");
    assert_eq!(ENGLISH.quote_count(1), "1 quote");
    assert_eq!(ENGLISH.quote_count(8), "8 quotes");
    assert_eq!(GERMAN.quote_count(2), "2 Zitate");
}
