//! The reader's release build: `trunk build --release`, with the standard library compiled
//! for size (decision 017).
//!
//! The wasm's standard library is rebuilt from the toolchain's sources with
//! `optimize_for_size`, and panics stop the wasm at once instead of formatting a message
//! and a location. That needs unstable Cargo and rustc flags, which `RUSTC_BOOTSTRAP=1`
//! enables on the machine's stable toolchain. They are set for this build alone, through
//! the environment: the browser tests keep the ordinary standard library, because
//! wasm-bindgen-test reports a failing assertion through its panic message.
//!
//! If a later toolchain drops or renames one of these flags, rustc refuses it and this
//! build fails with rustc's message; the size ratchet (`sizes.rs`) catches a flag that
//! stops saving bytes.

use std::ffi::OsStr;
use std::process::Command;

use crate::{project_root, run, step};

/// Where the WordPress importer module is built, for Trunk's post-build step
/// (tools/post-build.mjs) to copy into `dist/`.
pub const WORDPRESS_IMPORTER_FOLDER: &str = "target/wordpress-importer";

/// Where the widget's module is built, for Trunk's post-build step (tools/post-build.mjs)
/// to copy into `dist/` under hashed names and name in `embed.js`.
pub const WIDGET_MODULE_FOLDER: &str = "target/widget-module";

/// The features the wasm uses, for wasm-opt to accept it: Rust 1.95's defaults for
/// `wasm32-unknown-unknown`.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The rustc release these flags were proven on (docs/toolchain.md).
pub const FLAGS_PROVEN_ON_RUSTC: &str = "rustc 1.95.";

/// `[unstable] build-std`: the crates of the standard library the wasm is linked with.
const BUILD_STD_CRATES: &str = "std,panic_abort";

/// `[unstable] build-std-features`: the standard library's own switch for smaller code
/// (shorter algorithms in place of unrolled ones, in sorting and formatting).
const BUILD_STD_FEATURES: &str = "optimize_for_size";

/// Added to the wasm target's flags from `.cargo/config.toml` (Cargo joins the two lists):
/// - `-Zlocation-detail=none`: no file names and line numbers for panics;
/// - `-Zfmt-debug=none`: `{:?}` prints nothing, so no `Debug` code is kept (the reader
///   never shows `Debug` output: `cargo xtask module-graph` checks that `src/` outside the
///   native-only modules has no `{:?}`);
/// - `-Cpanic=immediate-abort` (with `-Zunstable-options`): a panic traps without
///   formatting its message.
const WASM_SIZE_RUSTFLAGS: &str = "-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort";

/// Sets the unstable flags of the size build on `command`.
fn with_size_flags(command: &mut Command) -> &mut Command {
    command
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", BUILD_STD_CRATES)
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", BUILD_STD_FEATURES)
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", WASM_SIZE_RUSTFLAGS)
}

/// Builds `dist/` with Trunk. `path` is the `PATH` with the pinned tools first.
pub fn trunk_release_build(path: &OsStr) -> Result<(), String> {
    step("release build of dist/ (standard library built for size)", || {
        let rustc_version = Command::new("rustc")
            .arg("--version")
            .output()
            .map(|output| String::from_utf8_lossy(&output.stdout).into_owned())
            .unwrap_or_default();
        if !rustc_version.starts_with(FLAGS_PROVEN_ON_RUSTC) {
            println!(
                "note: the size build's unstable flags were proven on {FLAGS_PROVEN_ON_RUSTC}x, and this is {}; \
                 if rustc refuses one, see docs/decisions/017-standard-library-built-for-size.md",
                rustc_version.trim()
            );
        }
        // Trunk runs Cargo offline, and the standard library's own dependencies (its
        // allocator, libc bindings and so on) are crates from crates.io: fetch them first.
        run(
            with_size_flags(&mut Command::new("cargo"))
                .args(["fetch", "--target", "wasm32-unknown-unknown"])
                .env("PATH", path),
            "cargo fetch of the standard library's dependencies",
        )?;
        build_wordpress_importer(path)?;
        build_widget_module(path)?;
        run(
            with_size_flags(&mut Command::new("trunk"))
                .args(["build", "--release"])
                .env("PATH", path),
            "trunk build --release",
        )
    })
}

