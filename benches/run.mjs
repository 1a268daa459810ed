// The benchmark behind `cargo xtask bench`: Lede against a plain-JavaScript baseline
// renderer (benches/baseline/), in the same run, on the same machine, against the release
// dist/ served on 127.0.0.1. Prints a table and writes target/bench/results.json and
// target/bench/chart.svg. Timings are medians of several runs.
//
// Run by `cargo xtask bench` (which builds dist/ and passes LEDE_CHROMIUM and LEDE_XTASK).
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile, copyFile, rm } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { launchChromium } from '../tests/e2e/browser.mjs';
import { serveDist } from '../tests/e2e/serve-dist.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(projectRoot, 'dist');
const out = join(projectRoot, 'target', 'bench');
const RUNS = Number(process.env.LEDE_BENCH_RUNS ?? 5);
const SEED = 'zelensky-kushner-witkoff-call';
const LARGE = 'bench-large';
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

// ---- Set-up: the large article and the baseline page, written into dist/ ----------------

/** 50 sections of 100 paragraphs, about 1.9 MB: under the reader's 2 MiB limit. */
function largeArticle(seed) {
  const sentence = 'Negotiators met again on Friday to discuss the framework, and officials on both sides said the talks were constructive, substantive and necessary, though they cautioned that important differences remained on the questions of territory, security guarantees and the sequencing of any ceasefire. ';
  const body = [];
  for (let s = 0; s < 50; s++) {
    const blocks = [];
    for (let p = 0; p < 100; p++) {
      blocks.push(p % 10 === 0
        ? { type: 'paragraph', text: [`${s + 1}.${p + 1} `, { text: 'a long and substantive discussion', quote: { name: 'Volodymyr Zelensky' } }, ` ${sentence}`] }
        : { type: 'paragraph', text: `${s + 1}.${p + 1} ${sentence}` });
    }
    body.push({ id: `part-${s + 1}`, heading: `Part ${s + 1} of the talks`, blocks });
  }
  return { ...seed, id: LARGE, headline: 'A very long article for the benchmark', body };
}

async function prepareDist() {
  const seed = JSON.parse(await readFile(join(dist, 'articles', `${SEED}.json`), 'utf8'));
  const large = JSON.stringify(largeArticle(seed));
  await writeFile(join(dist, 'articles', `${LARGE}.json`), large);
  // Its published page too, for the takeover figures: the build published the fixtures
  // only. The page holds the opening; the rest is rendered after the takeover.
  await promisify(execFile)('cargo', ['run', '--quiet', '--package', 'lede-cli', '--', 'publish', dist], { cwd: projectRoot });
  const index = await readFile(join(dist, 'index.html'), 'utf8');
  const stylesheets = [...index.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)].map((m) => m[0]).join('\n    ');
  // The baseline must be styled by the same stylesheet, or the comparison is not like for like.
  if (!stylesheets) throw new Error('bench: dist/index.html links no stylesheet for the baseline page to share');
  const template = await readFile(join(projectRoot, 'benches', 'baseline', 'template.html'), 'utf8');
  await mkdir(join(dist, 'bench'), { recursive: true });
  await writeFile(join(dist, 'bench', 'baseline.html'), template.replace('<!-- STYLESHEETS -->', stylesheets));
  await copyFile(join(projectRoot, 'benches', 'baseline', 'baseline.js'), join(dist, 'bench', 'baseline.js'));
  // The static floor: the published front page with every script and preload removed,
  // what the page costs as plain HTML and CSS.
  if (!index.includes('data-lede-published')) throw new Error('bench: dist/index.html is not a published page (run lede publish)');
  const floor = index
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (script) => (script.includes('ld+json') ? script : ''))
    .replace(/<link\b[^>]*\brel="?(?:modulepreload|preload)"?[^>]*>/g, '');
  await mkdir(join(dist, 'bench', 'floor'), { recursive: true });
  await writeFile(join(dist, 'bench', 'floor', 'index.html'), floor);
  const hostPage = await readFile(join(dist, 'examples', 'host-page.html'), 'utf8');
  await writeFile(join(dist, 'bench', 'host-page-without-widgets.html'),
    hostPage.replace(/<script type="module" src="\.\.\/embed\.js"><\/script>/, '').replace(/\.\.\/embed\.js/g, '../nothing.js'));
  return { largeBytes: large.length };
}

// ---- Bytes --------------------------------------------------------------------------------

