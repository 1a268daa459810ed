//! The summary box under the headline.

use crate::components::interface_text;
use leptos::prelude::*;

use crate::components::inline_text::write_inline_text;
use crate::components::markup::Markup;
use crate::model::InlineText;

/// The article's summary in a labelled box.
#[component]
pub fn SummaryBox(
    /// The summary text.
    summary: InlineText,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_summary_box(&mut markup, summary);
    markup
}

/// Writes the markup of [`SummaryBox`], for the header that contains it.
pub fn write_summary_box(markup: &mut Markup, summary: InlineText) {
    markup
        .open_with_class("section", "lede-summary-box")
        .attribute("aria-labelledby", "lede-summary-box-title")
        .attribute("data-testid", "summary")
        .open_with_class("h2", "lede-summary-box__title")
        .attribute("id", "lede-summary-box-title")
        .text(interface_text().summary)
        .close()
        .open_with_class("p", "lede-summary-box__text");
    write_inline_text(markup, summary);
    markup.close().close();
}
