//! The rules for text: short texts and long ones, inline runs and their marks, the
//! language tag and the direction, the format's version.

use crate::model::article::*;
use crate::model::error::quoted;
use crate::model::json_path::JsonPath;
use crate::model::wire::*;

use super::*;

impl Validator {
    pub(super) fn schema_version(&mut self, version: &str) {
        let mut parts = version.split('.');
        let numbers: Vec<Option<u64>> = parts.by_ref().take(3).map(|part| part.parse().ok()).collect();
        let is_semver = numbers.len() == 3 && numbers.iter().all(Option::is_some) && parts.next().is_none();
        if !is_semver {
            self.problem(
                &ROOT.field("schema_version"),
                format!("{} is not a version such as \"1.0.0\"", quoted(version)),
            );
        } else if numbers[0] != Some(SUPPORTED_MAJOR_VERSION) {
            self.problem(
                &ROOT.field("schema_version"),
                format!("version {version} is not supported; this reader reads version {SUPPORTED_MAJOR_VERSION}.x"),
            );
        }
    }

    pub(super) fn short_text(&mut self, text: &str, path: &JsonPath<'_>) -> String {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.problem(path, "must not be empty");
        } else if exceeds_chars(trimmed, MAX_SHORT_TEXT_CHARS) {
            self.problem(path, format!("must be at most {MAX_SHORT_TEXT_CHARS} characters"));
        }
        trimmed.to_owned()
    }

    pub(super) fn optional_text(&mut self, text: Option<&str>, path: &JsonPath<'_>) -> Option<String> {
        let trimmed = text?.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(self.short_text(trimmed, path))
    }

    pub(super) fn optional_long_text(&mut self, text: Option<&str>, path: &JsonPath<'_>) -> Option<String> {
        let trimmed = text?.trim();
        if exceeds_chars(trimmed, MAX_LONG_TEXT_CHARS) {
            self.problem(path, format!("must be at most {MAX_LONG_TEXT_CHARS} characters"));
        }
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    }

    pub(super) fn language(&mut self, tag: Option<&str>) -> String {
        let Some(tag) = tag else { return "en".to_owned() };
        let mut subtags = tag.split('-');
        let primary_ok = subtags.next().is_some_and(|primary| {
            (2..=8).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())
        });
        let rest_ok =
            subtags.all(|subtag| (1..=8).contains(&subtag.len()) && subtag.chars().all(|c| c.is_ascii_alphanumeric()));
        if !(primary_ok && rest_ok) {
            self.problem(
                &ROOT.field("language"),
                format!(
                    "{} is not a bcp 47 language tag such as \"en\" or \"ar-EG\"",
                    quoted(tag)
                ),
            );
            return "en".to_owned();
        }
        tag.to_owned()
    }

    pub(super) fn direction(&mut self, given: Option<&str>, language: &str) -> TextDirection {
        match given {
            Some("ltr") => TextDirection::LeftToRight,
            Some("rtl") => TextDirection::RightToLeft,
            Some(other) => {
                self.problem(
                    &ROOT.field("direction"),
                    format!("{} is not \"ltr\" or \"rtl\"", quoted(other)),
                );
                TextDirection::LeftToRight
            }
            None => direction_of_language(language),
        }
    }

    pub(super) fn inline(&mut self, inline: &WireInline, path: &JsonPath<'_>) -> Option<InlineText> {
        if inline.0.len() > MAX_RUNS {
            self.problem(
                path,
                format!("has {} runs, more than the limit of {MAX_RUNS}", inline.0.len()),
            );
            return None;
        }
        let mut runs = Vec::with_capacity(inline.0.len());
        for (run_idx, wire_run) in inline.0.iter().enumerate() {
            let run_path = path.item(run_idx);
            if exceeds_chars(&wire_run.text, MAX_RUN_CHARS) {
                self.problem(&run_path, format!("text must be at most {MAX_RUN_CHARS} characters"));
                continue;
            }
            if wire_run.text.is_empty() {
                // An empty run shows nothing; a link or quote on it would vanish unseen.
                if wire_run.href.is_some() || wire_run.quote.is_some() {
                    self.warning(&run_path, "a run without text is skipped, with its link or speaker");
                }
                continue;
            }
            let mut marks = Marks::default();
            for (mark_idx, mark) in wire_run.marks.iter().enumerate() {
                match mark.as_str() {
                    "bold" => marks.bold = true,
                    "italic" => marks.italic = true,
                    other => self.warning(
                        &run_path.field("marks").item(mark_idx),
                        format!("unknown mark {} is ignored", quoted(other)),
                    ),
                }
            }
            let link = self.optional_url(wire_run.href.as_deref(), &run_path.field("href"), UrlUse::Link);
            let quote_speaker = wire_run
                .quote
                .as_ref()
                .map(|person| self.person(person, &run_path.field("quote")));
            runs.push(Run {
                text: wire_run.text.clone(),
                marks,
                link,
                quote_speaker,
            });
        }
        if runs.iter().all(|run| run.text.trim().is_empty()) {
            self.problem(path, "must not be empty");
            return None;
        }
        Some(InlineText { runs })
    }
}

/// Whether `text` has more than `limit` characters. A text of at most `limit` bytes cannot,
/// and checking that first spares counting the characters of every paragraph.
pub(super) fn exceeds_chars(text: &str, limit: usize) -> bool {
    text.len() > limit && text.chars().count() > limit
}
