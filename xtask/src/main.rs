//! Lede's developer commands, in the rust-analyzer `xtask` style: plain Rust, no shell
//! scripts, runnable on a fresh machine.
//!
//! - `cargo xtask serve`: installs the build tools that are missing, then `trunk serve`
//!   on http://127.0.0.1:8080.
//! - `cargo xtask test`: installs the build and test tools that are missing, then runs
//!   every test layer: native model tests, browser tests in headless Chromium and
//!   Firefox, a release build with its sizes, and end-to-end tests against `dist/`.
//!
//! - `cargo xtask build`: the release `dist/` with its published pages; `cargo xtask sizes`:
//!   its sizes against the budgets.
//! - `cargo xtask bench`: the benchmark against a plain-JavaScript baseline (benches/).
//! - `cargo xtask fuzz [SECONDS]`: fuzzes the article parser (default 60 seconds).
//! - `cargo xtask module-graph`: which module of `src/` imports which, and the floors' rules.
//! - `cargo xtask serve-test DIST [--unpublished] [--connect-src ORIGIN]...`: the
//!   end-to-end tests' HTTP server (axum), with faults; `--unpublished` serves the app's
//!   shell where a published page would be.
//!
//! Every install is guarded by the version it needs, so on a warm machine the set-up
//! costs a few process spawns. The versions are the ones docs/toolchain.md
//! proved on this kind of machine.

