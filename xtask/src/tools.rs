//! Installing what the build and the tests need, each step skipped when its version is
//! already there.
//!
//! Nothing here downloads a prebuilt binary from anywhere but the package registries
//! (crates.io, npm, Debian): Trunk runs offline, with the `wasm-bindgen` and `wasm-opt`
//! installed here, because its own downloads fail on machines without general internet.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use crate::{project_root, run, step};

/// Trunk 0.22 needs a newer rustc than the machine's 1.95.
const TRUNK_VERSION: &str = "0.21.14";
/// Matches `tools/package.json`; Debian's binaryen 108 produces wasm that fails at run time.
const WASM_OPT_VERSION: &str = "132";
const GECKODRIVER_VERSION: &str = "0.37.1";
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// The browsers and drivers the tests use.
pub struct Browsers {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    pub geckodriver: PathBuf,
}

/// Makes sure the wasm target, the standard library's sources, Trunk, `wasm-bindgen-cli` and `wasm-opt` are installed at
/// the right versions. Returns the `PATH` under which they are found first.
pub fn ensure_build_tools() -> Result<OsString, String> {
    let path = tool_path();
    step("build tools", || {
        let installed_targets = output(Command::new("rustup").args(["target", "list", "--installed"]), &path);
        if !installed_targets
            .lines()
            .any(|line| line.trim() == "wasm32-unknown-unknown")
        {
            run(
                Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
                "rustup target add",
            )?;
        }

        // The release build compiles the standard library for size (decision 017), from
        // the toolchain's own sources.
        let installed_components = output(Command::new("rustup").args(["component", "list", "--installed"]), &path);
        if !installed_components.lines().any(|line| line.trim().starts_with("rust-src")) {
            run(
                Command::new("rustup").args(["component", "add", "rust-src"]),
                "rustup component add rust-src",
            )?;
        }

        if !output(Command::new("trunk").arg("--version"), &path).contains(TRUNK_VERSION) {
            run(
                Command::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]),
                "cargo install trunk",
            )?;
        }

        // Trunk uses the wasm-bindgen on PATH only when it reports exactly the version in
        // Cargo.lock. `--locked` is left out on purpose: the CLI's own lockfile pins a
        // webpki-roots version that crates.io no longer serves.
        let wasm_bindgen_version = locked_version("wasm-bindgen")?;
        if !output(Command::new("wasm-bindgen").arg("--version"), &path).contains(&wasm_bindgen_version) {
            run(
                Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wasm_bindgen_version]),
                "cargo install wasm-bindgen-cli",
            )?;
        }

        let npm_tools = project_root().join("tools");
        let wasm_opt = npm_tools.join("node_modules/.bin/wasm-opt");
        if !output(Command::new(&wasm_opt).arg("--version"), &path).contains(&format!("version {WASM_OPT_VERSION}")) {
            run(
                Command::new("npm")
                    .args(["ci", "--no-audit", "--no-fund"])
                    .current_dir(&npm_tools),
                "npm ci in tools/",
            )?;
        }
        // terser and any later tool: installed again whenever the lock file changes.
        npm_ci_unless_current("tools")?;
        Ok(())
    })?;
    Ok(path)
}

