//! `lede`: the outlet's command line. `lede check` validates articles, `lede import`
//! turns documents from other systems into articles (docs/importing.md), and `lede publish`
//! renders every article of a built reader into a static page (docs/publishing.md).
//!
//! Exit codes: 0 when everything asked for was done; 1 when some article is invalid or
//! could not be imported or published (the others are done); 2 for a usage error, a file
//! that cannot be read or written, or a reader that cannot be published.

mod check;
mod html5ever_tree;
mod import_documents;
mod publish_site;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Lede's command line for outlets.
#[derive(Parser)]
#[command(name = "lede", version, about)]
struct Arguments {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validates article files and prints every problem and warning with its place in
    /// the document. Exits with 1 if any article has a problem.
    Check {
        /// The article files (`.json`).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `human` (the default) or `json`, one object per file, for scripts.
        #[arg(long, value_enum, default_value_t = check::ReportFormat::Human)]
        format: check::ReportFormat,
    },
    /// Turns documents from another system into Lede articles in `--out`, and prints, for
    /// each, what was dropped or guessed. Every article written passes `lede check`.
    Import(import_documents::ImportOptions),
    /// Renders every article of a built reader into a static page: `/` for the default
    /// article and `/articles/{id}/index.html` for each, in the reader's own folder.
    Publish {
        /// The built reader (Trunk's `dist/`), with its articles in `articles/`.
        dist: PathBuf,
        /// Where the articles' JSON files are; `DIST/articles` when not given. They are
        /// copied beside the pages when they are elsewhere.
        #[arg(long)]
        articles: Option<PathBuf>,
        /// The site's address, such as `https://news.example.org`: pages name themselves
        /// by it when their article has no canonical URL.
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        site: String,
        /// Renders every page again, even those whose article and reader did not change.
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    let arguments = Arguments::parse();
    match arguments.command {
        Command::Check { files, format } => check::run(&files, format),
        Command::Import(options) => import_documents::run(&options),
        Command::Publish {
            dist,
            articles,
            site,
            force,
        } => {
            let options = publish_site::PublishOptions {
                articles: articles.unwrap_or_else(|| dist.join("articles")),
                dist,
                site: site.trim_end_matches('/').to_owned(),
                force,
            };
            match publish_site::publish(&options) {
                Ok(report) => {
                    println!("{report}");
                    if report.failures.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    }
                }
                Err(message) => {
                    eprintln!("lede publish: {message}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
