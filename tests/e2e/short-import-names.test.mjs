// The build's shortening of wasm import names (tools/short-import-names.mjs), checked on
// the built dist/ and on a hand-made module: every glue import gets a short name in the
// wasm and in its glue alike, and nothing else changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortenImportNames } from '../../tools/short-import-names.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/** The wasm modules with closures a page loads: the reader's and the widget's. */
function builtModules() {
  const names = readdirSync(dist);
  return [/^lede-[0-9a-f]+_bg\.wasm$/, /^lede-widget-[0-9a-f]+_bg\.wasm$/].map((pattern) => {
    const wasm = names.find((name) => pattern.test(name));
    assert.ok(wasm, `dist/ has a module named like ${pattern}`);
    return { wasm, glue: wasm.replace(/_bg\.wasm$/, '.js') };
  });
}

test('the built modules import from their glue by short names only, and export their closures by short names', () => {
  for (const { wasm, glue } of builtModules()) {
    const module = new WebAssembly.Module(readFileSync(join(dist, wasm)));
    const imports = WebAssembly.Module.imports(module);
    const fromGlue = imports.filter((entry) => /_bg\.js$/.test(entry.module));
    assert.ok(fromGlue.length > 100, `${wasm} imports its glue's functions`);
    const long = fromGlue.filter((entry) => entry.name.length > 3);
    assert.deepEqual(long.map((entry) => entry.name), [], `${wasm} imports no long names from its glue`);
    const glueText = readFileSync(join(dist, glue), 'utf8');
    assert.doesNotMatch(glueText, /__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}\b/, `${glue} names no hashed import`);
    const exports = WebAssembly.Module.exports(module).map((entry) => entry.name);
    assert.deepEqual(exports.filter((name) => /convert__closures/.test(name)), [], `${wasm} exports no long closure adapter`);
    assert.ok(exports.some((name) => name.startsWith('$')), `${wasm} exports its closures' adapters by short names`);
    assert.ok(exports.includes('__wbindgen_start') && exports.includes('memory'), `${wasm} keeps the exports others read by name`);
  }
});

test('the WordPress importer module imports from its glue by short names only', () => {
  const module = new WebAssembly.Module(readFileSync(join(dist, 'lede-wordpress_bg.wasm')));
  const fromGlue = WebAssembly.Module.imports(module).filter((entry) => /_bg\.js$/.test(entry.module));
  assert.ok(fromGlue.length > 20, 'the importer imports its glue\'s functions');
  assert.deepEqual(fromGlue.filter((entry) => entry.name.length > 3).map((entry) => entry.name), []);
  assert.doesNotMatch(readFileSync(join(dist, 'lede-wordpress.js'), 'utf8'), /__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}\b/);
});

/** A module importing `names` (functions of no arguments) from `glueModule`, made by hand. */
function moduleImporting(glueModule, names) {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id, payload) => [id, payload.length, ...payload];
  const text = (value) => [value.length, ...Buffer.from(value)];
  bytes.push(...section(1, [0x01, 0x60, 0x00, 0x00]));
  const imports = [names.length];
  for (const name of names) imports.push(...text(glueModule), ...text(name), 0x00, 0x00);
  bytes.push(...section(2, imports));
  return Buffer.from(bytes);
}

test('an import the glue names more than once, or a snippet import, keeps its name', () => {
  const glue = [
    'const imports = {',
    '  __wbg_log_0123456789abcdef: function() {},',
    '  __wbg_twice_0123456789abcdef: function() {},',
    '};',
    'wasm.__wbg_twice_0123456789abcdef;',
  ].join('\n');
  const wasm = Buffer.concat([
    moduleImporting('./lede_bg.js', ['__wbg_log_0123456789abcdef', '__wbg_twice_0123456789abcdef']),
  ]);
  const shortened = shortenImportNames(wasm, glue);
  assert.equal(shortened.renamed, 1);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(shortened.wasm)).map((entry) => entry.name);
  assert.deepEqual(imports, ['a', '__wbg_twice_0123456789abcdef']);
  assert.match(shortened.glue, /^  a: function\(\) \{\},$/m);
  assert.match(shortened.glue, /__wbg_twice_0123456789abcdef: function/);

  const snippet = moduleImporting('./snippets/lede-0123/inline0.js', ['__wbg_log_0123456789abcdef']);
  const untouched = shortenImportNames(snippet, glue);
  assert.equal(untouched.renamed, 0);
  assert.deepEqual(untouched.wasm, snippet);
});

test('a function of the glue\'s import object that the wasm no longer imports leaves the glue', () => {
  // wasm-opt drops an import that only dead code called; its function stayed in the glue
  // under its long hashed name.
  const glue = [
    'function __wbg_get_imports() {',
    '    const import0 = {',
    '        __wbg_log_0123456789abcdef: function(arg0) {',
    '            console.log(arg0);',
    '        },',
    '        __wbg_gone_0123456789abcdef: function(arg0, arg1) {',
    '            const ret = new Promise(arg0);',
    '            return ret;',
    '        },',
    '    };',
    '    return { "./lede_bg.js": import0 };',
    '}',
    '',
  ].join('\n');
  const shortened = shortenImportNames(moduleImporting('./lede_bg.js', ['__wbg_log_0123456789abcdef']), glue);
  assert.equal(shortened.renamed, 1);
  assert.equal(shortened.removed, 1);
  assert.doesNotMatch(shortened.glue, /__wbg_gone|new Promise/);
  assert.match(shortened.glue, /^        a: function\(arg0\) \{\n            console\.log\(arg0\);\n        \},\n    \};$/m);
});