/// Makes sure Chromium, chromedriver, Firefox ESR, geckodriver, xmllint (which validates the
/// published sitemap and feed against their schemas) and the end-to-end tests' npm packages
/// are installed.
pub fn ensure_test_tools(path: &OsString) -> Result<Browsers, String> {
    step("test tools", || {
        let missing_packages: Vec<&str> = [
            ("chromium", "chromium"),
            ("chromedriver", "chromium-driver"),
            ("firefox", "firefox-esr"),
            ("xmllint", "libxml2-utils"),
        ]
        .into_iter()
        .filter(|(binary, _)| find_on_path(binary, path).is_none())
        .map(|(_, package)| package)
        .collect();
        if !missing_packages.is_empty() {
            if output(Command::new("id").arg("-u"), path).trim() != "0" {
                return Err(format!(
                    "the tests need the Debian packages {}; install them as root: apt-get install -y {}",
                    missing_packages.join(", "),
                    missing_packages.join(" ")
                ));
            }
            run(
                Command::new("apt-get")
                    .arg("update")
                    .env("DEBIAN_FRONTEND", "noninteractive"),
                "apt-get update",
            )?;
            run(
                Command::new("apt-get")
                    .args(["install", "-y"])
                    .args(&missing_packages)
                    .env("DEBIAN_FRONTEND", "noninteractive"),
                "apt-get install",
            )?;
        }

        if !output(Command::new("geckodriver").arg("--version"), path).contains(GECKODRIVER_VERSION) {
            run(
                Command::new("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION, "--locked"]),
                "cargo install geckodriver",
            )?;
        }

        npm_ci_unless_current("tests/e2e")?;

        let find = |binary: &str| {
            find_on_path(binary, path).ok_or_else(|| format!("{binary} is not on PATH after installing it"))
        };
        Ok(Browsers {
            chromium: find("chromium")?,
            chromedriver: find("chromedriver")?,
            geckodriver: find("geckodriver")?,
        })
    })
}

/// `PATH` with the project's npm tools and cargo's binaries first.
fn tool_path() -> OsString {
    let mut folders = vec![project_root().join("tools/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
    {
        folders.push(home.join("bin"));
    }
    folders.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(folders).unwrap_or_default()
}

fn find_on_path(binary: &str, path: &OsString) -> Option<PathBuf> {
    std::env::split_paths(path)
        .map(|folder| folder.join(binary))
        .find(|candidate| candidate.is_file())
}

/// What `command` printed, or nothing if it could not run: a missing tool reads as "not
/// the right version".
fn output(command: &mut Command, path: &OsString) -> String {
    command
        .env("PATH", path)
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
        .unwrap_or_default()
}

/// The version of `package` in Cargo.lock.
fn locked_version(package: &str) -> Result<String, String> {
    let lock_path = project_root().join("Cargo.lock");
    let lock =
        std::fs::read_to_string(&lock_path).map_err(|error| format!("cannot read {}: {error}", lock_path.display()))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            if let Some(version) = lines.next().and_then(|next| next.trim().strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err(format!("{package} is not in {}", lock_path.display()))
}

/// Fuzzes the article parser for `seconds`, seeded with every fixture, including the
/// hostile shapes of the linear-time test (`fixtures/adversarial/`). cargo-fuzz needs
/// nightly features; `RUSTC_BOOTSTRAP=1` enables them on the machine's stable toolchain,
/// which is the only one that can be installed here.
pub fn fuzz(seconds: u64) -> Result<(), String> {
    let path = tool_path();
    step(&format!("fuzzing the article parser for {seconds} s"), || {
        if !output(Command::new("cargo").args(["fuzz", "--version"]), &path).contains(CARGO_FUZZ_VERSION) {
            run(
                Command::new("cargo").args(["install", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION, "--locked"]),
                "cargo install cargo-fuzz",
            )?;
        }
        let fuzz_dir = project_root().join("fuzz");
        let corpus = fuzz_dir.join("corpus/parse_article");
        std::fs::create_dir_all(&corpus).map_err(|error| format!("cannot create {}: {error}", corpus.display()))?;
        run(
            Command::new("cargo")
                .args(["fuzz", "run", "parse_article"])
                .arg(&corpus)
                .arg(project_root().join("fixtures/articles"))
                .arg(project_root().join("fixtures/malformed"))
                .arg(project_root().join("fixtures/adversarial"))
                .args([
                    "--",
                    &format!("-max_total_time={seconds}"),
                    "-rss_limit_mb=2048",
                    "-print_final_stats=1",
                ])
                .env("RUSTC_BOOTSTRAP", "1")
                .env("PATH", &path)
                .current_dir(&fuzz_dir),
            "cargo fuzz run",
        )
    })
}

/// `npm ci` in `folder` (relative to the project root) unless its installed packages are at
/// least as new as its lock file.
pub fn npm_ci_unless_current(folder: &str) -> Result<(), String> {
    let folder_path = project_root().join(folder);
    let lock_is_current = match (
        std::fs::metadata(folder_path.join("node_modules/.package-lock.json")),
        std::fs::metadata(folder_path.join("package-lock.json")),
    ) {
        (Ok(installed), Ok(wanted)) => installed.modified().ok() >= wanted.modified().ok(),
        _ => false,
    };
    if lock_is_current {
        return Ok(());
    }
    run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&folder_path),
        &format!("npm ci in {folder}/"),
    )
}