async function bytes() {
  const files = (await readdir(dist)).filter((name) => /\.(wasm|js|css)$/.test(name));
  const rows = [];
  for (const name of files.sort()) {
    const content = await readFile(join(dist, name));
    rows.push({
      name,
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  // The widget's loader, stylesheet and wasm module (decision 021) are not the reader's page.
  const isWidget = (name) => name === 'embed.js' || name.startsWith('lede-embed-') || name.startsWith('lede-widget-');
  // The WordPress importer module is loaded only by a widget with format="wordpress".
  const isOnDemand = (name) => name.startsWith('lede-wordpress');
  const sum = (filter) => rows.filter(filter).reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const baselineJs = await readFile(join(projectRoot, 'benches', 'baseline', 'baseline.js'));
  return {
    files: rows,
    app_wasm_js: sum((r) => !isWidget(r.name) && !isOnDemand(r.name) && /\.(wasm|js)$/.test(r.name)),
    wordpress_importer: sum((r) => isOnDemand(r.name)),
    app_css: sum((r) => !isWidget(r.name) && r.name.endsWith('.css')),
    embed_js: sum((r) => r.name === 'embed.js'),
    embed_css: sum((r) => r.name.startsWith('lede-embed-')),
    widget_module: sum((r) => r.name.startsWith('lede-widget-')),
    baseline_js: { raw: baselineJs.length, gzip: gzipSync(baselineJs, { level: 9 }).length, brotli: brotliCompressSync(baselineJs).length },
  };
}

// ---- Render time, longest task, memory ---------------------------------------------------

async function timedPage(context, { throttle = 1, saveData = false } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript((saveData) => {
    const tasks = [];
    Object.defineProperty(window, '__benchTasks', { value: tasks, enumerable: false });
    try {
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration }); })
        .observe({ type: 'longtask', buffered: true });
    } catch {}
    if (saveData) Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } });
    // Trunk's loader announces the wasm instance; its linear memory is the wasm's heap.
    addEventListener('TrunkApplicationStarted', (event) => {
      Object.defineProperty(window, '__benchWasmMemory', { value: event.detail?.wasm?.memory, enumerable: false });
    });
  }, saveData);
  return { page, cdp };
}

async function waitForMark(page, name, after = 0) {
  await page.waitForFunction(([name, after]) => performance.getEntriesByName(name).some((e) => e.startTime >= after), [name, after], { timeout: 120_000 });
  return page.evaluate(([name, after]) => performance.getEntriesByName(name).filter((e) => e.startTime >= after)[0].startTime, [name, after]);
}

/** JSON arrived → article painted, and the longest task from the arrival on. */
async function renderOnce(context, url, throttle) {
  const { page } = await timedPage(context, { throttle });
  await page.goto(url);
  const painted = await waitForMark(page, 'lede:article-painted');
  const complete = await waitForMark(page, 'lede:article-complete');
  const arrived = await page.evaluate(() => performance.getEntriesByName('lede:json-arrived')[0].startTime);
  const longestTask = await page.evaluate((arrived) => Math.max(0, ...window.__benchTasks.filter((t) => t.start + t.duration >= arrived).map((t) => t.duration)), arrived);
  await page.close();
  return { ms: painted - arrived, completeMs: complete - arrived, longestTask };
}

async function render(context, origin) {
  const pages = {
    lede: (id) => `${origin}/articles/${id}`,
    baseline: (id) => `${origin}/bench/baseline.html?article=/articles/${id}.json`,
  };
  const results = {};
  for (const article of [SEED, LARGE]) {
    for (const throttle of [1, 4]) {
      for (const renderer of ['lede', 'baseline']) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await renderOnce(context, pages[renderer](article), throttle));
        results[`${renderer} ${article === SEED ? 'seed' : 'large'} ${throttle}x`] = {
          ms: median(runs.map((r) => r.ms)),
          complete_ms: median(runs.map((r) => r.completeMs)),
          longest_task_ms: median(runs.map((r) => r.longestTask)),
          // The target is about every task, so the worst run is reported beside the median.
          longest_task_runs_ms: runs.map((r) => Math.round(r.longestTask)),
        };
      }
    }
  }
  return results;
}

/**
 * The app's takeover of a published page at 4x CPU: from the start-up script's arrival
 * (the page is read and painted by then) to the last section painted, the longest task
 * and the blocking time (every task's time over 50 ms). The seed's page holds the whole
 * article; the large article's holds its opening.
 */
