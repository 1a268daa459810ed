//! Corrections and updates made after publication, with their times.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::formatted_time::write_formatted_time;
use crate::components::inline_text::write_inline_text;
use crate::components::markup::Markup;
use crate::components::TimeStyle;
use crate::model::Correction;

/// "Corrections and updates": each change with when it was made. Renders nothing when
/// there are none.
#[component]
pub fn CorrectionsList(
    /// The corrections, oldest first.
    corrections: Vec<Correction>,
    /// The article's language, for formatting times.
    #[prop(into)]
    language: String,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_corrections_list(&mut markup, corrections, &language);
    markup
}

/// Writes the markup of [`CorrectionsList`]: nothing when there are no corrections.
pub fn write_corrections_list(markup: &mut Markup, corrections: Vec<Correction>, language: &str) {
    if corrections.is_empty() {
        return;
    }
    markup
        .open_with_class("section", "lede-corrections-list")
        .attribute("aria-labelledby", "lede-corrections-list-title")
        .attribute("data-testid", "corrections")
        .open_with_class("h2", "lede-corrections-list__title")
        .attribute("id", "lede-corrections-list-title")
        .text(interface_text().corrections)
        .close()
        .open_with_class("ul", "lede-corrections-list__items");
    for correction in corrections {
        markup.open_with_class("li", "lede-corrections-list__item");
        write_formatted_time(markup, &correction.time, language, TimeStyle::Absolute);
        markup.text(": ");
        write_inline_text(markup, correction.text);
        markup.close();
    }
    markup.close().close();
}
