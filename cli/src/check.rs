//! `lede check`: an outlet's lint for article files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lede::model::error::ArticleError;
use lede::model::parse_article;

/// How `lede check` prints what it found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Lines for people.
    Human,
    /// A JSON array with one object per file, for scripts.
    Json,
}

/// One thing found in a file: where (a JSON path, empty for the whole document) and what.
pub struct Finding {
    /// The place in the document, such as `body[0].blocks[2].text`.
    pub path: String,
    /// What is wrong or was assumed.
    pub message: String,
}

/// What `lede check` found in one file.
pub struct FileReport {
    /// The file.
    pub file: PathBuf,
    /// What makes it no article; empty when it is valid.
    pub problems: Vec<Finding>,
    /// What the reader skips or assumes in it.
    pub warnings: Vec<Finding>,
}

/// Validates `text`, read from `file`, as the reader would.
pub fn check_text(file: &Path, text: &str) -> FileReport {
    let source = file.display().to_string();
    match parse_article(text, &source) {
        Ok(parsed) => FileReport {
            file: file.to_owned(),
            problems: Vec::new(),
            warnings: parsed
                .warnings
                .into_iter()
                .map(|warning| Finding { path: warning.path, message: warning.message })
                .collect(),
        },
        Err(error) => FileReport {
            file: file.to_owned(),
            problems: match error {
                ArticleError::Invalid { problems, .. } => problems
                    .into_iter()
                    .map(|problem| Finding { path: problem.path, message: problem.message })
                    .collect(),
                ArticleError::Syntax { message, .. } => vec![Finding { path: String::new(), message }],
                too_large @ ArticleError::TooLarge { .. } => vec![Finding { path: String::new(), message: too_large.to_string() }],
            },
            warnings: Vec::new(),
        },
    }
}

/// Runs `lede check` over `files`.
pub fn run(files: &[PathBuf], format: ReportFormat) -> ExitCode {
    let mut reports = Vec::new();
    for file in files {
        match std::fs::read_to_string(file) {
            Ok(text) => reports.push(check_text(file, &text)),
            Err(error) => {
                eprintln!("lede check: {}: {error}", file.display());
                return ExitCode::from(2);
            }
        }
    }
    match format {
        ReportFormat::Human => {
            for report in &reports {
                let place = |finding: &Finding| if finding.path.is_empty() { String::new() } else { format!("{}: ", finding.path) };
                if report.problems.is_empty() {
                    println!("{}: valid, {} warning(s)", report.file.display(), report.warnings.len());
                } else {
                    println!("{}: {} problem(s)", report.file.display(), report.problems.len());
                }
                for problem in &report.problems {
                    println!("  problem {}{}", place(problem), problem.message);
                }
                for warning in &report.warnings {
                    println!("  warning {}{}", place(warning), warning.message);
                }
            }
        }
        ReportFormat::Json => {
            let findings = |findings: &[Finding]| -> Vec<serde_json::Value> {
                findings.iter().map(|finding| serde_json::json!({ "path": finding.path, "message": finding.message })).collect()
            };
            let json: Vec<serde_json::Value> = reports
                .iter()
                .map(|report| {
                    serde_json::json!({
                        "file": report.file.display().to_string(),
                        "valid": report.problems.is_empty(),
                        "problems": findings(&report.problems),
                        "warnings": findings(&report.warnings),
                    })
                })
                .collect();
            println!("{}", serde_json::Value::Array(json));
        }
    }
    if reports.iter().all(|report| report.problems.is_empty()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
