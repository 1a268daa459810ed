//! `cargo xtask serve-test DIST`: the HTTP server the end-to-end tests start for themselves.
//!
//! It serves `DIST` the way a production host would (files by path, pre-compressed when the
//! build wrote a `.br` or `.gz` twin and the client accepts it, `index.html` for
//! extension-less paths so deep links load the app, 404 for anything else) and injects
//! faults at article paths the app requests like any other article:
//! `/articles/fault-NAME.json`, opened as `/articles/fault-NAME`. It prints
//! `listening on http://127.0.0.1:PORT` and serves until it is killed.
//!
//! Every response carries the headers docs/configuration.md recommends for hosting the
//! reader (see [`hosting_headers`]), so every end-to-end test runs under the reader's
//! Content Security Policy; only `/examples/`, which stand in for outlets' own pages,
//! are left to their own rules.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::stream;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

// The hostile documents of the linear-time test, served as faults: the browser must refuse
// them within the deadline, as it refuses any other broken article.
#[allow(dead_code)]
#[path = "../../tests/support/adversarial.rs"]
mod adversarial;

/// Every fault, by article id.
const FAULTS: [&str; 13] = [
    "fault-no-answer",
    "fault-trickle",
    "fault-drop-halfway",
    "fault-500-then-200",
    "fault-503-retry-after",
    "fault-404",
    "fault-html-page",
    "fault-10mb",
    "fault-unannounced-3mb",
    "fault-invalid-json",
    "fault-invalid-article",
    "fault-many-problems",
    "fault-huge-object",
];

struct Server {
    dist: PathBuf,
    /// Requests per fault since the server started, for faults that change over time.
    attempts: Mutex<HashMap<&'static str, usize>>,
}

/// How `serve-test` serves `dist/`.
pub struct ServeOptions {
    /// Origins the policy's `connect-src` names besides the configuration's (`--connect-src`).
    pub connect_sources: Vec<String>,
    /// Serves the app's shell where a published page would be (`--unpublished`): the
    /// reader as a single-page app, for the tests of its own loading and error states.
    pub unpublished: bool,
    /// The loopback port; 0 for any free one (the tests').
    pub port: u16,
}

/// The options of `serve-test`: `--unpublished` and `--connect-src ORIGIN` pairs.
pub fn parse_options(arguments: &[String]) -> Result<ServeOptions, String> {
    let unpublished = arguments.iter().any(|argument| argument == "--unpublished");
    let rest: Vec<String> = arguments.iter().filter(|argument| *argument != "--unpublished").cloned().collect();
    Ok(ServeOptions {
        connect_sources: parse_connect_sources(&rest)?,
        unpublished,
        port: 0,
    })
}

/// The origins of `--connect-src ORIGIN` arguments.
fn parse_connect_sources(arguments: &[String]) -> Result<Vec<String>, String> {
    arguments
        .chunks(2)
        .map(|pair| match pair {
            [flag, origin] if flag == "--connect-src" => {
                origin_of(origin).ok_or_else(|| format!("{origin:?} is not an http(s) origin"))
            }
            other => Err(format!("unexpected arguments {other:?}: expected --connect-src ORIGIN")),
        })
        .collect()
}

/// Serves `dist` with faults on a free loopback port until the process is killed. The
/// policy's `connect-src` names `connect_sources` besides the configuration's origins.
pub fn serve(dist: &Path, options: &ServeOptions) -> Result<(), String> {
    let connect_sources = &options.connect_sources;
    let unpublished = options.unpublished;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| error.to_string())?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", options.port))
            .await
            .map_err(|error| error.to_string())?;
        let address = listener.local_addr().map_err(|error| error.to_string())?;
        let server = Arc::new(Server {
            dist: dist.to_path_buf(),
            attempts: Mutex::default(),
        });
        let fallback_dist = dist.to_path_buf();
        let app_shell = move |uri: Uri| spa_fallback(fallback_dist.clone(), uri, unpublished);
        let mut router = Router::new();
        for fault in FAULTS {
            let server = server.clone();
            router = router.route(
                &format!("/articles/{fault}.json"),
                get(move || inject(server.clone(), fault)),
            );
        }
        // A WordPress site's REST API, for widgets with `format="wordpress"`: the posts of
        // fixtures/import/wordpress/, as `/wp-json/wp/v2/posts/{fixture}`.
        router = router.route("/wp-json/wp/v2/posts/{fixture}", get(wordpress_post));
        // The release build writes `.br` and `.gz` twins of its files (tools/post-build.mjs);
        // they are served to clients that accept them, as a production host would.
        // Folders are left to the fallback, which serves a published page's `index.html`
        // under its address with or without the trailing slash, as the app links it.
        let files = ServeDir::new(dist)
            .append_index_html_on_directories(false)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(app_shell.into_service());
        // Articles may be read from another origin (a reader configured to allow this one).
        let mut origins = allowed_article_origins(dist);
        origins.extend(connect_sources.iter().cloned());
        let policy = content_security_policy(&origins);
        let router = router
            .fallback_service(files)
            .layer(SetResponseHeaderLayer::if_not_present(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            ))
            .layer(axum::middleware::from_fn(move |request: axum::extract::Request, next: axum::middleware::Next| {
                let policy = policy.clone();
                async move {
                    let path = request.uri().path().to_owned();
                    let mut response = next.run(request).await;
                    hosting_headers(&path, &policy, response.headers_mut());
                    response
                }
            }));
        println!("listening on http://{address}");
        let _ = std::io::stdout().flush();
        axum::serve(listener, router).await.map_err(|error| error.to_string())
    })
}

