// The build's layout of wasm functions by similarity (tools/order-functions.mjs, decision
// 024), checked on hand-made modules: alike functions are named to sit together, the rest
// of the module is left byte for byte, and the same module always gets the same order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameFunctionsBySimilarity } from '../../tools/order-functions.mjs';
import { unsigned } from '../../tools/wasm-binary.mjs';

/** `value` as signed LEB128 bytes. */
function signed(value) {
  const out = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** A function body returning an i32: `start`, then `steps` times `operand` combined by `opcode`. */
function body(start, operand, opcode, steps) {
  const instructions = [0x41, ...signed(start)];
  for (let step = 0; step < steps; step += 1) instructions.push(0x41, ...signed(operand + step), opcode);
  const code = [0x00, ...instructions, 0x0b];
  return [...unsigned(code.length), ...code];
}

/** A module whose functions (of no arguments, returning an i32) have `bodies` and `names`, made by hand. */
function moduleWith(bodies, names) {
  const section = (id, payload) => [id, ...unsigned(payload.length), ...payload];
  const text = (value) => [value.length, ...Buffer.from(value)];
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, [0x01, 0x60, 0x00, 0x01, 0x7f]));
  bytes.push(...section(3, [bodies.length, ...bodies.map(() => 0x00)]));
  bytes.push(...section(10, [bodies.length, ...bodies.flat()]));
  const functionNames = [names.length, ...names.flatMap((name, index) => [index, ...text(name)])];
  bytes.push(...section(0, [...text('name'), 0x01, ...unsigned(functionNames.length), ...functionNames]));
  return Buffer.from(bytes);
}

/** The function names of a module's name section, in index order. */
function namesOf(wasm) {
  const module = new WebAssembly.Module(wasm);
  const [nameSection] = WebAssembly.Module.customSections(module, 'name');
  const bytes = Buffer.from(nameSection);
  assert.equal(bytes[0], 1, 'the name section holds function names');
  const names = [];
  let offset = 1;
  while (bytes[offset] & 0x80) offset += 1;
  offset += 1;
  const count = bytes[offset];
  offset += 1;
  for (let entry = 0; entry < count; entry += 1) {
    offset += 1;
    const length = bytes[offset];
    names.push(bytes.toString('utf8', offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  return names;
}

/** The module's sections other than its custom ones (the name section among them), as bytes. */
function withoutNames(wasm) {
  const kept = [];
  let offset = 8;
  while (offset < wasm.length) {
    let size = 0;
    let shift = 0;
    let at = offset + 1;
    for (;;) {
      const byte = wasm[at];
      at += 1;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if ((byte & 0x80) === 0) break;
    }
    if (wasm[offset] !== 0) kept.push(wasm.subarray(offset, at + size));
    offset = at + size;
  }
  return Buffer.concat(kept);
}

test('functions with alike code are named to sit next to each other, whatever their names', () => {
  // Two families interleaved by name: sums of small numbers and products of large ones.
  const sums = (variant) => body(1000 + variant, 7, 0x6a, 20);
  const products = (variant) => body(5 + variant, 300_000, 0x6c, 20);
  const wasm = moduleWith([sums(0), products(0), sums(1), products(1)], ['a', 'b', 'c', 'd']);
  const ordered = nameFunctionsBySimilarity(wasm);
  assert.equal(ordered.ordered, 4);
  assert.ok(ordered.hadNames);
  const ranks = namesOf(ordered.wasm);
  assert.deepEqual(ranks, ['o000000', 'o000002', 'o000001', 'o000003'], 'a and c first, then b and d');
});

test('only the name section changes, and the same module always gets the same names', () => {
  const wasm = moduleWith(
    [body(1, 2, 0x6a, 30), body(9, 40_000, 0x73, 30), body(3, 2, 0x6a, 30)],
    ['first', 'second', 'third'],
  );
  const once = nameFunctionsBySimilarity(wasm).wasm;
  const again = nameFunctionsBySimilarity(wasm).wasm;
  assert.deepEqual(once, again);
  assert.deepEqual(withoutNames(once), withoutNames(wasm), 'every section but the names is unchanged');
  assert.deepEqual(namesOf(once), ['o000000', 'o000002', 'o000001']);
});

test('a module without function names is still ordered, from its first function', () => {
  const named = moduleWith([body(1, 2, 0x6a, 20), body(2, 2, 0x6a, 20)], []);
  const ordered = nameFunctionsBySimilarity(named);
  assert.equal(ordered.hadNames, false);
  assert.deepEqual(namesOf(ordered.wasm), ['o000000', 'o000001']);
});
