//! The validation report's panel: above the article, with the `debug` option only, for
//! the outlet's developer (`crate::reading::validation_report`).

use leptos::prelude::*;

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
    let unlisted = (report.unlisted > 0).then(|| {
        view! {
            <p class="lede-validation-report__more">
                {format!("… and {} more, listed in the browser's console", report.unlisted)}
            </p>
        }
    });
    let summary = report.summary();
    let lines = report
        .lines
        .into_iter()
        .map(|line| {
            view! {
                <li class="lede-validation-report__line">
                    <code class="lede-validation-report__path">{line.path}</code>
                    " "
                    <span class="lede-validation-report__message">{line.message}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section
            class="lede-validation-report"
            aria-labelledby="lede-validation-report-title"
            data-testid="validation-report"
        >
            <h2 class="lede-validation-report__title" id="lede-validation-report-title">
                "Validation report"
            </h2>
            <p class="lede-validation-report__summary">
                <span data-testid="validation-report-summary">{summary}</span>
                " · "
                <code>{article}</code>
            </p>
            <ul class="lede-validation-report__lines">{lines}</ul>
            {unlisted}
        </section>
    }
}
