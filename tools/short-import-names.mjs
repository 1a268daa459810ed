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

/** Reads an unsigned LEB128 number at `offset`: its value and the offset after it. */
function readUnsigned(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset];
    if (byte === undefined) throw new Error("short-import-names: the wasm ends inside a number");
    offset += 1;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return { value, offset };
  }
}

/** `value` as unsigned LEB128 bytes. */
function unsigned(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A name as the wasm binary writes it: its length, then its UTF-8 bytes. */
function encodedName(text) {
  const utf8 = Buffer.from(text, "utf8");
  return Buffer.concat([unsigned(utf8.length), utf8]);
}

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

/** The offset after the limits (of a table or a memory) at `offset`. */
function skipLimits(bytes, offset) {
  const flags = bytes[offset];
  offset = readUnsigned(bytes, offset + 1).offset;
  return flags & 0x01 ? readUnsigned(bytes, offset).offset : offset;
}

/** The offset after the import description (what is imported) at `offset`. */
function skipImportDescription(bytes, offset) {
  const kind = bytes[offset];
  offset += 1;
  switch (kind) {
    case 0x00: // a function: its type's index
      return readUnsigned(bytes, offset).offset;
    case 0x01: // a table: its element type, then its limits
      return skipLimits(bytes, offset + 1);
    case 0x02: // a memory: its limits
      return skipLimits(bytes, offset);
    case 0x03: // a global: its value type and mutability
      return offset + 2;
    case 0x04: // a tag: its attribute, then its type's index
      return readUnsigned(bytes, offset + 1).offset;
    default:
      throw new Error(`short-import-names: unknown import kind ${kind}`);
  }
}

/** Whether `moduleName` is how a wasm-bindgen module names its glue: `./{out name}_bg.js`. */
const isGlueModule = (moduleName) => /^\.\/[^/]+_bg\.js$/.test(moduleName);

/**
 * `wasm` (a Buffer) and `glue` (the wasm-bindgen JS text) with the names the wasm imports
 * from the glue shortened. Returns the new wasm, the new glue and how many names were
 * renamed.
 */
export function shortenImportNames(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("short-import-names: not a wasm module");
  const parts = [wasm.subarray(0, 8)];
  let offset = 8;
  let renamed = 0;
  let renamedExports = 0;
  let newGlue = glue;
  while (offset < wasm.length) {
    const id = wasm[offset];
    const size = readUnsigned(wasm, offset + 1);
    const start = size.offset;
    const end = start + size.value;
    if (id === 7) {
      // The export section: the closure adapters' long names, which only the glue reads.
      const exported = readUnsigned(wasm, start);
      const exports = [unsigned(exported.value)];
      let at = exported.offset;
      for (let index = 0; index < exported.value; index += 1) {
        const nameLength = readUnsigned(wasm, at);
        const exportName = wasm.toString("utf8", nameLength.offset, nameLength.offset + nameLength.value);
        const descriptionStart = nameLength.offset + nameLength.value;
        const descriptionEnd = readUnsigned(wasm, descriptionStart + 1).offset;
        let name = exportName;
        // The glue reads them as `wasm.{name}`; its own functions of the same names are
        // other identifiers, which the minifier renames anyway. A name in quotes would be
        // a read this cannot follow, so such a name stays.
        if (/^wasm_bindgen_[0-9a-f]{16}___convert__closures_/.test(exportName)) {
          const quoted = new RegExp(`["'\`]${exportName}["'\`]`).test(newGlue);
          const readsByWasm = newGlue.match(new RegExp(`(?<![\\w$])wasm\\.${exportName}(?![\\w$])`, "g")) ?? [];
          if (!quoted && readsByWasm.length > 0) {
            name = `$${shortName(renamedExports)}`;
            newGlue = newGlue.replace(new RegExp(`(?<![\\w$])wasm\\.${exportName}(?![\\w$])`, "g"), `wasm.${name}`);
            renamedExports += 1;
          }
        }
        exports.push(encodedName(name), wasm.subarray(descriptionStart, descriptionEnd));
        at = descriptionEnd;
      }
      if (at !== end) throw new Error("short-import-names: the export section did not end where its size says");
      const payload = Buffer.concat(exports);
      parts.push(Buffer.from([7]), unsigned(payload.length), payload);
      offset = end;
      continue;
    }
    if (id !== 2) {
      parts.push(wasm.subarray(offset, end));
      offset = end;
      continue;
    }
    // The import section: every import rewritten with its new name.
    const count = readUnsigned(wasm, start);
    const imports = [unsigned(count.value)];
    let at = count.offset;
    for (let index = 0; index < count.value; index += 1) {
      const moduleLength = readUnsigned(wasm, at);
      const moduleName = wasm.toString("utf8", moduleLength.offset, moduleLength.offset + moduleLength.value);
      const fieldLength = readUnsigned(wasm, moduleLength.offset + moduleLength.value);
      const fieldStart = fieldLength.offset;
      const fieldName = wasm.toString("utf8", fieldStart, fieldStart + fieldLength.value);
      const descriptionStart = fieldStart + fieldLength.value;
      const descriptionEnd = skipImportDescription(wasm, descriptionStart);
      let name = fieldName;
      if (isGlueModule(moduleName) && /^__wb[a-z_]*_[A-Za-z0-9_]+$/.test(fieldName)) {
        // The glue must name it once, as a key of its import object (`name: function…`).
        const uses = newGlue.match(new RegExp(`(?<![\\w$])${fieldName}(?![\\w$])`, "g")) ?? [];
        const key = new RegExp(`(?<![\\w$])${fieldName}(?=\\s*:)`);
        if (uses.length === 1 && key.test(newGlue)) {
          name = shortName(renamed);
          newGlue = newGlue.replace(key, name);
          renamed += 1;
        }
      }
      imports.push(encodedName(moduleName), encodedName(name), wasm.subarray(descriptionStart, descriptionEnd));
      at = descriptionEnd;
    }
    if (at !== end) throw new Error("short-import-names: the import section did not end where its size says");
    const payload = Buffer.concat(imports);
    parts.push(Buffer.from([2]), unsigned(payload.length), payload);
    offset = end;
  }
  return { wasm: Buffer.concat(parts), glue: newGlue, renamed };
}
