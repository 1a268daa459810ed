//! `lede import` and `lede check` run as an outlet runs them: WordPress posts written from
//! the REST API's documentation, each beside the article it must produce; hostile and
//! generated HTML; exit codes and the machine-readable report.

use std::path::{Path, PathBuf};
use std::process::Command;

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn wordpress_fixtures() -> PathBuf {
    project_root().join("fixtures/import/wordpress")
}

fn ans_fixtures() -> PathBuf {
    project_root().join("fixtures/import/ans")
}

fn html_fixtures() -> PathBuf {
    project_root().join("fixtures/import/html")
}

fn html_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "html"))
        .collect();
    files.sort();
    files
}

fn fresh_folder(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("lede-import-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// Runs `lede` with `arguments`; its exit code and standard output.
fn lede(arguments: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_lede")).args(arguments).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr),
    )
}

fn import_wordpress(sources: &[PathBuf], out: &Path) -> (i32, String) {
    import_from("wordpress", &["--outlet", "News Example"], sources, out)
}

fn import_from(format: &str, options: &[&str], sources: &[PathBuf], out: &Path) -> (i32, String) {
    let mut arguments = vec!["import".to_owned(), "--from".to_owned(), format.to_owned()];
    arguments.extend(options.iter().map(|option| (*option).to_owned()));
    arguments.push("--out".to_owned());
    arguments.push(out.display().to_string());
    arguments.extend(sources.iter().map(|source| source.display().to_string()));
    let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
    lede(&arguments)
}

fn json_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .collect();
    files.sort();
    files
}

/// The JSON document in the file at `path`.
fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Fails unless the import report `output` holds every one of `lines`.
fn assert_report_says(output: &str, lines: &[&str]) {
    for line in lines {
        assert!(output.contains(line), "the report says {line:?}:\n{output}");
    }
}

/// Every string in `value`, for scanning an article for what must never be in it.
fn strings(value: &serde_json::Value, found: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => found.push(text.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|item| strings(item, found)),
        serde_json::Value::Object(object) => object.iter().for_each(|(key, item)| {
            found.push(key.clone());
            strings(item, found);
        }),
        _ => {}
    }
}

/// The addresses an article links to or loads: every `href`, `url` and image source.
fn addresses(value: &serde_json::Value, found: &mut Vec<String>) {
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|item| addresses(item, found)),
        serde_json::Value::Object(object) => {
            for (key, item) in object {
                match (key.as_str(), item) {
                    ("href" | "url", serde_json::Value::String(address)) => found.push(address.clone()),
                    _ => addresses(item, found),
                }
            }
        }
        _ => {}
    }
}

/// Imports every fixture of `fixtures` and compares the articles with those written in
/// its `expected/` folder; then checks them with `lede check`.
fn assert_fixtures_import_as_expected(fixtures: &Path, out: &Path, output: &str) {
    let expected_folder = fixtures.join("expected");
    let written = json_files(out);
    let expected = json_files(&expected_folder);
    assert_eq!(
        written.iter().map(|path| path.file_name().unwrap().to_owned()).collect::<Vec<_>>(),
        expected.iter().map(|path| path.file_name().unwrap().to_owned()).collect::<Vec<_>>(),
        "{output}"
    );
    for (written, expected) in written.iter().zip(&expected) {
        let written_json: serde_json::Value = read_json(written);
        let expected_json: serde_json::Value = read_json(expected);
        assert_eq!(written_json, expected_json, "{} differs from {}", written.display(), expected.display());
    }
    let mut check = vec!["check".to_owned()];
    check.extend(written.iter().map(|path| path.display().to_string()));
    let check: Vec<&str> = check.iter().map(String::as_str).collect();
    let (code, report) = lede(&check);
    assert_eq!(code, 0, "every imported article is valid: {report}");
}

