//! `lede publish`: the folder side of publishing. It reads the built reader's shell and
//! configuration, renders each article's page with `lede::publish`, and writes only the
//! pages whose inputs changed since the last run (a fingerprint per page, kept in
//! `.lede-publish` in the reader's folder).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use lede::config::ReaderConfig;
use lede::model::parse_article;
use lede::publish::{
    article_frame_page_html, article_page_html, article_page_url, feeds, not_found_page_html, whole_article_page_html,
    widget_snippet_html, AppShell,
};
use lede::reading::chunks::{published_extent, PublishedExtent};

/// The pages an article is published as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ArticlePageKind {
    /// `articles/{id}/index.html`, with the article's widget snippet beside it.
    OwnPage,
    /// `index.html`, for the default article.
    FrontPage,
    /// `articles/{id}/all/index.html`, for a long article whose own page holds its opening.
    WholeArticle,
    /// `articles/{id}/frame/index.html`, the widget's frame page with the article in it.
    WidgetFrame,
}

/// What to publish, and where.
pub struct PublishOptions {
    /// The built reader, which receives the pages.
    pub dist: PathBuf,
    /// The folder of article JSON files.
    pub articles: PathBuf,
    /// The site's address, without a trailing slash.
    pub site: String,
    /// Whether unchanged pages are rendered again.
    pub force: bool,
}

/// What a run did.
pub struct PublishReport {
    /// Pages written.
    pub written: usize,
    /// Pages left as they were, their inputs unchanged.
    pub unchanged: usize,
    /// Articles that could not be published, each with why.
    pub failures: Vec<String>,
    /// How long the run took, in milliseconds.
    pub elapsed_ms: u128,
}

impl fmt::Display for PublishReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        for failure in &self.failures {
            writeln!(formatter, "not published: {failure}")?;
        }
        write!(
            formatter,
            "published {} page(s), {} unchanged, {} article(s) refused, in {} ms",
            self.written,
            self.unchanged,
            self.failures.len(),
            self.elapsed_ms
        )
    }
}

/// The copy of the reader's own `index.html` that publishing keeps, because the published
/// front page takes its place. Hosts can serve it for addresses no page answers.
pub const SHELL_FILE: &str = "shell.html";
/// The fingerprints of the pages written, one `path fingerprint` per line.
const FINGERPRINTS_FILE: &str = ".lede-publish";

