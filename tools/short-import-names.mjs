// Shortens the names a wasm-bindgen module imports from its JS glue.
//
// wasm-bindgen names each import after the JS it calls and a hash of its signature, such
// as `__wbg_new_with_str_499339d8540f7f96`: about 250 such names, each in the wasm's
// import section and again as a key of the glue's import object. Their hashes are
// sixteen hex digits each, which brotli cannot compress, and they cost every reader a few
// kilobytes (docs/performance.md, "Size levers"). This renames each to a short name
// (`a`, `b`, …, `aa`, …), in the wasm and in the glue alike. The closures' adapters, which
// the wasm exports under long names with hashes for the glue alone, become `$a`, `$b`, ….
//
// Only names imported from the glue's own module (`./{out name}_bg.js`, the name
// wasm-bindgen gave the module, which Trunk's hashed file names do not change) are renamed, and only
// when the glue names them exactly once, as a key of its import object; a snippet's
// imports keep the names its module exports. Plain Node, no dependencies.

import { encodedName, readName, readUnsigned, skipImportDescription, unsigned } from "./wasm-binary.mjs";

/** The `index`th short name: a…z, A…Z, then two letters and so on. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  let rest = index;
  do {
    name = letters[rest % letters.length] + name;
    rest = Math.floor(rest / letters.length) - 1;
  } while (rest >= 0);
  return name;
}

/** Whether `moduleName` is how a wasm-bindgen module names its glue: `./{out name}_bg.js`. */
const isGlueModule = (moduleName) => /^\.\/[^/]+_bg\.js$/.test(moduleName);

/**
 * The payload of a section that is a vector of entries, from `start` to `end`, with each
 * entry rewritten by `rewriteEntry(offset)`, which returns the entry's new bytes and the
 * offset after the old entry.
 */
function rewriteVector(bytes, start, end, rewriteEntry) {
  const count = readUnsigned(bytes, start);
  const entries = [unsigned(count.value)];
  let at = count.offset;
  for (let index = 0; index < count.value; index += 1) {
    const entry = rewriteEntry(at);
    entries.push(entry.bytes);
    at = entry.offset;
  }
  if (at !== end) throw new Error("short-import-names: a section did not end where its size says");
  return Buffer.concat(entries);
}

/**
 * `wasm` (a Buffer) and `glue` (the wasm-bindgen JS text) with the names the wasm imports
 * from the glue shortened, and the closures' adapters it exports. Returns the new wasm,
 * the new glue and how many imports were renamed.
 */
export function shortenImportNames(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("short-import-names: not a wasm module");
  let renamed = 0;
  let renamedExports = 0;
  let newGlue = glue;

  // An import: its module, its name and what it imports. A function of the glue's own
  // module gets a short name when the glue names it once, as a key of its import object
  // (`name: function…`).
  const renameImport = (offset) => {
    const moduleName = readName(wasm, offset);
    const field = readName(wasm, moduleName.offset);
    const descriptionEnd = skipImportDescription(wasm, field.offset);
    let name = field.text;
    if (isGlueModule(moduleName.text) && /^__wb[a-z_]*_[A-Za-z0-9_]+$/.test(field.text)) {
      const uses = newGlue.match(new RegExp(`(?<![\\w$])${field.text}(?![\\w$])`, "g")) ?? [];
      const key = new RegExp(`(?<![\\w$])${field.text}(?=\\s*:)`);
      if (uses.length === 1 && key.test(newGlue)) {
        name = shortName(renamed);
        newGlue = newGlue.replace(key, name);
        renamed += 1;
      }
    }
    const bytes = Buffer.concat([encodedName(moduleName.text), encodedName(name), wasm.subarray(field.offset, descriptionEnd)]);
    return { bytes, offset: descriptionEnd };
  };

  // An export: its name, its kind and its index. The closures' adapters, which only the
  // glue reads, as `wasm.{name}`, get short names; the glue's own functions of the same
  // names are other identifiers, which the minifier renames anyway. A name in quotes
  // would be a read this cannot follow, so such a name stays.
  const renameExport = (offset) => {
    const exported = readName(wasm, offset);
    const descriptionEnd = readUnsigned(wasm, exported.offset + 1).offset;
    let name = exported.text;
    if (/^wasm_bindgen_[0-9a-f]{16}___convert__closures_/.test(exported.text)) {
      const quoted = new RegExp(`["'\`]${exported.text}["'\`]`).test(newGlue);
      const reads = new RegExp(`(?<![\\w$])wasm\\.${exported.text}(?![\\w$])`, "g");
      if (!quoted && reads.test(newGlue)) {
        name = `$${shortName(renamedExports)}`;
        newGlue = newGlue.replace(reads, `wasm.${name}`);
        renamedExports += 1;
      }
    }
    const bytes = Buffer.concat([encodedName(name), wasm.subarray(exported.offset, descriptionEnd)]);
    return { bytes, offset: descriptionEnd };
  };

  const imported = new Set();
  const parts = [wasm.subarray(0, 8)];
  let offset = 8;
  while (offset < wasm.length) {
    const id = wasm[offset];
    const size = readUnsigned(wasm, offset + 1);
    const end = size.offset + size.value;
    if (id === 2) {
      rewriteVector(wasm, size.offset, end, (at) => {
        const moduleName = readName(wasm, at);
        const field = readName(wasm, moduleName.offset);
        imported.add(field.text);
        return { bytes: Buffer.alloc(0), offset: skipImportDescription(wasm, field.offset) };
      });
    }
    const rewriteEntry = id === 2 ? renameImport : id === 7 ? renameExport : null;
    if (rewriteEntry) {
      const payload = rewriteVector(wasm, size.offset, end, rewriteEntry);
      parts.push(Buffer.from([id]), unsigned(payload.length), payload);
    } else {
      parts.push(wasm.subarray(offset, end));
    }
    offset = end;
  }
  const unimported = withoutUnimportedFunctions(newGlue, imported);
  return { wasm: Buffer.concat(parts), glue: unimported.glue, renamed, removed: unimported.removed };
}

/**
 * `glue` without the functions of its import object that the wasm does not import, and
 * how many there were. wasm-opt drops an import that only dead code called (such as the
 * promise that only `server_fn`'s streams made, decision 025), but the glue still
 * defines it, under its long hashed name. wasm-bindgen writes each function of the import
 * object as a key eight spaces in, and the object's end four spaces in.
 */
function withoutUnimportedFunctions(glue, imported) {
  const start = glue.indexOf("\n    const import0 = {\n");
  const end = start < 0 ? -1 : glue.indexOf("\n    };\n", start);
  if (end < 0) return { glue, removed: 0 };
  const lines = glue.slice(start + 1, end).split("\n");
  const kept = [];
  let removed = 0;
  let dropping = false;
  for (const line of lines) {
    const key = line.match(/^ {8}([A-Za-z_$][\w$]*):/);
    if (key) dropping = /^__wb[a-z_]*_[A-Za-z0-9_]+$/.test(key[1]) && !imported.has(key[1]);
    if (key && dropping) removed += 1;
    if (!dropping) kept.push(line);
  }
  return { glue: glue.slice(0, start + 1) + kept.join("\n") + glue.slice(end), removed };
}