#[test]
fn arc_xp_stories_import_into_the_articles_written_beside_them_and_each_passes_check() {
    let out = fresh_folder("ans");
    let (code, output) = import_from("ans", &["--site", "https://news.example"], &json_files(&ans_fixtures()), &out);
    assert_eq!(code, 1, "not-a-story.json holds a gallery and a story without a headline: {output}");
    assert!(output.contains("not-a-story.json[0]: not imported: [0].type: the document is an ANS \"gallery\", not a story"), "{output}");
    assert!(output.contains("not-a-story.json[1]: not imported: [1].headlines.basic: the story has no headline"), "{output}");
    assert_report_says(
        &output,
        &[
            "dropped content_elements[12]: raw HTML, which could hold anything",
            "dropped content_elements[13]: an element of type \"video\"",
            "guessed content_elements[11]: an embed of https://www.youtube.com/watch?v=abc123 became a link card",
            "dropped content_elements[2]: a link without an http(s) address or words",
        ],
    );
    assert_fixtures_import_as_expected(&ans_fixtures(), &out, &output);
    let hostile: serde_json::Value = read_json(&out.join("a-hostile-story.json"));
    let mut links = Vec::new();
    addresses(&hostile, &mut links);
    for link in links {
        assert!(link.starts_with("https://") || link.starts_with("http://") || link.starts_with("mailto:"), "{link}");
    }
    let mut found = Vec::new();
    strings(&hostile, &mut found);
    assert!(!found.iter().any(|text| text.contains("alert(2)") || text.contains("alert(6)")), "script text became article text: {found:?}");
}

#[test]
fn wordpress_posts_import_into_the_articles_written_beside_them_and_each_passes_check() {
    let out = fresh_folder("fixtures");
    let sources: Vec<PathBuf> = json_files(&wordpress_fixtures());
    let (code, output) = import_wordpress(&sources, &out);
    assert_eq!(code, 1, "one post of several-posts.json has no content: {output}");
    assert!(output.contains("several-posts.json[2]: not imported: [2].content.rendered: the post's content holds nothing an article can show"), "{output}");
    assert!(output.contains("imported 4 article(s), 1 not imported"), "{output}");
    assert_fixtures_import_as_expected(&wordpress_fixtures(), &out, &output);
}

#[test]
fn the_import_report_names_what_was_dropped_and_guessed_with_the_source_field() {
    let out = fresh_folder("report");
    let (_, output) = import_wordpress(&[wordpress_fixtures().join("talks-resume.json"), wordpress_fixtures().join("hostile-post.json")], &out);
    assert_report_says(
        &output,
        &[
            "guessed content.rendered: an embed of https://www.youtube.com/watch?v=abc123 became a link card",
            "dropped content.rendered: the link to \"javascript:alert(2)\", whose scheme the format refuses; its text is kept",
            "dropped content.rendered: 1 <script> element(s)",
            "dropped content.rendered: 1 <iframe> element(s)",
            "dropped content.rendered: 1 <form> element(s)",
            "dropped content.rendered: the picture https://news.example/a.jpg, whose width and height the source does not give",
            "dropped _embedded.wp:featuredmedia[0]: the featured picture, which has no http(s) source_url",
        ],
    );
}

#[test]
fn hostile_html_in_a_post_leaves_no_script_handler_or_unsafe_address_in_the_article() {
    let out = fresh_folder("hostile");
    let (code, output) = import_wordpress(&[wordpress_fixtures().join("hostile-post.json")], &out);
    assert_eq!(code, 0, "{output}");
    let article: serde_json::Value = read_json(&out.join("hostile-post.json"));
    let mut found = Vec::new();
    strings(&article, &mut found);
    for text in &found {
        assert!(!text.contains("alert(1)<") && !text.contains("document.cookie") && !text.contains("p{color"), "script or style text became article text: {text:?}");
    }
    let mut links = Vec::new();
    addresses(&article, &mut links);
    assert!(!links.is_empty());
    for link in links {
        assert!(link.starts_with("https://") || link.starts_with("http://") || link.starts_with("mailto:"), "{link}");
    }
}

