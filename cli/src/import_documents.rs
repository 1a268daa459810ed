//! `lede import`: documents from another system turned into Lede articles, each checked
//! as `lede check` would before it is written.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use lede::import::anf::{import_apple_news, AppleNewsSite};
use lede::import::ans::{import_ans_stories, ArcSite};
use lede::import::page::{import_page, PageSite};
use lede::import::wordpress::{import_wordpress_posts, WordPressSite};
use lede::import::{ImportError, Imported};

use crate::html5ever_tree::Html5ever;

/// The systems `lede import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SourceFormat {
    /// WordPress posts as its REST API gives them (`/wp-json/wp/v2/posts?_embed`).
    Wordpress,
    /// Arc XP stories in ANS (`type: "story"`), as the Content API gives them.
    Ans,
    /// Web pages with schema.org `NewsArticle` JSON-LD and Open Graph tags.
    Html,
    /// Apple News Format documents (`article.json`).
    AppleNews,
}

/// What `lede import` was asked to do: its command-line arguments.
#[derive(clap::Args)]
pub struct ImportOptions {
    /// The system the documents come from.
    #[arg(long, value_enum)]
    pub from: SourceFormat,
    /// The documents: for WordPress, a post or an array of posts as its REST API gives
    /// them (`/wp-json/wp/v2/posts?_embed`); for ANS, a story or an array of them; for
    /// HTML, a saved page; for Apple News, an `article.json`.
    #[arg(required = true)]
    pub sources: Vec<PathBuf>,
    /// The folder the articles are written to, as `{id}.json`.
    #[arg(long)]
    pub out: PathBuf,
    /// The outlet's name, for the masthead, where the documents do not name it.
    #[arg(long)]
    pub outlet: Option<String>,
    /// The language of the documents, as a BCP 47 tag such as `en` or `pt-BR`.
    #[arg(long)]
    pub language: Option<String>,
    /// The site's address, such as `https://news.example`, which relative addresses in
    /// the documents (ANS's canonical_url) resolve against.
    #[arg(long)]
    pub site: Option<String>,
}

/// Runs `lede import`.
pub fn run(options: &ImportOptions) -> ExitCode {
    if let Err(error) = std::fs::create_dir_all(&options.out) {
        eprintln!("lede import: {}: {error}", options.out.display());
        return ExitCode::from(2);
    }
    let site = WordPressSite {
        outlet_name: options.outlet.clone(),
        language: options.language.clone(),
    };
    let apple_news_site = AppleNewsSite {
        outlet_name: options.outlet.clone(),
    };
    let page_site = PageSite {
        outlet_name: options.outlet.clone(),
        page_url: None,
    };
    let arc_site = ArcSite {
        outlet_name: options.outlet.clone(),
        site_url: options.site.clone(),
    };
    // Progress on a terminal only: a pipe or a log file gets the report alone.
    let shows_progress = std::io::stderr().is_terminal() && options.sources.len() > 1;
    let (mut written, mut failed) = (0_usize, 0_usize);
    for (index, source) in options.sources.iter().enumerate() {
        if shows_progress {
            eprint!("\rlede import: {} of {} documents", index + 1, options.sources.len());
        }
        let text = match std::fs::read_to_string(source) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("lede import: {}: {error}", source.display());
                return ExitCode::from(2);
            }
        };
        let results = match options.from {
            SourceFormat::Wordpress => import_wordpress_posts(&text, &Html5ever, &site),
            SourceFormat::Ans => import_ans_stories(&text, &Html5ever, &arc_site),
            SourceFormat::Html => Ok(vec![import_page(&text, &Html5ever, &page_site)]),
            SourceFormat::AppleNews => Ok(vec![import_apple_news(&text, &Html5ever, &apple_news_site)]),
        };
        let results = match results {
            Ok(results) => results,
            Err(error) => {
                println!("{}: not imported: {error}", source.display());
                failed += 1;
                continue;
            }
        };
        let several = results.len() > 1;
        for (position, result) in results.into_iter().enumerate() {
            let name = if several { format!("{}[{position}]", source.display()) } else { source.display().to_string() };
            match result.and_then(|imported| write_article(&imported, options).map(|path| (imported, path))) {
                Ok((imported, path)) => {
                    written += 1;
                    println!("{name}: imported as {} ({} note(s))", path.display(), imported.notes.len());
                    for note in &imported.notes {
                        println!("  {note}");
                    }
                }
                Err(error) => {
                    failed += 1;
                    println!("{name}: not imported: {error}");
                }
            }
        }
    }
    if shows_progress {
        eprintln!();
    }
    println!("imported {written} article(s), {failed} not imported");
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// Writes `imported` as `{id}.json` in the output folder once it passes the reader's
/// validation; an article that would not is an error, never a file.
fn write_article(imported: &Imported, options: &ImportOptions) -> Result<PathBuf, ImportError> {
    let path = options.out.join(format!("{}.json", imported.article.id));
    let text = serde_json::to_string_pretty(&imported.article).map_err(|error| ImportError {
        field: String::new(),
        message: format!("the article could not be written as json: {error}"),
    })?;
    let report = crate::check::check_text(&path, &text);
    if let Some(problem) = report.problems.first() {
        return Err(ImportError {
            field: String::new(),
            message: format!(
                "the article made from it breaks the format at {}: {} ({} problem(s) in all)",
                if problem.path.is_empty() { "the top" } else { &problem.path },
                problem.message,
                report.problems.len()
            ),
        });
    }
    std::fs::write(&path, text + "\n").map_err(|error| ImportError {
        field: String::new(),
        message: format!("{}: {error}", path.display()),
    })?;
    Ok(path)
}
