//! Inline text while it is built from HTML: runs of one style, white space collapsed as a
//! browser collapses it, and the format's limits on short text.

use crate::model::wire::{WireInline, WireRun};

/// `text` as a field of short text (a heading, a name): white space collapsed and trimmed,
/// and cut to the format's limit with an ellipsis; `None` when nothing is left. The flag
/// says whether it was cut.
pub fn short_text(text: &str) -> Option<(String, bool)> {
    let text = collapse_white_space(text);
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let limit = crate::model::validate::MAX_SHORT_TEXT_CHARS;
    if text.chars().count() <= limit {
        return Some((text.to_owned(), false));
    }
    let cut: String = text.chars().take(limit - 1).collect();
    Some((format!("{}…", cut.trim_end()), true))
}

/// Runs of ASCII white space become one space, as a browser shows them; the ends trimmed.
pub fn collapse_white_space(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let mut in_space = false;
    for character in text.chars() {
        if matches!(character, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            in_space = true;
            continue;
        }
        if in_space && !collapsed.is_empty() {
            collapsed.push(' ');
        }
        in_space = false;
        collapsed.push(character);
    }
    collapsed
}

/// What applies to a run of text.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Style {
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) href: Option<String>,
}

/// Runs being built: adjacent text of one style is one run, and white space is collapsed
/// across runs as a browser collapses it.
#[derive(Default)]
pub(super) struct Runs {
    runs: Vec<WireRun>,
    /// A space is owed before the next word, in the style of the text it was written in.
    space_pending: Option<Style>,
}

impl Runs {
    pub(super) fn push(&mut self, text: &str, style: &Style) {
        for (index, word) in text.split([' ', '\t', '\n', '\r', '\u{c}']).enumerate() {
            if index > 0 && self.space_pending.is_none() {
                self.space_pending = Some(style.clone());
            }
            if word.is_empty() {
                continue;
            }
            // The space goes with the text it was written in: a link or a mark starts and
            // ends at a letter, as a browser underlines it.
            let mut piece = String::new();
            if let Some(space_style) = self.space_pending.take() {
                match self.runs.last_mut() {
                    Some(last) if last_style_is(last, &space_style) && !last_style_is(last, style) => last.text.push(' '),
                    Some(_) => piece.push(' '),
                    None => {}
                }
            }
            piece.push_str(word);
            self.append(piece, style);
        }
    }

    /// Marks a break between blocks of text (paragraphs of one quotation): one space.
    pub(super) fn separate(&mut self) {
        if self.space_pending.is_none() {
            self.space_pending = Some(Style::default());
        }
    }

    fn append(&mut self, piece: String, style: &Style) {
        let marks: Vec<String> = [(style.bold, "bold"), (style.italic, "italic")]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, mark)| mark.to_owned())
            .collect();
        if let Some(last) = self.runs.last_mut() {
            if last.marks == marks && last.href == style.href {
                last.text.push_str(&piece);
                return;
            }
        }
        self.runs.push(WireRun {
            text: piece,
            marks,
            href: style.href.clone(),
            quote: None,
        });
    }

    pub(super) fn finish(self) -> Option<WireInline> {
        // Text of nothing but white space the browser does not collapse (a line separator)
        // shows nothing, and the format refuses it.
        let shows_something = self.runs.iter().any(|run| !run.text.trim().is_empty());
        shows_something.then_some(WireInline(self.runs))
    }
}

/// True if `run` was written in `style`.
fn last_style_is(run: &WireRun, style: &Style) -> bool {
    run.href == style.href && run.marks.iter().any(|mark| mark == "bold") == style.bold && run.marks.iter().any(|mark| mark == "italic") == style.italic
}