#[test]
fn check_exits_with_one_on_a_problem_and_reports_every_file_as_json() {
    let folder = fresh_folder("check");
    let valid = project_root().join("fixtures/articles/minimal-article.json");
    let invalid = folder.join("invalid.json");
    std::fs::write(&invalid, r#"{"schema_version":"1.0.0","id":"Not A Slug","outlet":{"name":""},"category":{"name":"x"},"headline":"h","summary":"s","published":"yesterday","body":[]}"#).unwrap();
    let (code, output) = lede(&["check", "--format", "json", &valid.display().to_string(), &invalid.display().to_string()]);
    assert_eq!(code, 1, "{output}");
    let report: serde_json::Value = serde_json::from_str(&output).unwrap_or_else(|error| panic!("{error}: {output}"));
    assert_eq!(report[0]["valid"], true);
    assert_eq!(report[1]["valid"], false);
    let paths: Vec<&str> = report[1]["problems"].as_array().unwrap().iter().map(|problem| problem["path"].as_str().unwrap()).collect();
    for path in ["id", "outlet.name", "published", "body"] {
        assert!(paths.contains(&path), "a problem at {path}: {paths:?}");
    }
    let (code, output) = lede(&["check", &valid.display().to_string()]);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("minimal-article.json: valid"), "{output}");
    let (code, _) = lede(&["check", &folder.join("missing.json").display().to_string()]);
    assert_eq!(code, 2, "a file that cannot be read");
    let (code, _) = lede(&["import", "--from", "markdown", "--out", &folder.display().to_string(), &valid.display().to_string()]);
    assert_eq!(code, 2, "a format the command does not read is a usage error");
}

/// A small deterministic generator (xorshift), so that a failure can be replayed.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// Arbitrary HTML: allowed and forbidden elements, hostile attributes and addresses,
    /// entities, unclosed and stray tags, nested to a random depth.
    fn html(&mut self, depth: usize) -> String {
        const ELEMENTS: [&str; 28] = [
            "p", "h2", "h3", "ul", "ol", "li", "blockquote", "cite", "figure", "figcaption", "img", "a", "strong", "em",
            "div", "span", "script", "style", "iframe", "form", "svg", "table", "td", "pre", "hr", "br", "h1", "object",
        ];
        const ATTRIBUTES: [&str; 12] = [
            "", " href=\"javascript:alert(1)\"", " href=\"https://ok.example/x\"", " href=\"/relative\"", " onclick=\"alert(1)\"",
            " src=\"data:image/png;base64,AAAA\"", " src=\"https://ok.example/a.jpg\" width=\"640\" height=\"480\"",
            " class=\"wp-block-embed\"", " class=\"wp-block-pullquote\"", " srcset=\"javascript:x 100w, https://ok.example/b.jpg 200w\"",
            " href=\"vbscript:x\"", " id=\"section-id\"",
        ];
        const TEXTS: [&str; 10] = [
            "plain words", "&amp; &lt;script&gt; &#x27;", "  lots \n of \t space  ", "</p>", "<b>", "https://www.youtube.com/watch?v=x",
            "— A Speaker", "\u{2028}", "é ü 中文", "",
        ];
        let mut html = String::new();
        let parts = 1 + self.next() % 4;
        for _ in 0..parts {
            if depth == 0 || self.next() % 3 == 0 {
                html.push_str(self.pick(&TEXTS));
                continue;
            }
            let element = self.pick(&ELEMENTS);
            let attribute = self.pick(&ATTRIBUTES);
            html.push_str(&format!("<{element}{attribute}>"));
            html.push_str(&self.html(depth - 1));
            if self.next() % 5 != 0 {
                html.push_str(&format!("</{element}>"));
            }
        }
        html
    }
}

