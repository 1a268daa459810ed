//! The validation report's data: what an outlet's developer sees with the `debug` option
//! (`?debug` on the reader's page, the `debug` attribute on a widget), and readers never
//! see. It lists the warnings raised while the article was read (skipped unknown blocks,
//! dropped links, ignored fields), with their JSON paths, and in a widget the attribute
//! values that fell back to their defaults.

use crate::model::Warning;

/// The most warnings the report lists; a hostile document can raise tens of thousands,
/// and the rest are counted instead, so that the report costs the page little.
pub const WARNINGS_LISTED: usize = 100;

/// The report is shown: passed down by the reader's page (`?debug`), provided as context
/// by a widget (`debug`). Without it, nothing of the report is built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidationReportRequested {
    /// The widget's attribute values that were not understood, one sentence each; empty
    /// on the reader's page, which has no attributes.
    pub attribute_warnings: Vec<String>,
}

/// Whether the report is shown: the widget's `debug` attribute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ValidationReportVisibility {
    /// Readers' view: no report.
    #[default]
    Hidden,
    /// The report above the article.
    Shown,
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    /// Where: a JSON path such as `body[2].blocks[0]`, or `widget` for an attribute.
    pub path: String,
    /// What was skipped or assumed.
    pub message: String,
}

/// The report for one article, as the component shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationReport {
    /// The lines listed, attribute warnings first, then at most [`WARNINGS_LISTED`] of the
    /// article's, in document order.
    pub lines: Vec<ReportLine>,
    /// The article's warnings beyond those listed.
    pub unlisted: usize,
    /// How many warnings there are in all, listed or not.
    pub total: usize,
}

impl ValidationReport {
    /// The report for an article read with `warnings`, in a surface whose own settings
    /// raised `attribute_warnings`.
    pub fn new(warnings: &[Warning], attribute_warnings: &[String]) -> ValidationReport {
        let listed = warnings.len().min(WARNINGS_LISTED);
        let lines = attribute_warnings
            .iter()
            .map(|message| ReportLine {
                path: "widget".to_owned(),
                message: message.clone(),
            })
            .chain(warnings[..listed].iter().map(|warning| ReportLine {
                path: if warning.path.is_empty() { "(document)".to_owned() } else { warning.path.clone() },
                message: warning.message.clone(),
            }))
            .collect();
        ValidationReport {
            lines,
            unlisted: warnings.len() - listed,
            total: warnings.len() + attribute_warnings.len(),
        }
    }

    /// The report's summary line: "No warnings", "1 warning", "3 warnings".
    pub fn summary(&self) -> String {
        match self.total {
            0 => "No warnings: the article was read as written".to_owned(),
            1 => "1 warning".to_owned(),
            count => format!("{count} warnings"),
        }
    }
}