/// Builds the WordPress importer module (importer/), which the reader loads only for a
/// widget whose `format` is `wordpress`, into [`WORDPRESS_IMPORTER_FOLDER`] as
/// `lede-wordpress.js` and `lede-wordpress_bg.wasm`.
fn build_wordpress_importer(path: &OsStr) -> Result<(), String> {
    build_wasm_module(
        path,
        WasmModule {
            what: "the WordPress importer module",
            cargo_args: &["--package", "lede-wordpress-importer"],
            built_name: "lede_wordpress_importer.wasm",
            out_name: "lede-wordpress",
            folder: WORDPRESS_IMPORTER_FOLDER,
            wasm_opt_args: &[],
            has_server_fn_streams: false,
        },
    )
}

/// Builds the widget's module (`src/bin/lede-widget.rs`, the crate's default features, so
/// `widget` included), which `embed.js` loads, into [`WIDGET_MODULE_FOLDER`] as
/// `lede-widget.js` and `lede-widget_bg.wasm`. The reader's page is built by Trunk without
/// it (decision 021). wasm-opt runs as tools/post-build.mjs runs it for the reader's page.
fn build_widget_module(path: &OsStr) -> Result<(), String> {
    build_wasm_module(
        path,
        WasmModule {
            what: "the widget's module",
            cargo_args: &["--bin", "lede-widget"],
            built_name: "lede-widget.wasm",
            out_name: "lede-widget",
            folder: WIDGET_MODULE_FOLDER,
            wasm_opt_args: &["--low-memory-unused"],
            has_server_fn_streams: true,
        },
    )
}

/// A wasm module built outside Trunk, for Trunk's post-build step to copy into `dist/`.
struct WasmModule {
    /// What the module is, for messages.
    what: &'static str,
    /// What `cargo build` builds: a package or a binary.
    cargo_args: &'static [&'static str],
    /// The file Cargo writes to `target/wasm32-unknown-unknown/release/`.
    built_name: &'static str,
    /// wasm-bindgen's `--out-name`: the glue is `{out_name}.js`, the wasm `{out_name}_bg.wasm`.
    out_name: &'static str,
    /// Where the glue and the wasm go, under the project's root.
    folder: &'static str,
    /// wasm-opt's arguments besides `-Oz` and the wasm's features.
    wasm_opt_args: &'static [&'static str],
    /// Whether the module has Leptos in it, and so `server_fn`'s stream classes that nothing
    /// uses (decision 025).
    has_server_fn_streams: bool,
}

/// Builds `module` for wasm with the size flags, then its JS glue with wasm-bindgen, then
/// lays its functions out by similarity and runs wasm-opt. It is built before Trunk, so that the post-build step finds it and
/// compresses its files with the rest of `dist/`.
fn build_wasm_module(path: &OsStr, module: WasmModule) -> Result<(), String> {
    run(
        with_size_flags(&mut Command::new("cargo"))
            .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
            .args(module.cargo_args)
            .env("PATH", path),
        &format!("cargo build of {}", module.what),
    )?;
    let root = project_root();
    let built = root.join("target/wasm32-unknown-unknown/release").join(module.built_name);
    let folder = root.join(module.folder);
    run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-name", module.out_name, "--out-dir"])
            .arg(&folder)
            .arg(&built)
            .env("PATH", path),
        &format!("wasm-bindgen for {}", module.what),
    )?;
    let wasm = folder.join(format!("{}_bg.wasm", module.out_name));
    if module.has_server_fn_streams {
        // Before wasm-opt, which then drops the code only these exports reached (decision 025).
        run(
            Command::new("node")
                .arg(root.join("tools/drop-stream-exports.mjs"))
                .arg(&wasm)
                .arg(folder.join(format!("{}.js", module.out_name)))
                .env("PATH", path),
            &format!("dropping the unused stream classes of {}", module.what),
        )?;
    }
    // Functions with similar code next to each other compress better (decision 024): the
    // order comes from wasm-bindgen's function names, and wasm-opt lays it out last.
    run(
        Command::new("node")
            .arg(root.join("tools/order-functions.mjs"))
            .arg(&wasm)
            .env("PATH", path),
        &format!("the functions' order for {}", module.what),
    )?;
    run(
        Command::new("wasm-opt")
            .arg("-Oz")
            .args(module.wasm_opt_args)
            .arg("--reorder-functions-by-name")
            // Last, as for the reader's page: sections only tools read (tools/post-build.mjs).
            .args(["--strip-producers", "--strip-target-features"])
            .args(WASM_FEATURES)
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm)
            .env("PATH", path),
        &format!("wasm-opt for {}", module.what),
    )
}