mod module_graph;
mod release_build;
mod sizes;
mod test_server;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let task = arguments.first().cloned().unwrap_or_default();
    let outcome = match (task.as_str(), &arguments[1..]) {
        ("serve", []) => serve(),
        ("test", []) => test(None),
        ("test", [flag, seconds]) if flag == "--fuzz" => parse_seconds(seconds).and_then(|seconds| test(Some(seconds))),
        ("build", []) => build_and_publish().map(|_| ()),
        ("sizes", []) => sizes::print_dist_sizes(&project_root().join("dist")).and_then(|sizes| sizes.check()),
        ("bench", []) => bench(),
        ("fuzz", []) => tools::fuzz(60),
        ("module-graph", []) => module_graph::print(&project_root().join("src")),
        ("module-graph", [src]) => module_graph::print(Path::new(src)),
        ("serve-test", [dist, rest @ ..]) => test_server::parse_options(rest)
            .and_then(|options| test_server::serve(Path::new(dist), &options)),
        ("fuzz", [seconds]) => parse_seconds(seconds).and_then(tools::fuzz),
        _ => {
            eprintln!("usage: cargo xtask <serve | test [--fuzz SECONDS] | build | sizes | bench | fuzz [SECONDS] | module-graph [SRC]>");
            eprintln!("  serve  install missing build tools, then serve the reader on http://127.0.0.1:8080");
            eprintln!("  test   install missing build and test tools, then run every test;");
            eprintln!("         with --fuzz, finish with a fuzzing run of that many seconds");
            eprintln!("  build  install missing build tools, then build the release dist/");
            eprintln!("  sizes  the sizes of the built dist/ against the budgets and the ceiling");
            eprintln!("  bench  build dist/, then measure Lede against the plain-JS baseline (target/bench/)");
            eprintln!("  fuzz   fuzz the article parser for SECONDS (default 60)");
            eprintln!("  module-graph [SRC]  which top-level module of src/ (or SRC) imports which, and whether the floors hold");
            eprintln!("  serve-test DIST [--connect-src ORIGIN]...  the end-to-end tests' server: DIST plus injected");
            eprintln!("         faults, on a free port; each ORIGIN is added to the policy's connect-src");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask {task}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root, where `Cargo.toml`, `index.html` and `Trunk.toml` live.
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Builds and publishes `dist/`, then serves it as a host would, published pages
/// included, on 127.0.0.1:8080. (For a development server that rebuilds on every change,
/// without published pages, run `trunk serve` with the installed tools on PATH.)
fn serve() -> Result<(), String> {
    build_and_publish()?;
    println!("serving the reader and its published pages on http://127.0.0.1:8080 (Ctrl-C stops it)");
    let options = test_server::ServeOptions {
        connect_sources: Vec::new(),
        unpublished: false,
        port: 8080,
    };
    test_server::serve(&project_root().join("dist"), &options)
}

fn build_and_publish() -> Result<std::ffi::OsString, String> {
    let path = tools::ensure_build_tools()?;
    release_build::trunk_release_build(&path)?;
    publish(&path)?;
    Ok(path)
}

/// Publishes the articles of `dist/articles/` as static pages (`lede publish dist`).
fn publish(path: &std::ffi::OsStr) -> Result<(), String> {
    step("static pages of dist/articles/ (lede publish)", || {
        run(
            Command::new("cargo")
                .args(["run", "--quiet", "--package", "lede-cli", "--", "publish", "dist"])
                .env("PATH", path),
            "lede publish",
        )
    })
}

/// Builds the release `dist/`, then measures Lede against the plain-JavaScript baseline
/// (benches/run.mjs): bytes, render times, Lighthouse, memory and the widget's cost.
fn bench() -> Result<(), String> {
    let path = build_and_publish()?;
    let browsers = tools::ensure_test_tools(&path)?;
    tools::npm_ci_unless_current("benches")?;
    step("benchmark against the plain-JavaScript baseline", || {
        run(
            Command::new("node")
                .arg("benches/run.mjs")
                .env("PATH", &path)
                .env("LEDE_CHROMIUM", &browsers.chromium)
                .env("LEDE_XTASK", std::env::current_exe().unwrap_or_default()),
            "the benchmark",
        )
    })
}

fn parse_seconds(text: &str) -> Result<u64, String> {
    text.parse().map_err(|_| format!("{text:?} is not a number of seconds"))
}

fn test(fuzz_seconds: Option<u64>) -> Result<(), String> {
    let started = Instant::now();
    let path = tools::ensure_build_tools()?;
    let browsers = tools::ensure_test_tools(&path)?;

    step("native tests (model, routing)", || {
        run(
            Command::new("cargo").args(["test", "--quiet"]).env("PATH", &path),
            "cargo test",
        )
    })?;

    // Its own invocation: the command builds the reader's crate for publishing (feature
    // `ssr`), which must not be unified with the browser build's `csr`.
    step("native tests of the lede command (publishing)", || {
        run(
            Command::new("cargo").args(["test", "--quiet", "--package", "lede-cli"]).env("PATH", &path),
            "cargo test --package lede-cli",
        )
    })?;

    step("module floors (cargo xtask module-graph)", || module_graph::print(&project_root().join("src")))?;

    let browser_test = |driver_variable: &str, driver: &Path| {
        let mut command = Command::new("cargo");
        command
            .args(["test", "--target", "wasm32-unknown-unknown", "--test", "browser"])
            .env("PATH", &path)
            .env_remove("CHROMEDRIVER")
            .env_remove("GECKODRIVER")
            .env(driver_variable, driver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "60");
        command
    };
    step("browser tests in headless Chromium", || {
        run(
            &mut browser_test("CHROMEDRIVER", &browsers.chromedriver),
            "browser tests in Chromium",
        )
    })?;
    step("browser tests in headless Firefox", || {
        run(
            &mut browser_test("GECKODRIVER", &browsers.geckodriver),
            "browser tests in Firefox",
        )
    })?;

    release_build::trunk_release_build(&path)?;
    publish(&path)?;
    step("sizes of dist/ against the budgets", || {
        sizes::print_dist_sizes(&project_root().join("dist"))?.check()
    })?;

    step("end-to-end tests against dist/ in headless Chromium", || {
        run(
            Command::new("node")
                .args(["--test", "--test-reporter=spec", "tests/e2e/"])
                .env("PATH", &path)
                .env("LEDE_CHROMIUM", &browsers.chromium)
                .env("LEDE_XTASK", std::env::current_exe().unwrap_or_default()),
            "end-to-end tests",
        )
    })?;
    if let Some(seconds) = fuzz_seconds {
        tools::fuzz(seconds)?;
    }
    println!("\nall tests passed in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// Runs `command` (in the project root unless it names another folder) and fails with
/// `what` unless it exits with 0.
fn run(command: &mut Command, what: &str) -> Result<(), String> {
    if command.get_current_dir().is_none() {
        command.current_dir(project_root());
    }
    let status = command
        .status()
        .map_err(|error| format!("could not start {what}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Runs one named step and prints how long it took.
fn step<T>(name: &str, body: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    println!("\n== {name}");
    let started = Instant::now();
    let outcome = body();
    println!(
        "== {name}: {} in {:.1} s",
        if outcome.is_ok() { "done" } else { "FAILED" },
        started.elapsed().as_secs_f64()
    );
    outcome
}
