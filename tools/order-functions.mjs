// Names a wasm module's functions so that sorting them by name puts functions with similar
// code next to each other, for wasm-opt's `--reorder-functions-by-name` to lay them out
// in that order (decision 024).
//
// Brotli finds a repeat cheaply when it is near: a function whose instructions look like
// the one before it costs a few bytes. Rust lays out its functions in no such order, and
// many of ours are near-copies (the same generic code over different closures, the same
// rendering steps in several components). Laid out by similarity, the reader's wasm is
// about 2 KB smaller brotli-compressed; the code itself is unchanged, byte for byte.
//
// Similarity is estimated with MinHash over each body's 4-byte substrings: two bodies
// match in about as many of the 128 hash slots as the share of substrings they have in
// common. From the first function by name, each next one is the unplaced function most
// like the last placed; when none is alike at all, the next by name follows, which keeps
// unrelated code grouped by crate and module as Rust named it. The same input gives the
// same order.
//
// Run before wasm-opt, on wasm-bindgen's output, which still has its name section:
// `node tools/order-functions.mjs module_bg.wasm` rewrites the file in place, and
// tools/post-build.mjs calls `nameFunctionsBySimilarity` itself. Plain Node, no
// dependencies.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readName, readUnsigned, sections, skipImportDescription, unsigned } from "./wasm-binary.mjs";

/** How many hash slots each function's signature has. */
const SIGNATURE_SLOTS = 128;
/** The substrings compared, in bytes. */
const SHINGLE_BYTES = 4;
/** At most this many matching slots counts as "not alike at all". */
const UNALIKE_SLOTS = 2;

/** A custom section's name. */
function customName(wasm, section) {
  const length = readUnsigned(wasm, section.payload);
  return wasm.toString("utf8", length.offset, length.offset + length.value);
}

/** How many functions the module imports: their indices come before its own. */
function importedFunctions(wasm, section) {
  if (!section) return 0;
  let { value: count, offset } = readUnsigned(wasm, section.payload);
  let functions = 0;
  for (let index = 0; index < count; index += 1) {
    const moduleName = readName(wasm, offset);
    const field = readName(wasm, moduleName.offset);
    if (wasm[field.offset] === 0x00) functions += 1;
    offset = skipImportDescription(wasm, field.offset);
  }
  return functions;
}

/** The function names of a `name` section, by function index. */
function functionNames(wasm, section) {
  const names = new Map();
  if (!section) return names;
  let offset = readUnsigned(wasm, section.payload);
  offset = offset.offset + offset.value;
  while (offset < section.end) {
    const kind = wasm[offset];
    const size = readUnsigned(wasm, offset + 1);
    if (kind === 1) {
      let { value: count, offset: at } = readUnsigned(wasm, size.offset);
      for (let entry = 0; entry < count; entry += 1) {
        const index = readUnsigned(wasm, at);
        const length = readUnsigned(wasm, index.offset);
        names.set(index.value, wasm.toString("utf8", length.offset, length.offset + length.value));
        at = length.offset + length.value;
      }
    }
    offset = size.offset + size.value;
  }
  return names;
}

/** Each function body of the code section, in index order, as a view of `wasm`. */
function functionBodies(wasm, section) {
  let { value: count, offset } = readUnsigned(wasm, section.payload);
  const bodies = [];
  for (let index = 0; index < count; index += 1) {
    const size = readUnsigned(wasm, offset);
    bodies.push(wasm.subarray(size.offset, size.offset + size.value));
    offset = size.offset + size.value;
  }
  return bodies;
}

/** The MinHash signature of `body`: per slot, the least hash of its substrings. */
function signature(body) {
  const slots = new Uint32Array(SIGNATURE_SLOTS).fill(0xffffffff);
  for (let at = 0; at + SHINGLE_BYTES <= body.length; at += 1) {
    const shingle = body.readUInt32LE(at);
    for (let slot = 0; slot < SIGNATURE_SLOTS; slot += 1) {
      const hash = Math.imul(shingle ^ (Math.imul(slot + 1, 0x9e3779b1) | 1), 0x9e3779b1) >>> 0;
      if (hash < slots[slot]) slots[slot] = hash;
    }
  }
  return slots;
}

