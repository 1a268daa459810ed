//! The reporting note at the end of the article: who contributed.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::markup::Markup;

/// A small note crediting contributors, such as a wire agency.
#[component]
pub fn ReportingNote(
    /// The note, such as "The Associated Press contributed to this report."
    #[prop(into)]
    text: String,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_reporting_note(&mut markup, text);
    markup
}

/// Writes the markup of [`ReportingNote`], for the view that shows it among the notes.
pub fn write_reporting_note(markup: &mut Markup, text: String) {
    markup
        .open_with_class("footer", "lede-reporting-note")
        .attribute("data-testid", "reporting-note")
        .open_with_class("p", "lede-reporting-note__text")
        .open_with_class("span", "lede-reporting-note__label")
        .text(interface_text().reporting_note)
        .close()
        .owned_text(text)
        .close()
        .close();
}
