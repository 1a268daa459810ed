//! `cargo xtask module-graph`: which of the reader's top-level modules imports which, read
//! from the source (every `crate::name` a file mentions), so that anyone can see the floors
//! of the house and check that nothing imports upwards.
//!
//! It prints one line per module, `module -> imported, imported…`, then the rules the tree
//! keeps (docs/decisions/014-module-floors.md) and whether each holds; it fails if one does
//! not. One more rule guards the release build's `-Zfmt-debug=none` (decision 017): in the
//! wasm `{:?}` prints nothing, so no file compiled into it may format with `Debug`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Prints the graph of the modules under `src` and checks the floors.
pub fn print(src: &Path) -> Result<(), String> {
    let graph = module_graph(src)?;
    for (module, imports) in &graph {
        let imports: Vec<&str> = imports.iter().map(String::as_str).collect();
        println!("{module:<16} -> {}", imports.join(", "));
    }
    let imported_by = |target: &str| -> Vec<&str> {
        graph
            .iter()
            .filter(|(module, imports)| module.as_str() != target && imports.contains(target))
            .map(|(module, _)| module.as_str())
            .collect()
    };
    let model_imports: Vec<&String> = graph
        .get("model")
        .map(|imports| imports.iter().filter(|name| name.as_str() != "platform").collect())
        .unwrap_or_default();
    let checks = [
        ("nothing imports embed, the top floor", imported_by("embed").is_empty()),
        ("nothing imports publish, the publishing build's top floor", imported_by("publish").is_empty()),
        ("model imports nothing but URL parsing from platform", model_imports.is_empty()),
        (
            "import imports nothing but model, and URL parsing and DOMParser from platform",
            graph
                .get("import")
                .is_some_and(|imports| imports.iter().all(|name| name == "model" || name == "platform")),
        ),
        (
            "components import neither pages nor api",
            graph
                .get("components")
                .is_some_and(|imports| !imports.contains("pages") && !imports.contains("api")),
        ),
        ("api imports neither routing nor pages", graph.get("api").is_some_and(|imports| {
            !imports.contains("routing") && !imports.contains("pages")
        })),
        (
            "nothing compiled into the wasm formats with {:?}, which prints nothing there",
            debug_formatting_sites(src)?.is_empty(),
        ),
    ];
    println!();
    let mut broken = Vec::new();
    for (rule, holds) in checks {
        println!("{} {rule}", if holds { "holds: " } else { "BROKEN:" });
        if !holds {
            broken.push(rule);
        }
    }
    if broken.is_empty() {
        Ok(())
    } else {
        Err(format!("{} rule(s) of the module floors broken", broken.len()))
    }
}

/// For each top-level module under `src`, the other top-level modules its files mention.
fn module_graph(src: &Path) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    collect_rust_files(src, &mut files)?;
    for file in files {
        let relative = file.strip_prefix(src).map_err(|error| error.to_string())?;
        let first = relative
            .components()
            .next()
            .and_then(|component| component.as_os_str().to_str())
            .unwrap_or_default();
        let module = first.trim_end_matches(".rs").to_owned();
        if matches!(module.as_str(), "lib" | "main") {
            continue;
        }
        let text = std::fs::read_to_string(&file).map_err(|error| format!("{}: {error}", file.display()))?;
        let imports = graph.entry(module.clone()).or_default();
        for name in mentioned_modules(&text) {
            if name != module {
                imports.insert(name);
            }
        }
    }
    Ok(graph)
}

/// The `file:line` of every `{:?}`-style format in `src` outside comments, but for the
/// modules that are only ever built natively (`publish`). Each one is printed.
fn debug_formatting_sites(src: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    collect_rust_files(src, &mut files)?;
    let mut sites = Vec::new();
    for file in files {
        if file.strip_prefix(src).is_ok_and(|relative| relative.starts_with("publish")) {
            continue;
        }
        let text = std::fs::read_to_string(&file).map_err(|error| format!("{}: {error}", file.display()))?;
        for (index, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(":?}") || code.contains(":#?}") || code.contains("dbg!(") {
                let site = format!("{}:{}", file.display(), index + 1);
                println!("formats with Debug: {site}");
                sites.push(site);
            }
        }
    }
    Ok(sites)
}

/// The names after `crate::` in `text`, including those in `use crate::{a, b::c}` groups,
/// outside comments.
fn mentioned_modules(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(index) = rest.find("crate::") {
            rest = &rest[index + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                for item in group.split([',', '}']) {
                    let name: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if !name.is_empty() {
                        names.insert(name);
                    }
                }
                continue;
            }
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

fn collect_rust_files(folder: &Path, files: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    for entry in entries {
        let path = entry.map_err(|error| error.to_string())?.path();
        if path.is_dir() {
            collect_rust_files(&path, files)?;
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files.sort();
    Ok(())
}
