// Finishes Trunk's build in its staging directory (the `post_build` hook in Trunk.toml):
//
// - The reader page's stylesheets, one per component in style/, become one file,
//   `lede-{hash}.css`, linked once from index.html (decision 011). Twenty-five
//   render-blocking requests cost a slow phone several round trips before the first paint,
//   and brotli compresses the whole better than the parts.
// - In release builds, the reader's wasm loses the stream classes `server_fn` exports and
//   nothing uses (tools/drop-stream-exports.mjs, decision 025), and is optimized for
//   size with wasm-opt, its functions laid out by similarity first
//   (tools/order-functions.mjs, decision 024).
// - `lede-{hash}.js`, wasm-bindgen's JS glue, and its wasm get short import names
//   (tools/short-import-names.mjs), and the glue is minified with terser: Trunk's own
//   minifier fails on it and ships it whole. Their `integrity` hashes in index.html are
//   updated to match.
//
// - Nothing stays inline, so the reader runs under a Content Security Policy without
//   'unsafe-inline' (docs/configuration.md): Trunk's inline start-up module becomes
//   `lede-start-{hash}.js`, which first preloads the article the address asks for, at the
//   address config/lede.config.json gives it, then starts a worker that loads the
//   browser's locale data for dates (`lede-intl-{hash}.js`, src/platform/intl_warm_up.js),
//   then loads the wasm, has a second worker compile it (`lede-compile-{hash}.js`,
//   src/platform/compile_wasm.js) and starts it.
//
// Then it writes the widget's files:
//
// - `lede-embed-{hash}.css`: style/embed.css, then every stylesheet index.html links, in
//   the same order, rewritten for a shadow root: rem becomes the widget's own unit,
//   viewport widths become the widget's width, width media queries become container
//   queries. Comments and runs of white space are dropped.
// - `lede-widget-{hash}.js` and `lede-widget-{hash}_bg.wasm`: the widget's module, which
//   `cargo xtask build` builds into target/widget-module/ before Trunk runs (decision 021),
//   its glue minified like the reader's.
// - `embed.js`: src/embed/embed.js with the hashed names of the widget's module, its
//   wasm and that stylesheet filled in, and the widget's attribute list
//   (src/embed/attributes.json, which the reader's Rust is tested against), so that the
//   loader's own URL can stay the same forever while everything it loads is cached for
//   good; without comments or white space, as terser prints it.
//
// It copies the WordPress importer module into the site, if `cargo xtask build` made it.
//
// Last, in release builds, every text or wasm file of the site gets a `.br` (quality 11)
// and a `.gz` (level 9) twin, for hosts that serve pre-compressed files (nginx's
// `gzip_static` and `brotli_static`, tower-http's `ServeDir`, most CDNs). Compressing once
// at build time at the highest quality sends fewer bytes than on-the-fly compression, and
// costs the server nothing per request.
//
// Plain Node, no dependencies: it runs wherever Trunk does.
import { createHash } from "node:crypto";
import { minify as minifyJs } from "terser";
import { shortenImportNames } from "./short-import-names.mjs";
import { nameFunctionsBySimilarity } from "./order-functions.mjs";
import { dropStreamExports } from "./drop-stream-exports.mjs";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this as Trunk's post_build hook");
  process.exit(1);
}

/** The stylesheets index.html hands to Trunk, in order. */
function linkedStylesheets() {
  const html = readFileSync("index.html", "utf8");
  const links = [...html.matchAll(/<link\s+data-trunk\s+rel="css"\s+href="([^"]+)"/g)].map((match) => match[1]);
  if (links.length === 0) throw new Error("post-build: index.html links no stylesheets");
  return links;
}

