//! The lines around the article's text: the byline, the reading time and the reporting
//! note.

use crate::model::article::{Article, CreditKind};

/// Words per minute used for the reading time; a common figure for adults reading
/// news on a screen.
pub const WORDS_PER_MINUTE: usize = 230;

/// Minutes to read the body at [`WORDS_PER_MINUTE`], rounded up, and at least one; from
/// the count the validator stored in [`Article::body_word_count`].
pub fn reading_time_minutes(article: &Article) -> usize {
    article.body_word_count.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// The reporting note from the typed credits, such as "The Associated Press contributed
/// to this report." Handout material is credited separately.
pub fn reporting_note(article: &Article) -> Option<String> {
    let names_of = |handout: bool| -> Vec<&str> {
        article
            .credits
            .iter()
            .filter(|credit| (credit.kind == CreditKind::Handout) == handout)
            .map(|credit| credit.name.as_str())
            .collect()
    };
    let mut sentences = Vec::new();
    if let Some(contributors) = join_names(&names_of(false)) {
        sentences.push(format!("{contributors} contributed to this report."));
    }
    if let Some(handouts) = join_names(&names_of(true)) {
        sentences.push(format!("Includes material provided by {handouts}."));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// The byline text: the writers' names, or the outlet when none are given.
pub fn byline_text(article: &Article) -> String {
    let names: Vec<&str> = article.byline.iter().map(|person| person.name.as_str()).collect();
    join_names(&names).unwrap_or_else(|| article.outlet.name.clone())
}

fn join_names(names: &[&str]) -> Option<String> {
    match names {
        [] => None,
        [only] => Some((*only).to_owned()),
        [first @ .., last] => Some(format!("{} and {last}", first.join(", "))),
    }
}
