// End-to-end tests of a long article's published pages: its own page holds the opening and
// a link to a page of the whole article, which reads with scripts off; with scripts on, the
// app takes the opening over without a shift and renders the rest below it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { launchChromium } from './browser.mjs';
import { serveDist } from './serve-dist.mjs';
import { serveStatic } from './static-server.mjs';
import { until } from './conditions.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEED_ID = 'zelensky-kushner-witkoff-call';
const LONG_ID = 'long-read';
const SECTIONS = 12;
const PARAGRAPHS = 20;

let site;
let staticServer;
let server;
let withoutScripts;
let withScripts;

before(async () => {
  // A copy of the built reader with one long article more, published by the `lede`
  // command the build ran (`cargo xtask` passes its path; run alone, target/debug/lede).
  site = await mkdtemp(join(tmpdir(), 'lede-long-'));
  await cp(join(projectRoot, 'dist'), site, { recursive: true });
  const seed = JSON.parse(await readFile(join(projectRoot, 'fixtures', 'articles', `${SEED_ID}.json`), 'utf8'));
  const body = Array.from({ length: SECTIONS }, (_, section) => ({
    id: `part-${section + 1}`,
    heading: `Part ${section + 1}`,
    blocks: Array.from({ length: PARAGRAPHS }, (_, paragraph) => ({
      type: 'paragraph',
      text: `Paragraph ${section + 1}.${paragraph + 1}: negotiators met again to discuss the framework, and officials on both sides said the talks were constructive.`,
    })),
  }));
  await writeFile(join(site, 'articles', `${LONG_ID}.json`), JSON.stringify({ ...seed, id: LONG_ID, headline: 'A long read', body }));
  const lede = process.env.LEDE_BIN || join(projectRoot, 'target', 'debug', 'lede');
  await promisify(execFile)(lede, ['publish', site]);
  staticServer = await serveStatic(site);
  server = await serveDist(site);
  withoutScripts = await launchChromium({ javaScriptEnabled: false });
  withScripts = await launchChromium();
});

after(async () => {
  await withoutScripts?.close();
  await withScripts?.close();
  await staticServer?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

const paragraphsIn = (page) => page.locator('[data-testid=article-body] p', { hasText: /^Paragraph / }).count();

test('with scripts off, a long article opens with its first screen and continues on a page of the whole article', async () => {
  const page = await withoutScripts.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${staticServer.origin}/articles/${LONG_ID}/`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'A long read');
  assert.equal(await paragraphsIn(page), 16, 'the opening');
  assert.equal(await page.locator('.lede-article-view__nav').isVisible(), false, 'no section list naming sections elsewhere');
  await page.getByTestId('continue-reading').click();
  await page.waitForURL(`${staticServer.origin}/articles/${LONG_ID}/all/`);
  assert.equal(await paragraphsIn(page), SECTIONS * PARAGRAPHS, 'every paragraph');
  await page.locator('.lede-article-view__nav').getByRole('link', { name: `Part ${SECTIONS}` }).click();
  await page.waitForURL(/#part-12$/);
  // The page scrolls smoothly: wait for the heading to arrive rather than for a time.
  const lastHeading = page.getByRole('heading', { level: 2, name: `Part ${SECTIONS}` });
  await until(async () => {
    const box = await lastHeading.boundingBox();
    return box && box.y >= 0 && box.y < 844;
  }, 'the section link to scroll to the last section');
  assert.equal(await page.locator('[data-testid=reader-controls]').isVisible(), false, 'nothing that needs the app is offered');
  await page.close();
});

test('with scripts on, the app takes a long article\'s opening over without a shift and renders the rest below it', async () => {
  const page = await withScripts.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  // How much the app's view held when it took over: the takeover waits for the opening,
  // not for the whole article, whose layout in one task would block the page for seconds.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-lede-published]') || !document.querySelector('#lede-app h1')) return;
      observer.disconnect();
      window.paragraphsAtTakeover = [...document.querySelectorAll('#lede-app [data-testid=article-body] p')]
        .filter((paragraph) => paragraph.textContent.startsWith('Paragraph ')).length;
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await page.goto(`${server.origin}/articles/${LONG_ID}/`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  const paragraphsAtTakeover = await page.evaluate(() => window.paragraphsAtTakeover);
  assert.ok(paragraphsAtTakeover >= 16 && paragraphsAtTakeover < SECTIONS * PARAGRAPHS, `the app took over with ${paragraphsAtTakeover} paragraphs`);
  await page.getByRole('heading', { level: 2, name: `Part ${SECTIONS}` }).waitFor({ state: 'attached' });
  assert.equal(await paragraphsIn(page), SECTIONS * PARAGRAPHS, 'the app rendered the rest');
  assert.equal(await page.getByTestId('continue-reading').count(), 0, 'no link to the page of the whole article any more');
  assert.equal(await page.locator('h1').count(), 1, 'one view, the app\'s');
  const shift = await page.evaluate(() => {
    const shifts = new PerformanceObserver(() => {});
    shifts.observe({ type: 'layout-shift', buffered: true });
    return shifts.takeRecords().reduce((sum, entry) => sum + entry.value, 0);
  });
  assert.equal(shift, 0, 'no layout shift from the first paint to the last section');
  assert.deepEqual(problems, []);
  await page.close();
});
