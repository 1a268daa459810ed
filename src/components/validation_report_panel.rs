//! The validation report's panel: above the article, with the `debug` option only, for
//! the outlet's developer (`crate::reading::validation_report`).

use leptos::prelude::*;

use crate::components::markup::Markup;
use crate::reading::validation_report::ValidationReport;

/// A labelled region listing what was skipped or assumed while the article was read,
/// each with its JSON path. The text comes from the article's document, and is rendered
/// as text.
#[component]
pub fn ValidationReportPanel(
    /// The report to show.
    report: ValidationReport,
    /// The article's id, or the address it came from: which document the report is about.
    article: String,
) -> impl IntoView {
    let mut markup = Markup::new();
    write_validation_report(&mut markup, report, article);
    markup
}

/// Writes the markup of [`ValidationReportPanel`], for the pages that show it above an
/// article.
pub fn write_validation_report(markup: &mut Markup, report: ValidationReport, article: String) {
    let summary = report.summary();
    markup
        .open_with_class("section", "lede-validation-report")
        .attribute("aria-labelledby", "lede-validation-report-title")
        .attribute("data-testid", "validation-report")
        .open_with_class("h2", "lede-validation-report__title")
        .attribute("id", "lede-validation-report-title")
        .text("Validation report")
        .close()
        .open_with_class("p", "lede-validation-report__summary")
        .open("span")
        .attribute("data-testid", "validation-report-summary")
        .owned_text(summary)
        .close()
        .text(" · ")
        .open("code")
        .owned_text(article)
        .close()
        .close()
        .open_with_class("ul", "lede-validation-report__lines");
    for line in report.lines {
        markup
            .open_with_class("li", "lede-validation-report__line")
            .open_with_class("code", "lede-validation-report__path")
            .owned_text(line.path)
            .close()
            .text(" ")
            .open_with_class("span", "lede-validation-report__message")
            .owned_text(line.message)
            .close()
            .close();
    }
    markup.close();
    if report.unlisted > 0 {
        markup
            .open_with_class("p", "lede-validation-report__more")
            .owned_text(format!("… and {} more, listed in the browser's console", report.unlisted))
            .close();
    }
    markup.close();
}
