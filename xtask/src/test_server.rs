//! `cargo xtask serve-test DIST`: the HTTP server the end-to-end tests start for themselves.
//!
//! It serves `DIST` the way a production host would (files by path, pre-compressed when the
//! build wrote a `.br` or `.gz` twin and the client accepts it, `index.html` for
//! extension-less paths so deep links load the app, 404 for anything else) and injects
//! faults at article paths the app requests like any other article:
//! `/articles/fault-NAME.json`, opened as `/articles/fault-NAME`. It prints
//! `listening on http://127.0.0.1:PORT` and serves until it is killed.

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

/// Every fault, by article id.
const FAULTS: [&str; 11] = [
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
];

struct Server {
    dist: PathBuf,
    /// Requests per fault since the server started, for faults that change over time.
    attempts: Mutex<HashMap<&'static str, usize>>,
}

/// Serves `dist` with faults on a free loopback port until the process is killed.
pub fn serve(dist: &Path) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| error.to_string())?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|error| error.to_string())?;
        let address = listener.local_addr().map_err(|error| error.to_string())?;
        let server = Arc::new(Server {
            dist: dist.to_path_buf(),
            attempts: Mutex::default(),
        });
        let fallback_dist = dist.to_path_buf();
        let app_shell = move |uri: Uri| spa_fallback(fallback_dist.clone(), uri);
        let mut router = Router::new();
        for fault in FAULTS {
            let server = server.clone();
            router = router.route(
                &format!("/articles/{fault}.json"),
                get(move || inject(server.clone(), fault)),
            );
        }
        // The release build writes `.br` and `.gz` twins of its files (tools/post-build.mjs);
        // they are served to clients that accept them, as a production host would.
        let files = ServeDir::new(dist)
            .precompressed_br()
            .precompressed_gzip()
            .fallback(app_shell.into_service());
        // Articles may be read from another origin (a reader configured to allow this one).
        let router = router
            .fallback_service(files)
            .layer(SetResponseHeaderLayer::if_not_present(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            ));
        println!("listening on http://{address}");
        let _ = std::io::stdout().flush();
        axum::serve(listener, router).await.map_err(|error| error.to_string())
    })
}

/// `index.html` for paths without a file extension (the app's own routes); 404 otherwise.
async fn spa_fallback(dist: PathBuf, uri: Uri) -> Response {
    let has_extension = uri.path().rsplit('/').next().is_some_and(|name| name.contains('.'));
    if has_extension {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    match tokio::fs::read(dist.join("index.html")).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes).into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "not found").into_response(),
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
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
