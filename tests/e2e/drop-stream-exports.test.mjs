// The build's removal of the stream classes `server_fn` exports and nothing uses
// (tools/drop-stream-exports.mjs, decision 025), checked on the built dist/ and on
// hand-made glue: gone from both modules a page loads, and kept, with a failed build,
// whenever the glue could hand one out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropStreamExports } from '../../tools/drop-stream-exports.mjs';
import { unsigned } from '../../tools/wasm-binary.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

test('the built reader and widget modules export no stream class, and their glue defines none', () => {
  const names = readdirSync(dist);
  for (const pattern of [/^lede-[0-9a-f]+_bg\.wasm$/, /^lede-widget-[0-9a-f]+_bg\.wasm$/]) {
    const wasm = names.find((name) => pattern.test(name));
    assert.ok(wasm, `dist/ has a module named like ${pattern}`);
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(dist, wasm)))).map((entry) => entry.name);
    assert.deepEqual(exports.filter((name) => /intounderlying/i.test(name)), [], `${wasm} exports no stream class method`);
    assert.ok(exports.includes('__wbindgen_start') || exports.length > 5, `${wasm} keeps its other exports`);
    const glue = readFileSync(join(dist, wasm.replace(/_bg\.wasm$/, '.js')), 'utf8');
    assert.doesNotMatch(glue, /IntoUnderlying/, `the glue of ${wasm} defines no stream class`);
  }
});

/** Glue as wasm-bindgen writes it for the three classes, plus `extra`. */
function glueWithClasses(extra = '') {
  const classes = CLASSES.map((name) => {
    const lower = name.toLowerCase();
    return [
      `export class ${name} {`,
      '    free() {',
      `        wasm.__wbg_${lower}_free(this.__wbg_ptr, 0);`,
      '    }',
      '    pull(controller) {',
      `        return wasm.${lower}_pull(this.__wbg_ptr, controller);`,
      '    }',
      '}',
      `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;`,
      '',
    ].join('\n');
  });
  const registries = CLASSES.map((name) =>
    [
      `const ${name}Finalization = (typeof FinalizationRegistry === 'undefined')`,
      '    ? { register: () => {}, unregister: () => {} }',
      `    : new FinalizationRegistry(ptr => wasm.__wbg_${name.toLowerCase()}_free(ptr >>> 0, 1));`,
      '',
    ].join('\n'),
  );
  return `${classes.join('')}export function start() { wasm.start(); }\n${extra}${registries.join('')}`;
}

/** A module exporting one function under each of `names`, made by hand. */
function moduleExporting(names) {
  const text = (value) => [value.length, ...Buffer.from(value)];
  const section = (id, payload) => [id, ...unsigned(payload.length), ...payload];
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, [0x01, 0x60, 0x00, 0x00]));
  bytes.push(...section(3, [0x01, 0x00]));
  bytes.push(...section(7, [names.length, ...names.flatMap((name) => [...text(name), 0x00, 0x00])]));
  bytes.push(...section(10, [0x01, 0x02, 0x00, 0x0b]));
  return Buffer.from(bytes);
}

const STREAM_EXPORTS = CLASSES.flatMap((name) => [`__wbg_${name.toLowerCase()}_free`, `${name.toLowerCase()}_pull`]);

test('the stream classes leave the wasm and the glue, and everything else stays', () => {
  const wasm = moduleExporting(['start', ...STREAM_EXPORTS, 'memory_size']);
  const result = dropStreamExports(wasm, glueWithClasses());
  assert.deepEqual([...result.dropped].sort(), [...STREAM_EXPORTS].sort());
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(result.wasm)).map((entry) => entry.name);
  assert.deepEqual(exports, ['start', 'memory_size']);
  assert.equal(result.glue, 'export function start() { wasm.start(); }\n');
});

test('glue that can hand out a stream class keeps it, and the build fails', () => {
  // Regression guard: a future Leptos that streams a server function's body would make
  // these objects; dropping their methods then would break it at run time.
  const wasm = moduleExporting(['start', ...STREAM_EXPORTS]);
  const wrapping = glueWithClasses('export function __wbg_intounderlyingsource_new(ptr) { return IntoUnderlyingSource.__wrap(ptr); }\n');
  assert.throws(() => dropStreamExports(wasm, wrapping), /can make a IntoUnderlyingSource/);
});

test('a module without the stream classes fails the build rather than pass unnoticed', () => {
  const wasm = moduleExporting(['start']);
  assert.throws(() => dropStreamExports(wasm, 'export function start() { wasm.start(); }\n'), /has no class IntoUnderlyingByteSource/);
  assert.throws(() => dropStreamExports(wasm, glueWithClasses()), /exports only 0 methods/);
});
