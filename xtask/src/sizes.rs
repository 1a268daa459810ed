//! The sizes of the built app, raw and brotli-compressed, as the budgets count them, and
//! the checks the test command makes on them.
//!
//! The budgets are 110 KB brotli for the reader page's `.wasm` + `.js` (issue 18; the first
//! performance issue's 60 KB proved out of reach with Leptos, docs/performance.md), 8 KB
//! for its `.css` and 4 KB for the widget's loader. The CSS and the loader are checked
//! against their budgets. The wasm and JS are checked against a ratchet: the size the last
//! saving measured plus 1 KB, lowered with every saving, so that a regression fails the
//! test command while the budget is not yet met.

use std::io::Write;
use std::path::Path;

/// The reader page's `.css` budget, brotli-compressed: the 8 KB.
pub const APP_CSS_BUDGET_BYTES: usize = 8 * 1024;

/// The budget the reader page's `.wasm` + `.js` should meet, brotli-compressed: issue 18's 110 KB.
pub const APP_WASM_JS_BUDGET_BYTES: usize = 110 * 1024;

/// What the reader page's `.wasm` + `.js` (the start-up script included) measured,
/// brotli-compressed, after the last saving or the last recorded cost (docs/performance.md,
/// "Size levers": the last of the reading view's handlers as markup with live parts,
/// decision 026).
const APP_WASM_JS_LAST_MEASURED_BYTES: usize = 106_807;

/// The most the reader page's `.wasm` + `.js` may weigh before the test command fails:
/// the last measurement plus 1 KB of slack. Lower the measurement with every saving;
/// raising it is a decision to record in docs/performance.md, with what the bytes bought.
pub const APP_WASM_JS_RATCHET_BYTES: usize = APP_WASM_JS_LAST_MEASURED_BYTES + 1024;

/// The widget's loader (`embed.js`, which every outlet's page loads), brotli-compressed:
/// the 4 KB.
pub const WIDGET_LOADER_BUDGET_BYTES: usize = 4 * 1024;

/// `bytes` in kilobytes of 1,024 bytes, as the budgets are written.
fn kilobytes(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// The brotli-compressed totals the budgets are about.
pub struct AppSizes {
    /// The reader page's `.wasm` and `.js`, without the widget's loader.
    pub wasm_and_js_brotli: usize,
    /// The reader page's stylesheet, without the widget's.
    pub css_brotli: usize,
    /// The widget's loader, `embed.js`.
    pub loader_brotli: usize,
}

impl AppSizes {
    /// Fails when the CSS is over its budget or the wasm and JS past their ratchet.
    pub fn check(&self) -> Result<(), String> {
        if self.css_brotli > APP_CSS_BUDGET_BYTES {
            return Err(format!(
                "the app's css is {:.1} KB brotli, over its {:.0} KB budget",
                kilobytes(self.css_brotli),
                kilobytes(APP_CSS_BUDGET_BYTES)
            ));
        }
        if self.loader_brotli > WIDGET_LOADER_BUDGET_BYTES {
            return Err(format!(
                "the widget's loader embed.js is {:.1} KB brotli, over its {:.0} KB budget",
                kilobytes(self.loader_brotli),
                kilobytes(WIDGET_LOADER_BUDGET_BYTES)
            ));
        }
        if self.wasm_and_js_brotli > APP_WASM_JS_RATCHET_BYTES {
            return Err(format!(
                "the app's wasm and js are {:.1} KB brotli, past the {:.0} KB ceiling in xtask/src/sizes.rs \
                 (the budget is {:.0} KB; see docs/performance.md)",
                kilobytes(self.wasm_and_js_brotli),
                kilobytes(APP_WASM_JS_RATCHET_BYTES),
                kilobytes(APP_WASM_JS_BUDGET_BYTES)
            ));
        }
        Ok(())
    }
}

/// Prints the size of every `.wasm`, `.js` and `.css` file in `dist`, and the totals the
/// budgets are about: the reader page's `.wasm` + `.js`, and its `.css`; then the widget's
/// own files. Returns the totals the budgets are about.
pub fn print_dist_sizes(dist: &Path) -> Result<AppSizes, String> {
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
    // The widget's own files (its loader, its stylesheet for shadow roots and its wasm
    // module, decision 021) are not part of the reader's page; the budgets count the page.
    let is_widget_module_file = |name: &str| name.starts_with("lede-widget-");
    let is_widget_file =
        |name: &str| name == "embed.js" || name.starts_with("lede-embed-") || is_widget_module_file(name);
    if !rows.iter().any(|row| is_widget_module_file(&row.0) && row.1 == "wasm") {
        return Err(format!(
            "{} has no widget module (lede-widget-{{hash}}_bg.wasm): the release build did not make it",
            dist.display()
        ));
    }
    // The WordPress importer module is loaded only by a widget that asks for it.
    let is_on_demand_file = |name: &str| name.starts_with("lede-wordpress");
    // Raw and brotli bytes of the files whose (name, extension) `counts`.
    let sum = |counts: &dyn Fn(&str, &str) -> bool| -> (usize, usize) {
        rows.iter()
            .filter(|row| counts(&row.0, &row.1))
            .fold((0, 0), |(raw, br), row| (raw + row.2, br + row.3))
    };
    let is_reader_file = |name: &str| !is_widget_file(name) && !is_on_demand_file(name);
    let (app_raw, app_brotli) = sum(&|name, extension| is_reader_file(name) && ["wasm", "js"].contains(&extension));
    let (css_raw, css_brotli) = sum(&|name, extension| is_reader_file(name) && extension == "css");
    let versus_budget = |bytes: usize, budget: usize| {
        if bytes > budget {
            format!(
                "{:.1} KB brotli; budget {:.0} KB, over by {:.1} KB",
                kilobytes(bytes),
                kilobytes(budget),
                kilobytes(bytes - budget)
            )
        } else {
            format!(
                "{:.1} KB brotli; budget {:.0} KB, met",
                kilobytes(bytes),
                kilobytes(budget)
            )
        }
    };
    println!(
        "{:<44} {app_raw:>10} {app_brotli:>10}  ({})",
        "app .wasm + .js",
        versus_budget(app_brotli, APP_WASM_JS_BUDGET_BYTES)
    );
    println!(
        "{:<44} {css_raw:>10} {css_brotli:>10}  ({})",
        "app .css",
        versus_budget(css_brotli, APP_CSS_BUDGET_BYTES)
    );
    let (widget_raw, widget_brotli) = sum(&|name, _| is_widget_file(name));
    println!(
        "{:<44} {widget_raw:>10} {widget_brotli:>10}  (what an outlet's page loads)",
        "widget embed.js + its .css + its module"
    );
    let (importer_raw, importer_brotli) = sum(&|name, _| is_on_demand_file(name));
    println!(
        "{:<44} {importer_raw:>10} {importer_brotli:>10}  (only for format=\"wordpress\")",
        "WordPress importer module .wasm + .js"
    );
    let loader_brotli = rows.iter().find(|row| row.0 == "embed.js").map_or(0, |row| row.3);
    println!("{:<44} {:>10} {loader_brotli:>10}  (budget {:.0} KB)", "widget loader embed.js", "", kilobytes(WIDGET_LOADER_BUDGET_BYTES));
    Ok(AppSizes {
        wasm_and_js_brotli: app_brotli,
        css_brotli,
        loader_brotli,
    })
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