/// The reader's Content Security Policy: nothing inline but the published pages' start-up
/// loader (allowed by its hash), no `eval` (WebAssembly aside), and requests only to the
/// reader's origin and the origins its configuration allows articles from. docs/configuration.md gives the same policy to hosts.
pub fn content_security_policy(allowed_article_origins: &[String]) -> String {
    let connect_sources: String = allowed_article_origins.iter().map(|origin| format!(" {origin}")).collect();
    let start_after_first_paint = start_after_first_paint_hash();
    format!(
        "default-src 'self'; script-src 'self' {start_after_first_paint} 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; \
         font-src 'self'; connect-src 'self'{connect_sources}; object-src 'none'; base-uri 'none'; form-action 'none'"
    )
}

/// The policy's source for the one inline script of published pages, which loads the
/// start-up script after the first paint: `'sha256-…'` of the script's text, trimmed as
/// `lede::publish::START_AFTER_FIRST_PAINT_SCRIPT` trims it.
fn start_after_first_paint_hash() -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let script = include_str!("../../src/publish/start_after_first_paint.js").trim_ascii_end();
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes())))
}

/// The origins the reader at `dist` loads articles from, which the policy's `connect-src`
/// must name too: `allowed_source_origins`, and the origins of an absolute
/// `articles_base_url` and `article_urls`, as docs/configuration.md tells hosts.
fn allowed_article_origins(dist: &Path) -> Vec<String> {
    let Some(config) = std::fs::read_to_string(dist.join("lede.config.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
    else {
        return Vec::new();
    };
    let mut addresses: Vec<&str> = config["allowed_source_origins"]
        .as_array()
        .map(|origins| origins.iter().filter_map(serde_json::Value::as_str).collect())
        .unwrap_or_default();
    addresses.extend(config["articles_base_url"].as_str());
    if let Some(urls) = config["article_urls"].as_object() {
        addresses.extend(urls.values().filter_map(serde_json::Value::as_str));
    }
    let mut origins: Vec<String> = addresses.into_iter().filter_map(origin_of).collect();
    origins.sort();
    origins.dedup();
    origins
}

/// `scheme://host[:port]` of an absolute http(s) address.
fn origin_of(address: &str) -> Option<String> {
    let (scheme, rest) = address.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    Some(format!("{scheme}://{authority}"))
}

/// The headers a host of the reader should send: the policy, no content sniffing, no full
/// address in referrers to other origins, and caching for good only of files whose names
/// carry their hash (articles, the configuration, pages and `embed.js` are revalidated).
fn hosting_headers(path: &str, policy: &str, headers: &mut axum::http::HeaderMap) {
    if !path.starts_with("/examples/") {
        if let Ok(value) = HeaderValue::from_str(policy) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    // Trunk's and the post-build step's names: `lede-{hash}.js`, `lede-start-{hash}.js`, with
    // a hash of hex digits (Trunk's drops leading zeros, so it may be shorter than 16).
    let file_name = path.rsplit('/').next().unwrap_or("");
    let is_hashed = file_name.starts_with("lede-") && file_name.split(['-', '_', '.']).any(|part| part.len() >= 12 && part.bytes().all(|byte| byte.is_ascii_hexdigit()));
    let caching = if is_hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(caching));
}

/// For paths without a file extension (the app's own routes): the published page of that
/// address if there is one (`/articles/{id}/index.html`, `/index.html`), else the app's
/// shell (`shell.html`, kept by the publish step, or `index.html` of an unpublished
/// build); 404 for anything else.
async fn spa_fallback(dist: PathBuf, uri: Uri, unpublished: bool) -> Response {
    let path = uri.path();
    let has_extension = path.rsplit('/').next().is_some_and(|name| name.contains('.'));
    if has_extension || path.split('/').any(|segment| segment == "..") {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let published = dist.join(path.trim_matches('/')).join("index.html");
    let shell = dist.join("shell.html");
    let page = if !unpublished && tokio::fs::try_exists(&published).await.unwrap_or(false) {
        published
    } else if tokio::fs::try_exists(&shell).await.unwrap_or(false) {
        shell
    } else {
        dist.join("index.html")
    };
    match tokio::fs::read(page).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes).into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// The WordPress post fixture named `fixture`, as a WordPress site's REST API answers.
async fn wordpress_post(axum::extract::Path(fixture): axum::extract::Path<String>) -> Response {
    let is_name = !fixture.is_empty() && fixture.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
    let path = crate::project_root().join("fixtures/import/wordpress").join(format!("{fixture}.json"));
    match std::fs::read(&path) {
        Ok(bytes) if is_name => json(bytes),
        _ => (StatusCode::NOT_FOUND, "no such post").into_response(),
    }
}

fn json(body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body.into()).into_response()
}

async fn article_file(server: &Server, id: &str) -> Response {
    match tokio::fs::read(server.dist.join("articles").join(format!("{id}.json"))).await {
        Ok(bytes) => json(bytes),
        Err(_) => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// A body of `n_chunks` chunks of `chunk_len` spaces, with `pause` before each.
fn spaces(n_chunks: usize, chunk_len: usize, pause: Duration, then_fail: bool) -> Body {
    let chunks = stream::unfold(0, move |sent| async move {
        if sent == n_chunks {
            if !(then_fail && sent > 0) {
                return None;
            }
            // Let the bytes sent so far reach the reader before the connection is cut.
            tokio::time::sleep(Duration::from_millis(200)).await;
            return Some((
                Err(std::io::Error::other("connection cut by the test server")),
                n_chunks + 1,
            ));
        }
        if sent > n_chunks {
            return None;
        }
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
        Some((
            Ok::<Bytes, std::io::Error>(Bytes::from(vec![b' '; chunk_len])),
            sent + 1,
        ))
    });
    Body::from_stream(chunks)
}

async fn inject(server: Arc<Server>, fault: &'static str) -> Response {
    let attempt = {
        let mut attempts = server.attempts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = attempts.entry(fault).or_insert(0);
        *count += 1;
        *count
    };
    match fault {
        // Headers never come: the reader's 10-second deadline must end the wait.
        "fault-no-answer" => {
            tokio::time::sleep(Duration::from_secs(15)).await;
            json("{}")
        }
        // Headers at once, then a byte every 500 ms: the deadline covers the body too.
        "fault-trickle" => json(spaces(40, 1, Duration::from_millis(500), false)),
        // Half of the promised 4000 bytes, then the connection is cut.
        "fault-drop-halfway" => {
            let mut response = json(spaces(1, 2000, Duration::ZERO, true));
            response
                .headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from_static("4000"));
            response
        }
        "fault-500-then-200" if attempt == 1 => (StatusCode::INTERNAL_SERVER_ERROR, "failed").into_response(),
        "fault-500-then-200" => article_file(&server, "florida-meetings-joint-statement").await,
        "fault-503-retry-after" if attempt == 1 => {
            (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "1")], "busy").into_response()
        }
        "fault-503-retry-after" => article_file(&server, "kremlin-response-27-point-plan").await,
        "fault-404" => (StatusCode::NOT_FOUND, "not found").into_response(),
        "fault-html-page" => (
            [(header::CONTENT_TYPE, "text/html")],
            "<!doctype html><h1>502 Bad Gateway</h1>",
        )
            .into_response(),
        // Announced as 10 MB: refused before reading.
        "fault-10mb" => {
            let mut response = json(spaces(160, 64 * 1024, Duration::ZERO, false));
            response
                .headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(10 * 1024 * 1024_u64));
            response
        }
        // 3 MB with no Content-Length (chunked): cut off while reading.
        "fault-unannounced-3mb" => json(spaces(48, 64 * 1024, Duration::ZERO, false)),
        "fault-invalid-json" => json(r#"{"schema_version": "1.0.0", "id": "#),
        // Valid JSON that breaks the format's rules.
        "fault-invalid-article" => json(
            r#"{"schema_version":"1.0.0","id":"x","headline":"","outlet":{"name":"T"},"category":{"name":"C"},"summary":"S","published":"yesterday","body":[{"heading":"H","blocks":[{"type":"paragraph","text":[{"text":"x","href":"javascript:alert(1)"}]}]}]}"#,
        ),
        // 1.9 MB of problems of several kinds, which once took minutes to merge.
        "fault-many-problems" => json(adversarial::AdversarialShape::ManyProblems.document(14_000)),
        // One object of 100,000 keys (2 MB) whose first key comes again after the others: refused,
        // after a duplicate search that was once quadratic.
        "fault-huge-object" => json(
            adversarial::AdversarialShape::HugeObject
                .document(12_500)
                .replacen("\"schema_version\"", "\"key-0\": \"again\", \"schema_version\"", 1),
        ),
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
