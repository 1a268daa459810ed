//! `lede publish` run as an outlet runs it, on a folder laid out like a built reader (a
//! shell `index.html`, `lede.config.json`, `articles/`), and its pages read back with a
//! real HTML parser.

use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

const SEED_ID: &str = "zelensky-kushner-witkoff-call";

/// A shell shaped like Trunk's release `index.html`: what publishing keeps of it is the
/// head after the title.
const SHELL: &str = "<!doctype html><html lang=en><meta charset=utf-8><title>Lede</title>\
<script type=\"module\" src=\"/lede-start-0123456789abcdef.js\"></script>\
<link rel=\"stylesheet\" href=\"/lede-0123456789abcdef.css\">\
<link as=fetch crossorigin href=/lede-0123456789abcdef_bg.wasm rel=preload type=application/wasm>\
<link crossorigin href=/lede-0123456789abcdef.js rel=modulepreload>\
</head><body><div class=lede-app id=lede-app><div class=lede-loading-state role=status></div></div></body></html>";

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A fresh folder laid out like a built reader, holding the given articles.
fn built_reader(name: &str, articles: &[(&str, String)]) -> PathBuf {
    let dist = std::env::temp_dir().join(format!("lede-publish-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(dist.join("articles")).unwrap();
    std::fs::write(dist.join("index.html"), SHELL).unwrap();
    std::fs::copy(project_root().join("config/lede.config.json"), dist.join("lede.config.json")).unwrap();
    for (id, json) in articles {
        std::fs::write(dist.join("articles").join(format!("{id}.json")), json).unwrap();
    }
    dist
}

fn fixture(id: &str) -> String {
    std::fs::read_to_string(project_root().join("fixtures/articles").join(format!("{id}.json"))).unwrap()
}

fn all_fixtures() -> Vec<(String, String)> {
    let mut fixtures: Vec<(String, String)> = std::fs::read_dir(project_root().join("fixtures/articles"))
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let id = path.file_stem()?.to_str()?.to_owned();
            (path.extension()? == "json").then(|| (id, std::fs::read_to_string(&path).unwrap()))
        })
        .collect();
    fixtures.sort();
    fixtures
}

/// Runs `lede publish DIST` and returns its exit code and standard output.
fn publish(dist: &Path) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["publish", "--site", "https://news.example"])
        .arg(dist)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), format!("{stdout}{stderr}"))
}

fn page(dist: &Path, path: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(dist.join(path)).unwrap())
}

fn texts(document: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .map(|element| element.text().collect::<String>().trim().to_owned())
        .collect()
}

fn attribute(document: &Html, selector: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|element| element.value().attr(name).map(str::to_owned))
}

#[test]
fn publishing_the_fixtures_writes_a_page_for_each_article_and_the_front_page_for_the_default_one() {
    let fixtures = all_fixtures();
    let articles: Vec<(&str, String)> = fixtures.iter().map(|(id, json)| (id.as_str(), json.clone())).collect();
    let dist = built_reader("fixtures", &articles);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    for (id, _) in &fixtures {
        assert!(dist.join("articles").join(id).join("index.html").is_file(), "a page for {id}");
        assert!(dist.join("articles").join(id).join("frame/index.html").is_file(), "a widget frame page for {id}");
    }
    assert!(dist.join("shell.html").is_file(), "the app's shell is kept beside the front page");
    let front = page(&dist, "index.html");
    let seed_page = page(&dist, &format!("articles/{SEED_ID}/index.html"));
    assert_eq!(texts(&front, "h1"), texts(&seed_page, "h1"), "the front page shows the default article");
    assert!(output.contains(&format!("published {} page(s)", 2 * fixtures.len() + 1)), "{output}");
}