#[test]
fn arbitrary_html_imports_into_valid_articles_with_no_unsafe_address() {
    let folder = fresh_folder("generated");
    let out = folder.join("out");
    let mut generator = Generator(0x5eed_1ede);
    let posts: Vec<serde_json::Value> = (0..300)
        .map(|index| {
            serde_json::json!({
                "slug": format!("generated-{index}"),
                "date_gmt": "2025-12-06T19:30:00",
                "link": "https://news.example/generated/",
                "title": { "rendered": format!("Generated {index} {}", generator.html(1)) },
                "excerpt": { "rendered": generator.html(2) },
                "content": { "rendered": format!("<p>First words.</p>{}", generator.html(6)) },
            })
        })
        .collect();
    let source = folder.join("generated.json");
    std::fs::write(&source, serde_json::Value::Array(posts).to_string()).unwrap();
    let (_, output) = import_wordpress(&[source], &out);
    assert!(!output.contains("breaks the format"), "an import wrote or tried to write an invalid article:\n{output}");
    let written = json_files(&out);
    assert_eq!(written.len(), 300, "every generated post makes an article:\n{output}");
    let mut check = vec!["check".to_owned()];
    check.extend(written.iter().map(|path| path.display().to_string()));
    let check: Vec<&str> = check.iter().map(String::as_str).collect();
    let (code, report) = lede(&check);
    assert_eq!(code, 0, "{report}");
    for file in &written {
        let article: serde_json::Value = read_json(file);
        let mut links = Vec::new();
        addresses(&article, &mut links);
        for link in links {
            assert!(link.starts_with("https://") || link.starts_with("http://") || link.starts_with("mailto:"), "{}: {link}", file.display());
        }
    }
}

#[test]
fn importing_a_thousand_posts_prints_how_long_it_took() {
    let folder = fresh_folder("thousand");
    let template: serde_json::Value = read_json(&wordpress_fixtures().join("talks-resume.json"));
    let posts: Vec<serde_json::Value> = (0..1000)
        .map(|index| {
            let mut post = template.clone();
            post["slug"] = format!("post-{index}").into();
            post
        })
        .collect();
    let source = folder.join("thousand.json");
    std::fs::write(&source, serde_json::Value::Array(posts).to_string()).unwrap();
    let started = std::time::Instant::now();
    let (code, output) = import_wordpress(&[source], &folder.join("out"));
    let elapsed = started.elapsed();
    assert_eq!(code, 0, "{}", &output[output.len().saturating_sub(2000)..]);
    assert_eq!(json_files(&folder.join("out")).len(), 1000);
    println!("imported 1,000 WordPress posts in {} ms ({} profile)", elapsed.as_millis(), if cfg!(debug_assertions) { "debug" } else { "release" });
}

