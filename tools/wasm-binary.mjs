// Reading and writing the parts of the WebAssembly binary format that the build's
// post-processing tools touch (tools/short-import-names.mjs, tools/order-functions.mjs,
// tools/drop-stream-exports.mjs): LEB128 numbers, names, import descriptions and the
// list of sections. Plain Node, no dependencies.

/** Reads an unsigned LEB128 number at `offset`: its value and the offset after it. */
export function readUnsigned(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset];
    if (byte === undefined) throw new Error("wasm-binary: the wasm ends inside a number");
    offset += 1;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return { value, offset };
  }
}

/** `value` as unsigned LEB128 bytes. */
export function unsigned(value) {
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
export function encodedName(text) {
  const utf8 = Buffer.from(text, "utf8");
  return Buffer.concat([unsigned(utf8.length), utf8]);
}

/** The offset after the limits (of a table or a memory) at `offset`. */
function skipLimits(bytes, offset) {
  const flags = bytes[offset];
  offset = readUnsigned(bytes, offset + 1).offset;
  return flags & 0x01 ? readUnsigned(bytes, offset).offset : offset;
}

/** The offset after the import description (what is imported) at `offset`. */
export function skipImportDescription(bytes, offset) {
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
      throw new Error(`wasm-binary: unknown import kind ${kind}`);
  }
}

/** The name at `offset` (its length, then its UTF-8 bytes): its text and the offset after it. */
export function readName(bytes, offset) {
  const length = readUnsigned(bytes, offset);
  const end = length.offset + length.value;
  return { text: bytes.toString("utf8", length.offset, end), offset: end };
}

/** The module's sections, in order: each one's id, where it starts, where its payload starts and where it ends. */
export function sections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("wasm-binary: not a wasm module");
  const found = [];
  let offset = 8;
  while (offset < wasm.length) {
    const size = readUnsigned(wasm, offset + 1);
    found.push({ id: wasm[offset], start: offset, payload: size.offset, end: size.offset + size.value });
    offset = size.offset + size.value;
  }
  if (offset !== wasm.length) throw new Error("wasm-binary: the last section does not end with the wasm");
  return found;
}