#[test]
fn the_seed_page_holds_the_whole_article_and_describes_it_in_its_head() {
    let dist = built_reader("seed", &[(SEED_ID, fixture(SEED_ID))]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let document = page(&dist, &format!("articles/{SEED_ID}/index.html"));
    let seed: serde_json::Value = serde_json::from_str(&fixture(SEED_ID)).unwrap();
    let headline = seed["headline"].as_str().unwrap();

    assert_eq!(texts(&document, "h1"), vec![headline.to_owned()]);
    assert_eq!(texts(&document, "[data-testid=kicker]"), vec!["Conflict".to_owned()]);
    assert!(texts(&document, "[data-testid=summary]")[0].contains("long, substantive"));
    let headings = texts(&document, ".lede-article-section__heading");
    let expected: Vec<String> = seed["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|section| section["heading"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(headings, expected, "every section, in order");
    assert_eq!(expected.len(), 4);
    assert!(!texts(&document, "[data-testid=related] a").is_empty(), "related articles are plain links");
    assert_eq!(attribute(&document, "[data-testid=related] a", "href").map(|href| href.starts_with("/articles/")), Some(true));
    assert!(texts(&document, "[data-testid=byline] time")[0].ends_with("UTC"), "times say their zone");

    assert_eq!(attribute(&document, "html", "lang").as_deref(), Some("en"));
    assert_eq!(attribute(&document, "html", "dir").as_deref(), Some("ltr"));
    assert_eq!(texts(&document, "title"), vec![headline.to_owned()]);
    assert_eq!(attribute(&document, "meta[property='og:title']", "content").as_deref(), Some(headline));
    assert_eq!(
        attribute(&document, "link[rel=canonical]", "href").as_deref(),
        Some(format!("https://news.example/articles/{SEED_ID}/").as_str())
    );
    assert!(attribute(&document, "meta[name=description]", "content").is_some_and(|text| text.contains("long, substantive")));
    assert!(attribute(&document, "meta[name='twitter:card']", "content").is_some());
    let json_ld = texts(&document, "script[type='application/ld+json']");
    let json_ld: serde_json::Value = serde_json::from_str(&json_ld[0]).unwrap();
    assert_eq!(json_ld["@type"], "NewsArticle");
    assert_eq!(json_ld["headline"], headline);
    assert_eq!(attribute(&document, "#lede-app", "data-lede-published").as_deref(), Some(SEED_ID));
    assert_eq!(
        attribute(&document, "script[data-lede-start]", "data-lede-start").as_deref(),
        Some("/lede-start-0123456789abcdef.js"),
        "the start-up script is loaded after the first paint by the inline script"
    );
    assert!(attribute(&document, "script[type=module]", "src").is_none(), "no request for the app before the first paint");
    assert_eq!(attribute(&document, "link[rel=stylesheet]", "href").as_deref(), Some("/lede-0123456789abcdef.css"));
    assert!(
        attribute(&document, "link[rel=preload], link[rel=modulepreload]", "href").is_none(),
        "the app's files wait for the first paint, preloading nothing"
    );
}

#[test]
fn a_second_run_renders_only_the_articles_that_changed() {
    let dist = built_reader("incremental", &[(SEED_ID, fixture(SEED_ID)), ("minimal-article", fixture("minimal-article"))]);
    let (code, first) = publish(&dist);
    assert_eq!(code, 0, "{first}");
    // Each article's page and widget frame page, and the front page.
    assert!(first.contains("published 5 page(s), 0 unchanged"), "{first}");
    let (_, second) = publish(&dist);
    assert!(second.contains("published 0 page(s), 5 unchanged"), "{second}");
    let changed = fixture("minimal-article").replace("A Minimal Article", "A Changed Article");
    std::fs::write(dist.join("articles/minimal-article.json"), changed).unwrap();
    let (_, third) = publish(&dist);
    assert!(third.contains("published 2 page(s), 3 unchanged"), "{third}");
    assert_eq!(texts(&page(&dist, "articles/minimal-article/index.html"), "h1"), vec!["A Changed Article".to_owned()]);
}

/// Text that would be markup, a script, a comment or an attribute if it were pasted
/// into HTML unescaped.
const HOSTILE: &str = "</script><script>alert(1)</script><!-- \"' onload=\"alert(2)\" <img src=x onerror=alert(3)> \u{2028}</title>";

/// Appends [`HOSTILE`] to every string of `value` that is free text.
fn make_hostile(value: &mut serde_json::Value, key: Option<&str>) {
    const STRUCTURAL: [&str; 10] = ["id", "kind", "language", "published", "updated", "schema_version", "type", "direction", "role", "url"];
    match value {
        serde_json::Value::Object(object) => {
            for (name, child) in object.iter_mut() {
                make_hostile(child, Some(name));
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|item| make_hostile(item, key)),
        serde_json::Value::String(text) if !key.is_some_and(|key| STRUCTURAL.contains(&key)) => {
            text.push_str(HOSTILE);
        }
        _ => {}
    }
}

/// Publishes the seed with [`HOSTILE`] appended to its free text; the reader folder and
/// the hostile seed.
fn publish_hostile_seed(name: &str) -> (PathBuf, serde_json::Value) {
    let mut seed: serde_json::Value = serde_json::from_str(&fixture(SEED_ID)).unwrap();
    make_hostile(&mut seed, None);
    let dist = built_reader(name, &[(SEED_ID, seed.to_string())]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    (dist, seed)
}

#[test]
fn hostile_strings_in_every_field_stay_text_and_add_no_element_attribute_or_script() {
    let (dist, seed) = publish_hostile_seed("hostile");
    let text = std::fs::read_to_string(dist.join(format!("articles/{SEED_ID}/index.html"))).unwrap();
    let document = Html::parse_document(&text);

    let scripts: Vec<String> = document
        .select(&Selector::parse("script").unwrap())
        .map(|script| script.value().attr("type").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(scripts, vec!["application/ld+json".to_owned(), String::new()], "only our own scripts");
    let inline_script = texts(&document, "script[data-lede-start]");
    assert_eq!(inline_script, vec![lede::publish::START_AFTER_FIRST_PAINT_SCRIPT.to_owned()], "the start-up loader, unchanged");
    assert_eq!(document.select(&Selector::parse("img").unwrap()).count(), 0, "no element from the text");
    for element in document.select(&Selector::parse("*").unwrap()) {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "an event handler {name}={value:?} on <{}>", element.value().name());
            assert!(!value.trim_start().to_ascii_lowercase().starts_with("javascript:"), "{name}={value:?}");
        }
    }
    let headline = seed["headline"].as_str().unwrap();
    assert_eq!(texts(&document, "h1"), vec![headline.to_owned()], "the headline is text, whole");
    assert_eq!(texts(&document, "title"), vec![headline.to_owned()]);
    assert_eq!(attribute(&document, "meta[property='og:title']", "content").as_deref(), Some(headline));
    let json_ld: serde_json::Value = serde_json::from_str(&texts(&document, "script[type='application/ld+json']")[0]).unwrap();
    assert_eq!(json_ld["headline"], headline, "the JSON-LD holds the same text");
    let body_start = text.find("<body>").unwrap();
    assert!(!text[body_start..].contains("<script"), "no script in the body: {}", &text[body_start..]);

    // The widget's frame page renders the same text.
    let frame = page(&dist, &format!("articles/{SEED_ID}/frame/index.html"));
    let frame_scripts: Vec<String> = frame
        .select(&Selector::parse("script").unwrap())
        .map(|script| script.value().attr("src").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(frame_scripts, vec!["/embed.js".to_owned()], "only our own script in the frame page");
    assert_eq!(frame.select(&Selector::parse("img").unwrap()).count(), 0, "no element from the text");
    for element in frame.select(&Selector::parse("*").unwrap()) {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "an event handler {name}={value:?} on <{}>", element.value().name());
            assert!(!value.trim_start().to_ascii_lowercase().starts_with("javascript:"), "{name}={value:?}");
        }
    }
    assert_eq!(texts(&frame, "h1"), vec![headline.to_owned()]);
}

#[test]
fn an_article_with_an_unsafe_link_is_refused_by_name_and_the_others_are_published() {
    let unsafe_link = fixture("minimal-article").replace(
        "\"text\": \"One paragraph is all an article needs.\"",
        "\"text\": [{\"text\": \"click\", \"href\": \"javascript:alert(1)\"}]",
    );
    let dist = built_reader("unsafe", &[(SEED_ID, fixture(SEED_ID)), ("minimal-article", unsafe_link)]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("minimal-article.json") && output.contains("javascript"), "{output}");
    assert!(!dist.join("articles/minimal-article/index.html").exists());
    assert!(dist.join(format!("articles/{SEED_ID}/index.html")).is_file());
}

#[test]
fn a_published_front_page_is_refused_as_the_shell() {
    let dist = built_reader("shell", &[(SEED_ID, fixture(SEED_ID))]);
    let (code, _) = publish(&dist);
    assert_eq!(code, 0);
    std::fs::remove_file(dist.join("shell.html")).unwrap();
    let (code, output) = publish(&dist);
    assert_eq!(code, 2, "{output}");
    assert!(output.contains("published page"), "{output}");
}

fn xml(dist: &Path, name: &str) -> String {
    std::fs::read_to_string(dist.join(name)).unwrap()
}

/// The schema languages xmllint validates with.
#[derive(Clone, Copy)]
enum Schema {
    /// The Sitemaps protocol's XML Schema with the news extension (`schemas/sitemap-with-news.xsd`).
    SitemapWithNews,
    /// RFC 4287's RELAX NG grammar of Atom (`schemas/atom.rng`).
    Atom,
}

/// Validates the XML file `file` against `schema` with xmllint (libxml2), which
/// `cargo xtask test` installs. `Err` holds xmllint's report.
fn validate_against_schema(file: &Path, schema: Schema) -> Result<(), String> {
    let schemas = project_root().join("schemas");
    let (option, schema_file) = match schema {
        Schema::SitemapWithNews => ("--schema", schemas.join("sitemap-with-news.xsd")),
        Schema::Atom => ("--relaxng", schemas.join("atom.rng")),
    };
    let output = Command::new("xmllint")
        .args(["--noout", "--nonet", option])
        .arg(&schema_file)
        .arg(file)
        .output()
        .unwrap_or_else(|error| panic!("xmllint could not run ({error}); install libxml2-utils, or run cargo xtask test"));
    let report = String::from_utf8_lossy(&output.stderr).into_owned();
    // A schema that cannot be read, or an import xmllint skips, is a broken test set-up,
    // never a verdict on the file.
    for set_up_failure in ["failed to load external entity", "Failed to locate a schema", "failed to compile"] {
        assert!(!report.contains(set_up_failure), "the schemas in {} are incomplete: {report}", schemas.display());
    }
    if output.status.success() { Ok(()) } else { Err(report) }
}

#[test]
fn the_sitemap_lists_every_page_with_its_last_change_and_marks_only_recent_articles_as_news() {
    let fresh = fixture("minimal-article")
        .replace("\"id\": \"minimal-article\"", "\"id\": \"fresh-article\"")
        .replace("2025-12-06T12:00:00Z", "2999-01-01T00:00:00Z")
        .replace("A Minimal Article", "Fresh & <New>");
    let dist = built_reader("sitemap", &[(SEED_ID, fixture(SEED_ID)), ("fresh-article", fresh)]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let text = xml(&dist, "sitemap.xml");
    let document = roxmltree::Document::parse(&text).expect("the sitemap is well-formed XML");
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(root.tag_name().namespace(), Some("http://www.sitemaps.org/schemas/sitemap/0.9"));
    const NEWS: &str = "http://www.google.com/schemas/sitemap-news/0.9";
    let urls: Vec<roxmltree::Node> = root.children().filter(|node| node.has_tag_name("url")).collect();
    assert_eq!(urls.len(), 2, "one entry per article page");
    let child_text = |node: &roxmltree::Node, name: &str| {
        node.children().find(|child| child.tag_name().name() == name).and_then(|child| child.text()).map(str::to_owned)
    };
    let locations: Vec<String> = urls.iter().filter_map(|url| child_text(url, "loc")).collect();
    assert!(locations.contains(&format!("https://news.example/articles/{SEED_ID}/")), "{locations:?}");
    assert!(locations.contains(&"https://news.example/articles/fresh-article/".to_owned()));
    for url in &urls {
        assert!(child_text(url, "lastmod").is_some_and(|lastmod| lastmod.len() >= 20), "a W3C datetime");
        let is_fresh = child_text(url, "loc").is_some_and(|loc| loc.contains("fresh-article"));
        let news = url.descendants().find(|node| node.has_tag_name((NEWS, "news")));
        assert_eq!(news.is_some(), is_fresh, "the news extension only on the recent article");
        if let Some(news) = news {
            let title = news.descendants().find(|node| node.has_tag_name((NEWS, "title"))).and_then(|node| node.text());
            assert_eq!(title, Some("Fresh & <New>"));
            let language = news.descendants().find(|node| node.has_tag_name((NEWS, "language"))).and_then(|node| node.text());
            assert_eq!(language, Some("en"));
        }
    }
    validate_against_schema(&dist.join("sitemap.xml"), Schema::SitemapWithNews).expect("the sitemap is valid");
}

#[test]
fn the_atom_feed_holds_every_article_newest_first_with_the_elements_atom_requires() {
    let mut seed: serde_json::Value = serde_json::from_str(&fixture(SEED_ID)).unwrap();
    make_hostile(&mut seed, None);
    let dist = built_reader("atom", &[(SEED_ID, seed.to_string()), ("minimal-article", fixture("minimal-article"))]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let text = xml(&dist, "feed.xml");
    let document = roxmltree::Document::parse(&text).expect("the feed is well-formed XML");
    const ATOM: &str = "http://www.w3.org/2005/Atom";
    let feed = document.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    for required in ["id", "title", "updated"] {
        assert!(feed.children().any(|node| node.has_tag_name((ATOM, required))), "the feed's {required}");
    }
    let entries: Vec<roxmltree::Node> = feed.children().filter(|node| node.has_tag_name((ATOM, "entry"))).collect();
    assert_eq!(entries.len(), 2);
    for entry in &entries {
        for required in ["id", "title", "updated", "author", "link"] {
            assert!(entry.children().any(|node| node.has_tag_name((ATOM, required))), "an entry's {required}");
        }
    }
    let first_title = entries[0].children().find(|node| node.has_tag_name((ATOM, "title"))).and_then(|node| node.text());
    assert_eq!(first_title, seed["headline"].as_str(), "the newest first, its hostile title kept as text");
    validate_against_schema(&dist.join("feed.xml"), Schema::Atom).expect("the feed is valid Atom");
}

#[test]
fn the_feed_schemas_reject_a_news_entry_without_its_title_and_an_atom_entry_without_its_id() {
    // The validation above is only worth something if it can fail: the same publish run,
    // each file broken in one required element, must be rejected.
    let fresh = fixture("minimal-article").replace("2025-12-06T12:00:00Z", "2999-01-01T00:00:00Z");
    let dist = built_reader("schemas-reject", &[("minimal-article", fresh)]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let sitemap = xml(&dist, "sitemap.xml");
    let feed = xml(&dist, "feed.xml");
    validate_against_schema(&dist.join("sitemap.xml"), Schema::SitemapWithNews).expect("the sitemap as published is valid");
    validate_against_schema(&dist.join("feed.xml"), Schema::Atom).expect("the feed as published is valid");

    let title_start = sitemap.find("<news:title>").expect("the fresh article is news");
    let title_end = sitemap.find("</news:title>").unwrap() + "</news:title>".len();
    let broken_sitemap = dist.join("sitemap-without-news-title.xml");
    std::fs::write(&broken_sitemap, format!("{}{}", &sitemap[..title_start], &sitemap[title_end..])).unwrap();
    let report = validate_against_schema(&broken_sitemap, Schema::SitemapWithNews).expect_err("a news entry needs its title");
    assert!(report.contains("news"), "{report}");

    let entry_start = feed.find("<entry>").unwrap();
    let id_start = entry_start + feed[entry_start..].find("<id>").unwrap();
    let id_end = id_start + feed[id_start..].find("</id>").unwrap() + "</id>".len();
    let broken_feed = dist.join("feed-without-entry-id.xml");
    std::fs::write(&broken_feed, format!("{}{}", &feed[..id_start], &feed[id_end..])).unwrap();
    let report = validate_against_schema(&broken_feed, Schema::Atom).expect_err("an Atom entry needs its id");
    assert!(report.contains("entry"), "{report}");
}

#[test]
fn the_not_found_page_is_a_static_page_that_says_so_and_loads_the_app() {
    let dist = built_reader("not-found", &[(SEED_ID, fixture(SEED_ID))]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let document = page(&dist, "404.html");
    assert_eq!(texts(&document, "h1"), vec!["Page not found".to_owned()]);
    assert_eq!(texts(&document, "title"), vec!["Page not found".to_owned()]);
    assert_eq!(attribute(&document, "meta[name=robots]", "content").as_deref(), Some("noindex"));
    assert!(attribute(&document, "script[type=module]", "src").is_some(), "the app's start-up script");
    assert!(attribute(&document, "#lede-app", "data-lede-published").is_none(), "nothing for the app to take over");
}

#[test]
fn each_article_gets_a_widget_snippet_whose_fallback_is_its_own_header_and_link() {
    let (dist, seed) = publish_hostile_seed("snippet");
    let snippet = Html::parse_fragment(&std::fs::read_to_string(dist.join(format!("articles/{SEED_ID}/snippet.html"))).unwrap());
    let scripts: Vec<String> = snippet
        .select(&Selector::parse("script").unwrap())
        .map(|script| script.value().attr("src").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(scripts, vec!["https://news.example/embed.js".to_owned()], "only the loader");
    let widget = Selector::parse("lede-article").unwrap();
    let widget = snippet.select(&widget).next().expect("a lede-article element");
    assert_eq!(widget.value().attr("src"), Some(format!("https://news.example/articles/{SEED_ID}.json").as_str()));
    let headline_link = Selector::parse("lede-article h2 a").unwrap();
    let headline_link = snippet.select(&headline_link).next().expect("the headline links to the page");
    assert_eq!(headline_link.text().collect::<String>(), seed["headline"].as_str().unwrap());
    assert_eq!(headline_link.value().attr("href"), Some(format!("https://news.example/articles/{SEED_ID}/").as_str()));
    assert_eq!(snippet.select(&Selector::parse("img").unwrap()).count(), 0, "no element from the text");
}

#[test]
fn the_published_pages_only_inline_script_is_allowed_by_the_hash_in_the_documented_policy() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let dist = built_reader("policy-hash", &[(SEED_ID, fixture(SEED_ID))]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let document = page(&dist, &format!("articles/{SEED_ID}/index.html"));
    let inline_scripts: Vec<String> = document
        .select(&Selector::parse("script:not([src]):not([type='application/ld+json'])").unwrap())
        .map(|script| script.text().collect())
        .collect();
    assert_eq!(inline_scripts.len(), 1, "{inline_scripts:?}");
    let digest = sha2::Sha256::digest(inline_scripts[0].as_bytes());
    let source = format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest));
    let configuration = std::fs::read_to_string(project_root().join("docs/configuration.md")).unwrap();
    let policy_row = configuration
        .lines()
        .find(|line| line.starts_with("| `Content-Security-Policy`"))
        .expect("docs/configuration.md gives the policy in its headers table");
    assert!(policy_row.contains(&format!("script-src 'self' {source}")), "the documented policy allows {source}: {policy_row}");
}

/// The seed with `sections` sections of twenty paragraphs each, under the id `id`.
fn long_article(id: &str, sections: usize) -> String {
    let mut article: serde_json::Value = serde_json::from_str(&fixture(SEED_ID)).unwrap();
    article["id"] = id.into();
    article["related"] = serde_json::json!([]);
    article["body"] = (1..=sections)
        .map(|section| {
            let blocks: Vec<serde_json::Value> = (1..=20)
                .map(|paragraph| serde_json::json!({ "type": "paragraph", "text": format!("Paragraph {section}.{paragraph} of a long article.") }))
                .collect();
            serde_json::json!({ "id": format!("part-{section}"), "heading": format!("Part {section}"), "blocks": blocks })
        })
        .collect();
    article.to_string()
}

#[test]
fn a_long_article_is_published_as_its_opening_with_a_link_to_a_page_of_the_whole_article() {
    let dist = built_reader("long", &[("long-article", long_article("long-article", 6))]);
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let opening = page(&dist, "articles/long-article/index.html");
    assert!(attribute(&opening, "#lede-app", "data-lede-opening").is_some(), "marked as an opening for the app and the stylesheet");
    let paragraphs = texts(&opening, "[data-testid=article-body] p").into_iter().filter(|text| text.starts_with("Paragraph")).count();
    assert_eq!(paragraphs, 16, "the first rendering chunk, as the app's first screen");
    assert_eq!(attribute(&opening, "[data-testid=continue-reading]", "href").as_deref(), Some("/articles/long-article/all/"));
    assert!(attribute(&opening, "script[data-lede-start]", "data-lede-start").is_some(), "the app takes the opening over");

    let whole = page(&dist, "articles/long-article/all/index.html");
    let paragraphs = texts(&whole, "[data-testid=article-body] p").into_iter().filter(|text| text.starts_with("Paragraph")).count();
    assert_eq!(paragraphs, 120, "every paragraph");
    assert_eq!(texts(&whole, "h2").iter().filter(|heading| heading.starts_with("Part ")).count(), 6);
    assert!(attribute(&whole, "[data-testid=continue-reading]", "href").is_none());
    assert_eq!(attribute(&whole, "link[rel=canonical]", "href").as_deref(), Some("https://news.example/articles/long-article/"));
    let scripts: Vec<String> = whole
        .select(&Selector::parse("script").unwrap())
        .map(|script| script.value().attr("type").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(scripts, vec!["application/ld+json".to_owned()], "nothing runs on the page of the whole article");
    let stylesheets: Vec<String> = whole
        .select(&Selector::parse("head > link[rel=stylesheet]").unwrap())
        .filter_map(|link| link.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(stylesheets, vec!["/lede-0123456789abcdef.css".to_owned(), "/noscript.css".to_owned()]);

    // Shortened, the article is published whole again, and the page of the whole goes.
    std::fs::write(dist.join("articles/long-article.json"), long_article("long-article", 2)).unwrap();
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let short = page(&dist, "articles/long-article/index.html");
    assert!(attribute(&short, "#lede-app", "data-lede-opening").is_none());
    assert!(attribute(&short, "[data-testid=continue-reading]", "href").is_none());
    assert!(!dist.join("articles/long-article/all/index.html").exists(), "no stale page of the whole article");
}

#[test]
fn each_article_gets_a_widget_frame_page_with_its_text_and_the_loader_is_told_so() {
    let dist = built_reader("frame", &[(SEED_ID, fixture(SEED_ID))]);
    std::fs::write(dist.join("embed.js"), "const A=1;const PUBLISHED_FRAMES=false;const B=2;").unwrap();
    std::fs::write(dist.join("embed.js.br"), "stale").unwrap();
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "{output}");
    let frame = page(&dist, &format!("articles/{SEED_ID}/frame/index.html"));
    assert!(attribute(&frame, "html", "data-lede-frame").is_some(), "the loader runs it as a frame page");
    assert_eq!(attribute(&frame, "meta[name=robots]", "content").as_deref(), Some("noindex"));
    let seed: serde_json::Value = serde_json::from_str(&fixture(SEED_ID)).unwrap();
    assert_eq!(
        texts(&frame, "lede-article[data-lede-frame][data-lede-prerendered] h1"),
        vec![seed["headline"].as_str().unwrap().to_owned()],
        "the article's text inside the widget element, shown until the widget loads"
    );
    assert!(
        attribute(&frame, ".lede-article-view", "class").is_some_and(|class| class.contains("lede-article-view--widget")),
        "in the widget's layout"
    );
    let scripts: Vec<String> = frame
        .select(&Selector::parse("script").unwrap())
        .map(|script| script.value().attr("src").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(scripts, vec!["/embed.js".to_owned()], "only the widget's loader");
    let loader = std::fs::read_to_string(dist.join("embed.js")).unwrap();
    assert_eq!(loader, "const A=1;const PUBLISHED_FRAMES=true;const B=2;");
    assert!(!dist.join("embed.js.br").exists(), "the loader's stale compressed twin is gone");
    let (code, output) = publish(&dist);
    assert_eq!(code, 0, "a second run finds the loader told already: {output}");
}

#[test]
fn publishing_a_thousand_articles_prints_how_long_it_took_and_a_second_run_rewrites_none() {
    let template: serde_json::Value = serde_json::from_str(&fixture(SEED_ID)).unwrap();
    let articles: Vec<(String, String)> = (0..1000)
        .map(|index| {
            let mut article = template.clone();
            let id = format!("generated-article-{index}");
            article["id"] = id.clone().into();
            article["related"] = serde_json::Value::Array(Vec::new());
            (id, article.to_string())
        })
        .collect();
    let borrowed: Vec<(&str, String)> = articles.iter().map(|(id, json)| (id.as_str(), json.clone())).collect();
    let dist = built_reader("thousand", &borrowed);
    let started = std::time::Instant::now();
    let (code, output) = publish(&dist);
    let first_run = started.elapsed();
    assert_eq!(code, 0, "{}", &output[output.len().saturating_sub(2000)..]);
    // Each article's page and its widget frame page.
    assert!(output.contains("published 2000 page(s), 0 unchanged, 0 article(s) refused"), "{output}");
    assert!(dist.join("articles/generated-article-999/index.html").is_file());
    let started = std::time::Instant::now();
    let (code, output) = publish(&dist);
    let second_run = started.elapsed();
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("published 0 page(s), 2000 unchanged, 0 article(s) refused"), "{output}");
    println!(
        "published 1,000 articles in {} ms, then found them unchanged in {} ms ({} profile)",
        first_run.as_millis(),
        second_run.as_millis(),
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );
    let _ = std::fs::remove_dir_all(&dist);
}