async function takeover(context, origin) {
  const measureOnce = async (path) => {
    const { page } = await timedPage(context, { throttle: 4 });
    await page.goto(`${origin}${path}`);
    await waitForMark(page, 'lede:article-complete');
    await page.waitForFunction(() => !document.querySelector('[data-lede-published]'), null, { timeout: 120_000 });
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => {
      const start = performance.getEntriesByType('resource').find((entry) => /\/lede-start-[0-9a-f]+\.js$/.test(entry.name));
      const complete = performance.getEntriesByName('lede:article-complete')[0].startTime;
      return window.__benchTasks
        .filter((task) => start && task.start >= start.responseEnd && task.start <= complete + 100)
        .map((task) => Math.round(task.duration));
    });
    await page.close();
    return { longest: Math.max(0, ...tasks), blocking: tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0), tasks };
  };
  const result = {};
  for (const [label, path] of [['seed', '/'], ['large', `/articles/${LARGE}/`]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(path));
    result[label] = {
      longest_task_ms: median(runs.map((r) => r.longest)),
      longest_task_runs_ms: runs.map((r) => r.longest),
      blocking_ms: median(runs.map((r) => r.blocking)),
      long_tasks_runs_ms: runs.map((r) => r.tasks),
    };
  }
  return result;
}

/** A related card's click to the related article painted, with and without prefetch. */
async function relatedClick(context, origin) {
  const result = {};
  for (const [label, saveData] of [['with prefetch', false], ['without prefetch', true]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const { page } = await timedPage(context, { saveData });
      await page.goto(`${origin}/articles/${SEED}`);
      await waitForMark(page, 'lede:article-painted');
      const card = page.getByTestId('related-card').first().locator('a');
      await card.scrollIntoViewIfNeeded();
      await card.hover();
      await page.waitForTimeout(saveData ? 300 : 1000);
      const clicked = await page.evaluate(() => performance.now());
      await card.click();
      const painted = await waitForMark(page, 'lede:article-painted', clicked);
      runs.push(painted - clicked);
      await page.close();
    }
    result[label] = median(runs);
  }
  return result;
}

/** JS heap plus the wasm's linear memory after the seed article loads. */
async function memory(context, origin) {
  const measure = async (url) => {
    const { page, cdp } = await timedPage(context);
    await page.goto(url);
    await waitForMark(page, 'lede:article-painted');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await page.evaluate(() => window.__benchWasmMemory?.buffer.byteLength ?? 0);
    await page.close();
    return { js_heap_bytes: usage.usedSize, wasm_memory_bytes: wasmBytes, total_bytes: usage.usedSize + wasmBytes };
  };
  return {
    lede: await measure(`${origin}/articles/${SEED}`),
    baseline: await measure(`${origin}/bench/baseline.html?article=/articles/${SEED}.json`),
  };
}

