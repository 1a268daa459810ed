// Drops the JavaScript stream classes that Leptos's `server_fn` exports through
// `wasm-streams` and that nothing can use, from a wasm-bindgen module and its glue
// (decision 025).
//
// `leptos` 0.8 always builds `server_fn` with its browser client, whose streaming bodies
// come from `wasm-streams`: three Rust types exported to JavaScript as classes
// (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`). The reader
// has no server functions, so no Rust code ever hands one of them to JavaScript, and the
// glue has no way to make one: but a wasm export is a root, so their methods and every
// future they poll stay in the wasm. This removes the exports from the wasm, before
// wasm-opt, which then drops the code only they reached, and the classes from the glue.
//
// It checks its premise and fails the build rather than guess: the glue must define the
// classes, must not be able to make one (no `__wrap` of them, no `new` of them), and the
// wasm must export their methods under the names wasm-bindgen gives them. When an upgrade
// changes any of that, the build says so, and this step should be looked at again.
//
// `node tools/drop-stream-exports.mjs module_bg.wasm module.js` rewrites both files in
// place; tools/post-build.mjs calls `dropStreamExports` itself. Plain Node, no
// dependencies.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readUnsigned, unsigned } from "./wasm-binary.mjs";

/** The classes `wasm-streams` exports to JavaScript. */
const STREAM_CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];

/** `wasm` without the exports whose names `isDropped` accepts, and the names dropped. */
function withoutExports(wasm, isDropped) {
  const parts = [wasm.subarray(0, 8)];
  const dropped = [];
  let offset = 8;
  while (offset < wasm.length) {
    const id = wasm[offset];
    const size = readUnsigned(wasm, offset + 1);
    const end = size.offset + size.value;
    if (id !== 7) {
      parts.push(wasm.subarray(offset, end));
      offset = end;
      continue;
    }
    const count = readUnsigned(wasm, size.offset);
    const kept = [];
    let at = count.offset;
    for (let index = 0; index < count.value; index += 1) {
      const start = at;
      const length = readUnsigned(wasm, at);
      const name = wasm.toString("utf8", length.offset, length.offset + length.value);
      at = readUnsigned(wasm, length.offset + length.value + 1).offset;
      if (isDropped(name)) dropped.push(name);
      else kept.push(wasm.subarray(start, at));
    }
    if (at !== end) throw new Error("drop-stream-exports: the export section did not end where its size says");
    const payload = Buffer.concat([unsigned(kept.length), ...kept]);
    parts.push(Buffer.from([7]), unsigned(payload.length), payload);
    offset = end;
  }
  return { wasm: Buffer.concat(parts), dropped };
}

/** `glue` without `text`, which must be in it exactly once. */
function removeOnce(glue, text, what) {
  const first = glue.indexOf(text);
  if (first < 0 || glue.indexOf(text, first + 1) >= 0) {
    throw new Error(`drop-stream-exports: the glue does not have ${what} exactly once`);
  }
  return glue.slice(0, first) + glue.slice(first + text.length);
}

/**
 * `wasm` (a Buffer) and `glue` (wasm-bindgen's JS text) without the stream classes of
 * `wasm-streams`: the wasm's exports of their methods, and the glue's classes and their
 * finalization registries. Returns the new wasm and glue and the exports dropped.
 */
export function dropStreamExports(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("drop-stream-exports: not a wasm module");
  let newGlue = glue;
  const prefixes = [];
  for (const name of STREAM_CLASSES) {
    if (new RegExp(`\\b${name}\\.__wrap\\b|\\bnew ${name}\\b`).test(glue)) {
      throw new Error(`drop-stream-exports: the glue can make a ${name}, so the wasm hands them out: keep them`);
    }
    // wasm-bindgen writes each class as `export class Name {`, its methods, and a `}` of its
    // own line, then a line that makes `free` its disposer.
    const start = newGlue.indexOf(`export class ${name} {\n`);
    const end = newGlue.indexOf("\n}\n", start);
    if (start < 0 || end < 0) throw new Error(`drop-stream-exports: the glue has no class ${name}`);
    newGlue = newGlue.slice(0, start) + newGlue.slice(end + 3);
    newGlue = removeOnce(
      newGlue,
      `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`,
      `${name}'s disposer`,
    );
    const registry = newGlue.match(
      new RegExp(`const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n[^\\n]*\\n[^\\n]*\\n`),
    );
    if (!registry) throw new Error(`drop-stream-exports: the glue has no finalization registry for ${name}`);
    newGlue = removeOnce(newGlue, registry[0], `${name}'s finalization registry`);
    const lower = name.toLowerCase();
    prefixes.push(`${lower}_`, `__wbg_${lower}_free`);
  }
  const stripped = withoutExports(wasm, (name) => prefixes.some((prefix) => name.startsWith(prefix)));
  if (stripped.dropped.length < STREAM_CLASSES.length) {
    throw new Error(`drop-stream-exports: the wasm exports only ${stripped.dropped.length} methods of the stream classes`);
  }
  for (const name of stripped.dropped) {
    if (new RegExp(`\\b${name}\\b`).test(newGlue)) {
      throw new Error(`drop-stream-exports: the glue still calls ${name}`);
    }
  }
  return { wasm: stripped.wasm, glue: newGlue, dropped: stripped.dropped };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [wasmPath, gluePath] = process.argv.slice(2);
  if (!wasmPath || !gluePath) {
    console.error("usage: node tools/drop-stream-exports.mjs module_bg.wasm module.js");
    process.exit(2);
  }
  const result = dropStreamExports(readFileSync(wasmPath), readFileSync(gluePath, "utf8"));
  writeFileSync(wasmPath, result.wasm);
  writeFileSync(gluePath, result.glue);
  console.log(`drop-stream-exports: ${result.dropped.length} exports of unused stream classes dropped from ${wasmPath}`);
}