/** One stylesheet rewritten to work the same whatever page the widget is on. */
export function forShadowRoot(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(-?\d*\.?\d+)rem\b/g, "calc($1 * var(--_rem))")
    .replace(/(-?\d*\.?\d+)vw\b/g, "$1cqi")
    .replace(/@media\s+(\((?:min|max)-width[^{]*)\{/g, "@container lede-widget $1{");
}

function minify(css) {
  return css
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();
}

function shortHash(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The value of an `integrity` attribute for `text`, as Trunk writes them. */
function integrity(text) {
  return `sha384-${createHash("sha384").update(text).digest("base64")}`;
}

/**
 * Joins the stylesheets that index.html links, in their order, into one file named by its
 * hash, and links that file in place of the first of them. Returns the file's name.
 */
function bundleReaderStylesheets() {
  const indexPath = join(staging, "index.html");
  let index = readFileSync(indexPath, "utf8");
  // Trunk writes `<link rel="stylesheet" href="/name-hash.css" integrity="…">`, with or
  // without quotes and in any attribute order depending on whether it minified the page.
  const links = [...index.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)].map((match) => {
    const href = match[0].match(/\bhref="?([^"\s>]*?)([^"\s>/]+\.css)"?/);
    if (!href) throw new Error(`post-build: a stylesheet link without a .css address: ${match[0]}`);
    return { tag: match[0], prefix: href[1], file: href[2] };
  });
  if (links.length === 0) throw new Error("post-build: the built index.html links no stylesheets");
  const css = links.map(({ file }) => readFileSync(join(staging, file), "utf8")).join("\n");
  const name = `lede-${shortHash(css)}.css`;
  writeFileSync(join(staging, name), css);
  for (const { file } of links) unlinkSync(join(staging, file));
  const [first, ...rest] = links;
  // The joined file keeps the first link's prefix: Trunk's `public_url`.
  index = index.replace(first.tag, `<link rel="stylesheet" href="${first.prefix}${name}" integrity="${integrity(css)}">`);
  for (const { tag } of rest) index = index.replace(tag, "");
  writeFileSync(indexPath, index);
  console.log(`post-build: ${links.length} stylesheets joined into ${name} (${css.length} bytes)`);
  return name;
}

bundleReaderStylesheets();

const stylesheet = minify(
  ["style/embed.css", ...linkedStylesheets()].map((path) => forShadowRoot(readFileSync(path, "utf8"))).join("\n"),
);
const stylesheetName = `lede-embed-${shortHash(stylesheet)}.css`;
writeFileSync(join(staging, stylesheetName), stylesheet);

const built = readdirSync(staging);
const appModule = built.find((name) => /^lede-[0-9a-f]+\.js$/.test(name));
const appWasm = built.find((name) => /^lede-[0-9a-f]+_bg\.wasm$/.test(name));
if (!appModule || !appWasm) throw new Error(`post-build: no lede-{hash}.js and lede-{hash}_bg.wasm in ${staging}`);

/**
 * The glue `glue` of the wasm at `wasmPath` with the wasm's import names shortened in both (tools/short-import-names.mjs): the wasm
 * is rewritten in place, and the new glue returned. Fails the build if it finds fewer than
 * `leastRenamed` names to shorten, which would mean wasm-bindgen changed how it names them.
 */
function shortenImports(wasmPath, glue, leastRenamed = 50) {
  const wasm = readFileSync(wasmPath);
  const shortened = shortenImportNames(wasm, glue);
  if (shortened.renamed < leastRenamed) throw new Error(`post-build: only ${shortened.renamed} import names of ${wasmPath} could be shortened`);
  writeFileSync(wasmPath, shortened.wasm);
  console.log(
    `post-build: ${shortened.renamed} import names shortened in ${wasmPath} (${wasm.length} to ${shortened.wasm.length} bytes), ${shortened.removed} glue functions it no longer imports removed`,
  );
  return { glue: shortened.glue, wasmAfter: shortened.wasm };
}

/**
 * The glue `glue` of the wasm at `wasmPath` without the stream classes that `server_fn`
 * exports and nothing uses (tools/drop-stream-exports.mjs, decision 025): the wasm loses
 * their exports in place, before wasm-opt drops the code only they reached, and the new
 * glue is returned.
 */
function dropUnusedStreamClasses(wasmPath, glue) {
  const result = dropStreamExports(readFileSync(wasmPath), glue);
  writeFileSync(wasmPath, result.wasm);
  console.log(`post-build: ${result.dropped.length} exports of unused stream classes dropped from ${wasmPath}`);
  return result.glue;
}

/**
 * The custom sections wasm-opt removes last, which only tools read: the compiler versions
 * (`producers`) and the features the wasm uses (`target_features`, which wasm-opt reads
 * first, so it goes only after the optimizations).
 */
const STRIPPED_SECTIONS = ["--strip-producers", "--strip-target-features"];

/**
 * In release builds, optimizes the wasm at `wasmPath` for size with wasm-opt, with its
 * functions laid out by similarity (tools/order-functions.mjs, decision 024). Trunk's
 * own wasm-opt is off for the reader's page (`data-wasm-opt="0"` in index.html): the
 * order is computed from wasm-bindgen's output, whose function names wasm-opt drops.
 */
function optimizeForSize(wasmPath, extraArguments = []) {
  const named = nameFunctionsBySimilarity(readFileSync(wasmPath));
  if (!named.hadNames) throw new Error(`post-build: ${wasmPath} has no function names to order its functions by`);
  writeFileSync(wasmPath, named.wasm);
  const wasmOpt = spawnSync(
    "wasm-opt",
    ["-Oz", ...extraArguments, "--reorder-functions-by-name", ...STRIPPED_SECTIONS, wasmPath, "-o", wasmPath],
    { stdio: "inherit" },
  );
  if (wasmOpt.error || wasmOpt.status !== 0) {
    throw new Error(`post-build: wasm-opt failed on ${wasmPath}: ${wasmOpt.error ?? `exit status ${wasmOpt.status}`}`);
  }
  console.log(`post-build: ${named.ordered} functions of ${wasmPath} laid out by similarity, then wasm-opt -Oz`);
}

// The reader's glue and wasm: in release builds the wasm optimized for size, then short
// import names in both, then the glue minified. It is an ES module whose exports the
// start-up script calls: top-level names stay.
const glue = readFileSync(join(staging, appModule), "utf8");
const wasmAsBuilt = readFileSync(join(staging, appWasm));
let releaseGlue = glue;
if (process.env.TRUNK_PROFILE === "release") {
  releaseGlue = dropUnusedStreamClasses(join(staging, appWasm), glue);
  // The reader's wasm never uses the lowest kilobyte of its memory (its stack comes
  // first), so loads and stores may fold small constant offsets (docs/performance.md).
  optimizeForSize(join(staging, appWasm), ["--low-memory-unused"]);
}
const appImports = shortenImports(join(staging, appWasm), releaseGlue);
const minified = await minifyJs(appImports.glue, { module: true, compress: { passes: 2 }, mangle: true });
if (!minified.code) throw new Error(`post-build: terser returned nothing for ${appModule}`);
writeFileSync(join(staging, appModule), minified.code);
const indexPath = join(staging, "index.html");
const index = readFileSync(indexPath, "utf8");
if (!index.includes(integrity(glue))) throw new Error(`post-build: index.html does not name ${appModule} by its integrity hash`);
writeFileSync(
  indexPath,
  index
    .replaceAll(integrity(glue), integrity(minified.code))
    .replaceAll(integrity(wasmAsBuilt), integrity(appImports.wasmAfter)),
);
console.log(`post-build: ${appModule} minified from ${glue.length} to ${minified.code.length} bytes`);
/**
 * The script that preloads the article the page's address will show, while the wasm
 * downloads: the default article on `/`, the named one on `/articles/{id}`, at the
 * addresses the shipped configuration gives them. Any other address preloads nothing.
 */
function articlePreloadScript(config) {
  const base = typeof config.articles_base_url === "string" ? config.articles_base_url.replace(/\/?$/, "/") : "/articles/";
  const defaultArticle = typeof config.default_article === "string" ? config.default_article : "";
  const articleUrls = config.article_urls && typeof config.article_urls === "object" ? config.article_urls : {};
  return `(() => {
  const base = ${JSON.stringify(base)}, articleUrls = ${JSON.stringify(articleUrls)};
  const id = location.pathname === "/" && !location.search
    ? ${JSON.stringify(defaultArticle)}
    : (location.pathname.match(/^\\/articles\\/([a-z0-9]+(?:-[a-z0-9]+)*)\\/?$/) || [])[1];
  if (!id || id.length > 100) return;
  const link = document.createElement("link");
  Object.assign(link, { rel: "preload", as: "fetch", type: "application/json", crossOrigin: "anonymous" });
  link.href = new URL(Object.hasOwn(articleUrls, id) ? articleUrls[id] : \`\${base}\${id}.json\`, location.href).href;
  document.head.append(link);
})();`;
}

/**
 * Moves Trunk's inline start-up module into a file of its own, preceded by the article
 * preload, so that index.html has no inline script. The glue's static import becomes a
 * dynamic one, so that the preload runs first rather than after the glue has arrived.
 */
async function externalizeStartUp() {
  const indexPath = join(staging, "index.html");
  let index = readFileSync(indexPath, "utf8");
  const inline = [...index.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((match) => !/\bsrc=/.test(match[1]));
  if (inline.length !== 1) throw new Error(`post-build: expected Trunk's one inline script in index.html, found ${inline.length}`);
  const [tag, , body] = inline[0];
  const staticImport = /import\s+init\s*,\s*\*\s*as\s+bindings\s+from\s*(['"])([^'"]+)\1\s*;?/;
  const found = body.match(staticImport);
  if (!found) throw new Error(`post-build: Trunk's start-up script has an unexpected shape: ${body}`);
  const config = JSON.parse(readFileSync(join(staging, "lede.config.json"), "utf8"));
  // Printed without its comments, like embed.js below.
  const intlWarmUpSource = readFileSync("src/platform/intl_warm_up.js", "utf8");
  const intlWarmUp = (await minifyJs(intlWarmUpSource, { compress: false, mangle: false, format: { comments: false } })).code;
  const intlWarmUpName = `lede-intl-${shortHash(intlWarmUp)}.js`;
  writeFileSync(join(staging, intlWarmUpName), intlWarmUp);
  const compileWasmSource = readFileSync("src/platform/compile_wasm.js", "utf8");
  const compileWasm = (await minifyJs(compileWasmSource, { compress: false, mangle: false, format: { comments: false } })).code;
  const compileWasmName = `lede-compile-${shortHash(compileWasm)}.js`;
  writeFileSync(join(staging, compileWasmName), compileWasm);
  // Trunk's script hands the wasm's address to wasm-bindgen's `init`, which would compile
  // it on the page. It gets the module compiled in a worker instead, or, if the worker
  // cannot be started or fails, the bytes (compiled on the page, as before).
  const initCall = /module_or_path:\s*(['"])([^'"]+_bg\.wasm)\1/;
  const initFound = body.match(initCall);
  if (!initFound) throw new Error(`post-build: Trunk's start-up script does not pass the wasm's address to init: ${body}`);
  // A published page loads this file only once it has painted (the inline script of
  // src/publish/start_after_first_paint.js), so nothing here waits. A widget's frame page
  // that was not published (an article added since \`lede publish\`) is answered by the
  // shell or the not-found page, which load this file: the frame page that shows any
  // article, embed.html, takes its place.
  const startUp = `if (/\\/articles\\/[a-z0-9]+(?:-[a-z0-9]+)*\\/frame\\/?$/.test(location.pathname)) {
  location.replace(new URL(\`embed.html\${location.search}\`, import.meta.url));
  await new Promise(() => {});
}
${articlePreloadScript(config)}
try {
  const intlWarmUp = new Worker(new URL(${JSON.stringify("./" + intlWarmUpName)}, import.meta.url));
  intlWarmUp.onmessage = () => intlWarmUp.terminate();
  intlWarmUp.postMessage([...new Set([document.documentElement.lang, navigator.language].filter(Boolean))]);
} catch {}
const compiledWasm = (async () => {
  let compiler = null;
  try {
    compiler = new Worker(new URL(${JSON.stringify("./" + compileWasmName)}, import.meta.url));
  } catch {}
  const bytes = await (await fetch(${JSON.stringify(initFound[2])})).arrayBuffer();
  if (!compiler) return bytes;
  const compiled = await new Promise((resolve) => {
    compiler.onmessage = ({ data }) => resolve(data);
    compiler.onerror = () => resolve(null);
    try {
      compiler.postMessage(bytes);
    } catch {
      resolve(null);
    }
  });
  compiler.terminate();
  return compiled instanceof WebAssembly.Module ? compiled : bytes;
})();
const bindings = await import(${JSON.stringify(found[2])});
const init = bindings.default;
${body.replace(staticImport, "").replace(initCall, "module_or_path: await compiledWasm").trim()}
`;
  const name = `lede-start-${shortHash(startUp)}.js`;
  writeFileSync(join(staging, name), startUp);
  const prefix = found[2].slice(0, found[2].lastIndexOf("/") + 1);
  index = index.replace(tag, `<script type="module" src="${prefix}${name}"></script>`);
  writeFileSync(indexPath, index);
  console.log(`post-build: Trunk's start-up script and the article preload moved to ${name}`);
}

await externalizeStartUp();

/**
 * The widget's module (src/bin/lede-widget.rs): the reader's crate with the widget's entry
 * points and without the reader's page (decision 021). `cargo xtask build` builds it into
 * target/widget-module/ before Trunk runs. Copied under names hashed from its contents,
 * so that every outlet's page caches it for good; a plain `trunk serve` goes without it,
 * and its widgets then say that the reader could not be loaded.
 */
async function copyWidgetModule() {
  const folder = "target/widget-module";
  if (!existsSync(join(folder, "lede-widget.js"))) {
    console.log("post-build: no widget module in target/widget-module/ (cargo xtask build makes it)");
    return { module: "lede-widget.js", wasm: "lede-widget_bg.wasm" };
  }
  // Short import names in a copy of the wasm; the build's own stays as wasm-bindgen wrote it.
  const staged = join(staging, "lede-widget_bg.wasm");
  copyFileSync(join(folder, "lede-widget_bg.wasm"), staged);
  const { glue: shortGlue, wasmAfter: wasm } = shortenImports(staged, readFileSync(join(folder, "lede-widget.js"), "utf8"));
  unlinkSync(staged);
  // The glue is an ES module with named exports that embed.js calls: top-level names stay.
  const glue = await minifyJs(shortGlue, { module: true, compress: { passes: 2 }, mangle: true });
  if (!glue.code) throw new Error("post-build: terser returned nothing for the widget's glue");
  const hash = shortHash(Buffer.concat([Buffer.from(glue.code), wasm]));
  const names = { module: `lede-widget-${hash}.js`, wasm: `lede-widget-${hash}_bg.wasm` };
  writeFileSync(join(staging, names.module), glue.code);
  writeFileSync(join(staging, names.wasm), wasm);
  // Its JS snippets (the WordPress importer's loader) go where its glue imports them from,
  // `snippets/` beside it: the reader's page, built without the widget, has none of them.
  if (existsSync(join(folder, "snippets"))) cpSync(join(folder, "snippets"), join(staging, "snippets"), { recursive: true });
  console.log(`post-build: the widget's module copied from target/widget-module/ as ${names.module}`);
  return names;
}

const widgetModule = await copyWidgetModule();
const loaderSource = readFileSync("src/embed/embed.js", "utf8")
  .replaceAll("__LEDE_WIDGET_MODULE__", `./${widgetModule.module}`)
  .replaceAll("__LEDE_WIDGET_WASM__", `./${widgetModule.wasm}`)
  .replaceAll("__LEDE_EMBED_STYLESHEET__", `./${stylesheetName}`)
  .replaceAll("__LEDE_EMBED_ATTRIBUTES__", JSON.stringify(JSON.parse(readFileSync("src/embed/attributes.json", "utf8"))));
// Without its comments and white space, but with its names: `lede publish` finds the line
// `const PUBLISHED_FRAMES=false;` and turns it on, and a host's developer reading the
// loader in the browser still reads it. The loader's budget is 4 KB brotli.
const loader = await minifyJs(loaderSource, { module: true, compress: false, mangle: false, format: { comments: false } });
if (!loader.code?.includes("const PUBLISHED_FRAMES=false;")) throw new Error("post-build: embed.js lost its `const PUBLISHED_FRAMES=false;` line");
writeFileSync(join(staging, "embed.js"), loader.code);
console.log(`post-build: embed.js loads ${widgetModule.module} and ${stylesheetName} (${stylesheet.length} bytes)`);

// The WordPress importer module (importer/), which the reader loads only for a widget whose
// `format` is `wordpress`. `cargo xtask build` builds it into target/wordpress-importer/
// before Trunk runs; a plain `trunk serve` goes without it, and such a widget then says that
// the importer could not be loaded.
const importerFolder = "target/wordpress-importer";
if (existsSync(join(importerFolder, "lede-wordpress.js"))) {
  // Short import names as in the reader's modules (decision 022), in the staged copy.
  const stagedWasm = join(staging, "lede-wordpress_bg.wasm");
  copyFileSync(join(importerFolder, "lede-wordpress_bg.wasm"), stagedWasm);
  const { glue: shortGlue } = shortenImports(stagedWasm, readFileSync(join(importerFolder, "lede-wordpress.js"), "utf8"), 20);
  const glue = await minifyJs(shortGlue, { module: true, format: { comments: false } });
  writeFileSync(join(staging, "lede-wordpress.js"), glue.code);
  console.log("post-build: the WordPress importer module copied from target/wordpress-importer/");
} else {
  console.log("post-build: no WordPress importer module in target/wordpress-importer/ (cargo xtask build makes it)");
}

/** Files worth compressing: text and wasm. Images are compressed already. */
const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|svg|txt)$/;

/** Writes `.br` and `.gz` twins of every compressible file under `directory`, where smaller. */
function precompress(directory) {
  let files = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      files += precompress(path);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name)) continue;
    const bytes = readFileSync(path);
    const brotli = brotliCompressSync(bytes, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    const gzip = gzipSync(bytes, { level: 9 });
    // A twin that is not smaller would only cost the server a lookup.
    if (brotli.length < bytes.length) writeFileSync(`${path}.br`, brotli);
    if (gzip.length < bytes.length) writeFileSync(`${path}.gz`, gzip);
    files += 1;
  }
  return files;
}

if (process.env.TRUNK_PROFILE === "release") {
  console.log(`post-build: ${precompress(staging)} files pre-compressed as .br and .gz`);
}
