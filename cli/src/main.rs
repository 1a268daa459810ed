//! `lede`: the outlet's command line. `lede publish` renders every article of a built
//! reader into a static page (see the `publish` module of the reader's crate).
//!
//! Exit codes: 0 when everything asked for was done, 1 when some article could not be
//! published (the others are), 2 for a usage error or a reader that cannot be published.

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