/** How many slots two signatures share. */
function matchingSlots(left, right) {
  let matching = 0;
  for (let slot = 0; slot < SIGNATURE_SLOTS; slot += 1) if (left[slot] === right[slot]) matching += 1;
  return matching;
}

/**
 * The order of the functions `bodies` (named `names`, by position): a chain from the first
 * by name, each next the most alike, or the next by name when none is alike.
 */
export function similarityOrder(bodies, names) {
  const byName = bodies.map((_, position) => position);
  byName.sort((left, right) => {
    const leftName = names[left] ?? "";
    const rightName = names[right] ?? "";
    return leftName < rightName ? -1 : leftName > rightName ? 1 : left - right;
  });
  const signatures = bodies.map(signature);
  const placed = new Uint8Array(bodies.length);
  const order = [];
  let nextByName = 0;
  const takeNextByName = () => {
    while (placed[byName[nextByName]]) nextByName += 1;
    return byName[nextByName];
  };
  let last = -1;
  while (order.length < bodies.length) {
    let chosen = -1;
    if (last >= 0) {
      let most = UNALIKE_SLOTS;
      for (let candidate = 0; candidate < bodies.length; candidate += 1) {
        if (placed[candidate]) continue;
        const matching = matchingSlots(signatures[last], signatures[candidate]);
        if (matching > most) {
          most = matching;
          chosen = candidate;
        }
      }
    }
    if (chosen < 0) chosen = takeNextByName();
    placed[chosen] = 1;
    order.push(chosen);
    last = chosen;
  }
  return order;
}

/**
 * `wasm` (a Buffer) with a name section that names its functions in similarity order
 * (`o000000`, `o000001`, …), in place of its own name section, and how many functions it
 * ordered. The module is otherwise unchanged.
 */
export function nameFunctionsBySimilarity(wasm) {
  const all = sections(wasm);
  const code = all.find((section) => section.id === 10);
  if (!code) throw new Error("order-functions: the wasm has no code section");
  const nameSection = all.find((section) => section.id === 0 && customName(wasm, section) === "name");
  const firstOwn = importedFunctions(wasm, all.find((section) => section.id === 2));
  const bodies = functionBodies(wasm, code);
  const names = functionNames(wasm, nameSection);
  const order = similarityOrder(
    bodies,
    bodies.map((_, position) => names.get(firstOwn + position)),
  );
  const rankOf = new Array(bodies.length);
  order.forEach((position, rank) => {
    rankOf[position] = rank;
  });
  const entries = rankOf.map((rank, position) => {
    const name = Buffer.from(`o${String(rank).padStart(6, "0")}`);
    return Buffer.concat([unsigned(firstOwn + position), unsigned(name.length), name]);
  });
  const functionNamesPayload = Buffer.concat([unsigned(entries.length), ...entries]);
  const payload = Buffer.concat([
    unsigned(4),
    Buffer.from("name"),
    Buffer.from([1]),
    unsigned(functionNamesPayload.length),
    functionNamesPayload,
  ]);
  const kept = all.filter((section) => section !== nameSection).map((section) => wasm.subarray(section.start, section.end));
  return {
    wasm: Buffer.concat([wasm.subarray(0, 8), ...kept, Buffer.from([0]), unsigned(payload.length), payload]),
    ordered: bodies.length,
    hadNames: names.size > 0,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: node tools/order-functions.mjs module_bg.wasm");
    process.exit(2);
  }
  const named = nameFunctionsBySimilarity(readFileSync(path));
  if (!named.hadNames) throw new Error(`order-functions: ${path} has no function names to start from`);
  writeFileSync(path, named.wasm);
  console.log(`order-functions: ${named.ordered} functions of ${path} named in similarity order`);
}