#[test]
fn deeply_nested_html_is_imported_in_linear_time_without_overflowing_the_stack() {
    // Regression: html5ever's tree builder looks through every open element for each new
    // one, and a post nested a hundred thousand deep took minutes. The nesting is now
    // bounded before the tree is built; the import reports what it left out, and four
    // times the depth takes about four times as long (linear is 4, quadratic 16).
    let folder = fresh_folder("nested");
    let import_nested = |depth: usize| {
        let content = format!("<p>Before.</p>{}deep text{}", "<div><span>".repeat(depth), "</span></div>".repeat(depth));
        let post = serde_json::json!({
            "slug": "deeply-nested",
            "date_gmt": "2025-12-06T19:30:00",
            "link": "https://news.example/nested/",
            "title": { "rendered": "Deeply nested" },
            "excerpt": { "rendered": "<p>Nested.</p>" },
            "content": { "rendered": content },
        });
        let source = folder.join(format!("nested-{depth}.json"));
        std::fs::write(&source, post.to_string()).unwrap();
        let started = std::time::Instant::now();
        let (code, output) = import_wordpress(&[source], &folder.join("out"));
        let elapsed = started.elapsed();
        assert_eq!(code, 0, "{output}");
        assert!(output.contains("nested more than 48 elements deep"), "{output}");
        elapsed
    };
    let _warm_up = import_nested(1_000);
    let small = import_nested(25_000);
    let large = import_nested(100_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(0.001);
    println!("nested 25,000 deep: {small:?}; 100,000 deep: {large:?}; ratio {ratio:.1}");
    assert!(ratio < 7.0, "four times the depth took {ratio:.1} times as long: {small:?} against {large:?}");
}

#[test]
fn news_article_pages_import_their_json_ld_and_main_column_into_the_articles_written_beside_them() {
    let out = fresh_folder("html");
    let (code, output) = import_from("html", &[], &html_files(&html_fixtures()), &out);
    assert_eq!(code, 0, "{output}");
    assert_report_says(
        &output,
        &[
            "dropped <article>: the page's <aside>, which is around the article, not in it",
            "guessed script[type=application/ld+json]: the page has no NewsArticle or Article JSON-LD",
            "dropped <article>: the picture https://evil.example/pixel.gif, 1×1 pixels: a tracking pixel or an icon",
            "dropped image: the lead picture \"javascript:alert(2)\", which is not an http(s) address",
        ],
    );
    assert_fixtures_import_as_expected(&html_fixtures(), &out, &output);
    let page: serde_json::Value = read_json(&out.join("talks-resume-in-geneva.json"));
    let mut found = Vec::new();
    strings(&page, &mut found);
    for furniture in ["Sign up for our newsletter!", "Share this article", "Another story.", "© News Example", "Home", "window.analytics"] {
        assert!(!found.iter().any(|text| text.contains(furniture)), "{furniture:?} is the page's, not the article's");
    }
    let hostile: serde_json::Value = read_json(&out.join("hostile-page.json"));
    let mut links = Vec::new();
    addresses(&hostile, &mut links);
    for link in links {
        assert!(link.starts_with("https://") || link.starts_with("http://"), "{link}");
    }
}

#[test]
fn apple_news_documents_import_their_components_styles_and_links_into_the_articles_written_beside_them() {
    let fixtures = project_root().join("fixtures/import/apple-news");
    let out = fresh_folder("apple-news");
    let (code, output) = import_from("apple-news", &["--outlet", "News Example"], &json_files(&fixtures), &out);
    assert_eq!(code, 1, "no-title.json has no title: {output}");
    assert_report_says(
        &output,
        &[
            "no-title.json: not imported: title: the document has no title",
            "dropped components[2]: a photo component, whose width and height the document does not give",
            "dropped components[3]: a link whose address the format refuses; its text is kept",
            "dropped components[8].text: 1 <script> element(s)",
            "dropped components[9]: a component with role \"advertisement\"",
        ],
    );
    assert_fixtures_import_as_expected(&fixtures, &out, &output);
    let article: serde_json::Value = read_json(&out.join("talks-resume-in-geneva.json"));
    let mut links = Vec::new();
    addresses(&article, &mut links);
    for link in links {
        assert!(link.starts_with("https://"), "{link}");
    }
}

#[test]
fn markdown_and_styles_over_hostile_apple_news_text_take_linear_time() {
    // Text with a bracket every few characters and ten thousand overlapping styles and
    // links: each is swept once, so four times the text takes about four times as long.
    let folder = fresh_folder("apple-news-linear");
    let import_of = |size: usize| {
        let text = "[a](b [c] **d *e ".repeat(size);
        let ranges: Vec<serde_json::Value> = (0..size).map(|index| serde_json::json!({ "rangeStart": index, "rangeLength": size * 4, "textStyle": { "fontWeight": "bold" } })).collect();
        let links: Vec<serde_json::Value> = (0..size).map(|index| serde_json::json!({ "type": "link", "rangeStart": index * 2, "rangeLength": size * 4, "URL": "https://ok.example/" })).collect();
        let document = serde_json::json!({
            "version": "1.7", "identifier": format!("linear-{size}"), "title": "Linear", "language": "en",
            "metadata": { "datePublished": "2025-12-06T19:30:00Z", "excerpt": "Linear." },
            "components": [
                { "role": "body", "format": "markdown", "text": text },
                { "role": "body", "text": text, "inlineTextStyles": ranges, "additions": links },
            ],
        });
        let source = folder.join(format!("linear-{size}.json"));
        std::fs::write(&source, document.to_string()).unwrap();
        let started = std::time::Instant::now();
        let (code, output) = import_from("apple-news", &["--outlet", "News Example"], &[source], &folder.join("out"));
        assert_eq!(code, 0, "{}", &output[..output.len().min(2000)]);
        started.elapsed()
    };
    let _warm_up = import_of(500);
    let small = import_of(2_500);
    let large = import_of(10_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(0.001);
    println!("hostile Apple News text, 2,500 units: {small:?}; 10,000 units: {large:?}; ratio {ratio:.1}");
    assert!(ratio < 7.0, "four times the text took {ratio:.1} times as long: {small:?} against {large:?}");
}