/// Publishes every article of `options.articles` into `options.dist`.
pub fn publish(options: &PublishOptions) -> Result<PublishReport, String> {
    let started = Instant::now();
    let dist = &options.dist;
    let shell_path = dist.join(SHELL_FILE);
    let index_path = dist.join("index.html");
    // After a build, index.html is the shell; after a publish, the front page, and the
    // shell is kept beside it.
    let shell_text = match std::fs::read_to_string(&shell_path) {
        Ok(text) => text,
        Err(_) => {
            let text = read(&index_path)?;
            write(&shell_path, &text)?;
            text
        }
    };
    let shell = AppShell::from_index_html(&shell_text).map_err(|message| format!("{}: {message}", shell_path.display()))?;
    let config_path = dist.join("lede.config.json");
    let config = ReaderConfig::parse(&read(&config_path)?).map_err(|message| format!("{}: {message}", config_path.display()))?;

    let mut fingerprints = read_fingerprints(&dist.join(FINGERPRINTS_FILE));
    let mut report = PublishReport {
        written: 0,
        unchanged: 0,
        failures: Vec::new(),
        elapsed_ms: 0,
    };
    let mut article_files: Vec<PathBuf> = std::fs::read_dir(&options.articles)
        .map_err(|error| format!("{}: {error}", options.articles.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .collect();
    article_files.sort();
    let copies_json = options.articles != dist.join("articles");
    let mut published_articles = Vec::new();
    for file in article_files {
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(error) => {
                report.failures.push(format!("{}: {error}", file.display()));
                continue;
            }
        };
        // Relative addresses in the article resolve against where the reader fetches it.
        let file_name = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        let article_address = format!("{}/articles/{file_name}", options.site);
        let parsed = match parse_article(&text, &article_address) {
            Ok(parsed) => parsed,
            Err(error) => {
                report.failures.push(format!("{}: {error}", file.display()));
                continue;
            }
        };
        let article = parsed.article;
        published_articles.push(std::sync::Arc::clone(&article));
        let id = article.id.as_str().to_owned();
        if copies_json {
            write(&dist.join("articles").join(format!("{id}.json")), &text)?;
        }
        let mut pages = vec![
            (format!("articles/{id}/index.html"), ArticlePageKind::OwnPage),
            (format!("articles/{id}/frame/index.html"), ArticlePageKind::WidgetFrame),
        ];
        if article.id == config.default_article {
            pages.push(("index.html".to_owned(), ArticlePageKind::FrontPage));
        }
        // A long article's page holds its opening; the whole of it gets a page of its own,
        // which goes again when the article becomes short enough.
        let whole_page = format!("articles/{id}/all/index.html");
        if published_extent(&article.sections) == PublishedExtent::Opening {
            pages.push((whole_page, ArticlePageKind::WholeArticle));
        } else {
            fingerprints.remove(&whole_page);
            let _ = std::fs::remove_file(dist.join(&whole_page));
        }
        for (page, kind) in pages {
            // The front page shows the default article, whose own page is its address.
            let page_url = article_page_url(&options.site, &article);
            let fingerprint = fingerprint(&[
                env!("CARGO_PKG_VERSION").as_bytes(),
                shell_text.as_bytes(),
                page_url.as_bytes(),
                text.as_bytes(),
            ]);
            let target = dist.join(&page);
            if !options.force && fingerprints.get(&page) == Some(&fingerprint) && target.exists() {
                report.unchanged += 1;
                continue;
            }
            let html = match kind {
                ArticlePageKind::OwnPage | ArticlePageKind::FrontPage => article_page_html(&article, &shell, &page_url),
                ArticlePageKind::WholeArticle => whole_article_page_html(&article, &shell, &page_url),
                ArticlePageKind::WidgetFrame => article_frame_page_html(&article, &shell, &page_url),
            };
            write(&target, &html)?;
            if kind == ArticlePageKind::OwnPage {
                let snippet = widget_snippet_html(&article, &options.site, &page_url);
                write(&dist.join("articles").join(&id).join("snippet.html"), &snippet)?;
            }
            // The build's compressed twins of the shell would be served in place of the page.
            for twin in ["br", "gz"] {
                let _ = std::fs::remove_file(dist.join(format!("{page}.{twin}")));
            }
            fingerprints.insert(page, fingerprint);
            report.written += 1;
        }
    }
    write_fingerprints(&dist.join(FINGERPRINTS_FILE), &fingerprints)?;
    // The feeds list every article, so they are written on every run: they are small.
    let listed: Vec<&lede::model::Article> = published_articles.iter().map(|article| article.as_ref()).collect();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX));
    write(&dist.join("sitemap.xml"), &feeds::sitemap_xml(&options.site, &listed, now))?;
    let feed_title = published_articles
        .iter()
        .find(|article| article.id == config.default_article)
        .or(published_articles.first())
        .map_or_else(|| "Lede".to_owned(), |article| article.outlet.name.clone());
    write(&dist.join("feed.xml"), &feeds::atom_feed(&options.site, &feed_title, &listed))?;
    write(&dist.join("404.html"), &not_found_page_html(&shell))?;
    enable_published_frames(dist)?;
    report.elapsed_ms = started.elapsed().as_millis();
    Ok(report)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    }
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}

/// FNV-1a over the parts, with a separator byte between them: stable across runs and
/// Rust versions, which the standard library's hasher does not promise.
fn fingerprint(parts: &[&[u8]]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.iter().chain(std::iter::once(&0xff)) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn read_fingerprints(path: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.split_once(' '))
        .map(|(page, fingerprint)| (page.to_owned(), fingerprint.to_owned()))
        .collect()
}

fn write_fingerprints(path: &Path, fingerprints: &BTreeMap<String, String>) -> Result<(), String> {
    let text: String = fingerprints
        .iter()
        .map(|(page, fingerprint)| format!("{page} {fingerprint}\n"))
        .collect();
    write(path, &text)
}

/// The line of the widget's loader (`embed.js`, as the build writes it) that says whether
/// the site has published frame pages, and what it says once it has.
const FRAMES_UNPUBLISHED: &str = "const PUBLISHED_FRAMES=false;";
const FRAMES_PUBLISHED: &str = "const PUBLISHED_FRAMES=true;";

/// Tells the widget's loader that every article has its frame page now, so that a widget
/// in iframe mode opens it rather than the empty `embed.html`. The build's compressed
/// twins of the loader would be served in its place, so they go.
fn enable_published_frames(dist: &Path) -> Result<(), String> {
    let loader_path = dist.join("embed.js");
    let Ok(loader) = std::fs::read_to_string(&loader_path) else {
        // A reader folder without the widget publishes pages all the same.
        return Ok(());
    };
    if loader.contains(FRAMES_PUBLISHED) {
        return Ok(());
    }
    if !loader.contains(FRAMES_UNPUBLISHED) {
        return Err(format!("{}: the widget's loader does not say `{FRAMES_UNPUBLISHED}`", loader_path.display()));
    }
    write(&loader_path, &loader.replacen(FRAMES_UNPUBLISHED, FRAMES_PUBLISHED, 1))?;
    for twin in ["br", "gz"] {
        let _ = std::fs::remove_file(dist.join(format!("embed.js.{twin}")));
    }
    Ok(())
}
