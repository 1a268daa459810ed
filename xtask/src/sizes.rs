//! The sizes of the built app, raw and brotli-compressed, as the budgets count them.

use std::io::Write;
use std::path::Path;

/// Prints the size of every `.wasm`, `.js` and `.css` file in `dist`, and the totals the
/// budgets are about: the reader page's `.wasm` + `.js`, and its `.css`; then the widget's
/// own files.
pub fn print_dist_sizes(dist: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|error| format!("cannot read {}: {error}", dist.display()))?;
    let mut rows = Vec::new();
    for entry in entries.flatten() {
        let file_path = entry.path();
        let extension = file_path.extension().and_then(|e| e.to_str()).unwrap_or("").to_owned();
        if !["wasm", "js", "css"].contains(&extension.as_str()) {
            continue;
        }
        let bytes =
            std::fs::read(&file_path).map_err(|error| format!("cannot read {}: {error}", file_path.display()))?;
        let name = file_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        rows.push((name, extension, bytes.len(), brotli_size(&bytes)?));
    }
    rows.sort();
    println!("\n{:<44} {:>10} {:>10}", "release dist/ file", "raw B", "brotli B");
    for (name, _, raw, brotli) in &rows {
        println!("{name:<44} {raw:>10} {brotli:>10}");
    }
    // The widget's own files (its loader and its stylesheet for shadow roots) are not
    // part of the reader's page; the budgets count the page.
    let is_widget_file = |name: &str| name == "embed.js" || name.starts_with("lede-embed-");
    let total = |kinds: &[&str]| -> (usize, usize) {
        rows.iter()
            .filter(|row| kinds.contains(&row.1.as_str()) && !is_widget_file(&row.0))
            .fold((0, 0), |(raw, br), row| (raw + row.2, br + row.3))
    };
    let (app_raw, app_brotli) = total(&["wasm", "js"]);
    let (css_raw, css_brotli) = total(&["css"]);
    println!(
        "{:<44} {app_raw:>10} {app_brotli:>10}  ({:.1} KB brotli; budget 60 KB)",
        "app .wasm + .js",
        app_brotli as f64 / 1024.0
    );
    println!(
        "{:<44} {css_raw:>10} {css_brotli:>10}  ({:.1} KB brotli; budget 8 KB)",
        "app .css",
        css_brotli as f64 / 1024.0
    );
    let (widget_raw, widget_brotli) = rows
        .iter()
        .filter(|row| is_widget_file(&row.0))
        .fold((0, 0), |(raw, br), row| (raw + row.2, br + row.3));
    println!(
        "{:<44} {widget_raw:>10} {widget_brotli:>10}  (plus the app's .wasm + .js, shared)",
        "widget embed.js + its .css"
    );
    Ok(())
}

/// The size of `bytes` compressed with brotli at quality 11, as a server would serve it.
pub fn brotli_size(bytes: &[u8]) -> Result<usize, String> {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 22);
        writer
            .write_all(bytes)
            .map_err(|error| format!("brotli failed: {error}"))?;
    }
    Ok(compressed.len())
}