/** The host page's layout shift and blocking time with and without the widgets, at 4x CPU. */
async function embedCost(context, origin) {
  const measure = async (path) => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const { page } = await timedPage(context, { throttle: 4 });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.addInitScript(() => {
        let cls = 0;
        Object.defineProperty(window, '__benchCls', { get: () => cls });
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${origin}${path}`);
      await page.waitForTimeout(4000);
      runs.push(await page.evaluate(() => ({
        cls: window.__benchCls,
        tbt: window.__benchTasks.reduce((t, task) => t + Math.max(0, task.duration - 50), 0),
      })));
      await page.close();
    }
    return { cls: median(runs.map((r) => r.cls)), tbt_ms: median(runs.map((r) => r.tbt)) };
  };
  return {
    with_widgets: await measure('/examples/host-page.html'),
    without_widgets: await measure('/bench/host-page-without-widgets.html'),
  };
}

// ---- Lighthouse ---------------------------------------------------------------------------

async function lighthouse(origin) {
  const binary = join(projectRoot, 'benches', 'node_modules', '.bin', 'lighthouse');
  const runOnce = async (url, index) => {
    const output = join(out, `lighthouse-${index}.json`);
    const profile = join(tmpdir(), `lede-lighthouse-${process.pid}-${index}`);
    await promisify(execFile)(binary, [
      url, '--quiet', '--only-categories=performance', '--form-factor=mobile', '--screenEmulation.mobile',
      '--output=json', `--output-path=${output}`,
      `--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=${profile}`,
    ], { env: { ...process.env, CHROME_PATH: process.env.LEDE_CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    await rm(profile, { recursive: true, force: true });
    const report = JSON.parse(await readFile(output, 'utf8'));
    const audit = (id) => report.audits[id]?.numericValue;
    return {
      score: Math.round((report.categories.performance.score ?? 0) * 100),
      fcp_ms: audit('first-contentful-paint'),
      lcp_ms: audit('largest-contentful-paint'),
      tbt_ms: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      benchmark_index: report.environment?.benchmarkIndex,
    };
  };
  const summarize = async (url, label) => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(url, `${label}-${i}`));
    const pick = (key) => median(runs.map((r) => r[key]));
    return { runs, median: { score: pick('score'), fcp_ms: pick('fcp_ms'), lcp_ms: pick('lcp_ms'), tbt_ms: pick('tbt_ms'), cls: pick('cls'), benchmark_index: pick('benchmark_index') } };
  };
  return {
    lede: await summarize(`${origin}/`, 'lede'),
    baseline: await summarize(`${origin}/bench/baseline.html`, 'baseline'),
    floor: await summarize(`${origin}/bench/floor/`, 'floor'),
  };
}

// ---- Report -------------------------------------------------------------------------------

function chart(render) {
  const rows = Object.entries(render).filter(([key]) => key.startsWith('lede'));
  const width = 640, rowHeight = 46, left = 150;
  const max = Math.max(...Object.values(render).map((r) => r.ms));
  const bars = rows.map(([key, value], i) => {
    const base = render[key.replace('lede', 'baseline')];
    const y = 30 + i * rowHeight;
    const scale = (ms) => Math.max(1, ((width - left - 70) * ms) / max);
    return `<text x="${left - 8}" y="${y + 16}" text-anchor="end">${key.replace('lede ', '')}</text>
  <rect x="${left}" y="${y}" width="${scale(value.ms)}" height="16" fill="#a3191f"/><text x="${left + scale(value.ms) + 4}" y="${y + 13}">${value.ms.toFixed(1)} ms</text>
  <rect x="${left}" y="${y + 18}" width="${scale(base.ms)}" height="16" fill="#4b6a88"/><text x="${left + scale(base.ms) + 4}" y="${y + 31}">${base.ms.toFixed(1)} ms</text>`;
  }).join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${40 + rows.length * rowHeight}" font-family="sans-serif" font-size="12">
  <text x="8" y="16" font-weight="bold">JSON arrived to article painted (median): Lede (red) and the plain-JS baseline (blue)</text>
  ${bars}
</svg>
`;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  await mkdir(out, { recursive: true });
  const { largeBytes } = await prepareDist();
  const server = await serveDist(dist);
  const browser = await launchChromium();
  const started = Date.now();
  try {
    // `LEDE_BENCH_ONLY=takeover`: only the takeover figures, for working on them.
    if (process.env.LEDE_BENCH_ONLY === 'takeover') {
      const figures = await takeover(browser.context, server.origin);
      for (const [label, figure] of Object.entries(figures)) {
        console.log(`takeover of the published ${label} page at 4x: longest task ${figure.longest_task_ms} ms (runs ${figure.longest_task_runs_ms.join(' ')}), blocking ${figure.blocking_ms} ms; long tasks per run: ${figure.long_tasks_runs_ms.map((tasks) => tasks.join(' ') || '-').join(' | ')}`);
      }
      return;
    }
    const results = {
      machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model, memory_gb: Math.round(totalmem() / 2 ** 30), chromium: browser.context.browser()?.version() ?? 'see LEDE_CHROMIUM', runs_per_figure: RUNS, date: new Date().toISOString() },
      large_article_bytes: largeBytes,
      bytes: await bytes(),
      render: await render(browser.context, server.origin),
      takeover: await takeover(browser.context, server.origin),
      related_click_ms: await relatedClick(browser.context, server.origin),
      memory: await memory(browser.context, server.origin),
      embed_cost: await embedCost(browser.context, server.origin),
      lighthouse: process.env.LEDE_BENCH_SKIP_LIGHTHOUSE ? null : await lighthouse(server.origin),
    };
    results.seconds = Math.round((Date.now() - started) / 1000);
    await writeFile(join(out, 'results.json'), JSON.stringify(results, null, 2));
    await writeFile(join(out, 'chart.svg'), chart(results.render));
    printTable(results);
  } finally {
    await browser.close();
    await server.close();
  }
}

function printTable(r) {
  const b = r.bytes;
  const line = (label, value, target = '') => console.log(`${label.padEnd(52)} ${String(value).padStart(14)}  ${target}`);
  console.log(`\nLede benchmark: ${r.machine.cpus} × ${r.machine.cpu_model}, ${r.machine.memory_gb} GiB; medians of ${r.machine.runs_per_figure} runs\n`);
  console.log('bytes (raw / gzip / brotli)');
  for (const [label, v, target] of [
    ['app .wasm + .js', b.app_wasm_js, 'budget 110 KB brotli (issue 18)'], ['app .css', b.app_css, 'budget 8 KB brotli'],
    ['embed.js', b.embed_js, ''], ['WordPress importer (on demand)', b.wordpress_importer, ''], ['widget .css', b.embed_css, ''], ['widget module .wasm + .js', b.widget_module, 'decision 021'], ['baseline renderer .js', b.baseline_js, ''],
  ]) line(`  ${label}`, `${kb(v.raw)} / ${kb(v.gzip)} / ${kb(v.brotli)}`, target);
  console.log('\nJSON arrived → article painted (ms); Lede / baseline; target ≤ 1.5× at 1×, no task over 50 ms at 4×');
  for (const key of Object.keys(r.render).filter((k) => k.startsWith('lede'))) {
    const lede = r.render[key];
    const base = r.render[key.replace('lede', 'baseline')];
    line(`  ${key.replace('lede ', '')}`, `${lede.ms.toFixed(1)} / ${base.ms.toFixed(1)}`, `ratio ${(lede.ms / base.ms).toFixed(2)}; last section painted ${lede.complete_ms.toFixed(0)} / ${base.complete_ms.toFixed(0)}; longest task ${lede.longest_task_ms.toFixed(0)} / ${base.longest_task_ms.toFixed(0)} (Lede's runs: ${lede.longest_task_runs_ms.join(' ')})`);
  }
  console.log('\ntakeover of a published page at 4x CPU, from the start-up script to the last section painted; target: no task over 50 ms');
  for (const [label, t] of Object.entries(r.takeover)) {
    line(`  ${label}: longest task, blocking (ms)`, `${t.longest_task_ms}, ${t.blocking_ms}`, `runs ${t.longest_task_runs_ms.join(' ')}`);
  }
  console.log('\nrelated-article click → painted (ms)');
  for (const [label, ms] of Object.entries(r.related_click_ms)) line(`  ${label}`, ms.toFixed(1), label === 'with prefetch' ? 'target ≤ 50 ms' : '');
  console.log('\nmemory after the seed article loads (JS heap + wasm linear memory)');
  line('  Lede', kb(r.memory.lede.total_bytes), `of which wasm ${kb(r.memory.lede.wasm_memory_bytes)}; target ≤ 3 MB`);
  line('  baseline', kb(r.memory.baseline.total_bytes));
  console.log('\nhost page at 4x CPU: CLS, TBT (ms)');
  line('  with the three widgets', `${r.embed_cost.with_widgets.cls.toFixed(3)}, ${r.embed_cost.with_widgets.tbt_ms.toFixed(0)}`, 'target: +0 CLS, ≤ +30 ms TBT');
  line('  without', `${r.embed_cost.without_widgets.cls.toFixed(3)}, ${r.embed_cost.without_widgets.tbt_ms.toFixed(0)}`);
  if (r.lighthouse) {
    console.log('\nLighthouse 12.2.3 mobile, seed article (median): score, FCP, LCP, TBT, CLS, benchmarkIndex');
    console.log('  lede is the published front page; floor is the same page with every script removed');
    const floorLcp = r.lighthouse.floor.median.lcp_ms;
    for (const name of ['lede', 'baseline', 'floor']) {
      const m = r.lighthouse[name].median;
      const note = name === 'lede'
        ? `scores ${r.lighthouse.lede.runs.map((x) => x.score).join(' ')}; LCP ${(m.lcp_ms / floorLcp).toFixed(2)}× the floor; target 100 ×5, LCP ≤ 1.0 s and ≤ 1.1× the floor, TBT ≤ 50, CLS 0`
        : '';
      line(`  ${name}`, `${m.score}, ${m.fcp_ms.toFixed(0)}, ${m.lcp_ms.toFixed(0)}, ${m.tbt_ms.toFixed(0)}, ${m.cls.toFixed(3)}, ${m.benchmark_index}`, note);
    }
  }
  console.log(`\nwritten: target/bench/results.json, target/bench/chart.svg (${r.seconds} s)`);
}

await main();
