// End-to-end tests of the published pages (`lede publish`, run by `cargo xtask build`): read
// with scripts off from a plain static file server, and taken over by the app with scripts
// on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { serveDist } from './serve-dist.mjs';
import { serveStatic } from './static-server.mjs';
import { twoFrames, until } from './conditions.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(projectRoot, 'dist');
const articleJson = async (id) => JSON.parse(await readFile(join(projectRoot, 'fixtures', 'articles', `${id}.json`), 'utf8'));

const SEED_ID = 'zelensky-kushner-witkoff-call';
const FIRST_RELATED_ID = 'florida-meetings-joint-statement';

let staticServer;
let server;
let withoutScripts;
let withScripts;

before(async () => {
  staticServer = await serveStatic(dist);
  server = await serveDist(dist);
  withoutScripts = await launchChromium({ javaScriptEnabled: false });
  withScripts = await launchChromium();
});

after(async () => {
  await withoutScripts?.close();
  await withScripts?.close();
  await staticServer?.close();
  await server?.close();
});

/** Holds back every wasm request of `page` until the returned function is called: the
 * moment before the app's takeover, made as long as a test needs. */
async function holdWasmBack(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/** A new page of `browser` that fails the test on any uncaught error or console error. */
async function newWatchedPage(browser, { width = 1280, height = 900 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Chromium notes that it ignores `integrity` on the wasm's preload (Trunk writes it);
    // that is the browser's, and the reader's own page says it too.
    if (message.type() === 'warning' && message.text().includes('`integrity` attribute is currently ignored')) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  return { page, problems };
}

test('with scripts off, the front page reads the whole seed article from a plain static host', async () => {
  const seed = await articleJson(SEED_ID);
  const { page } = await newWatchedPage(withoutScripts, { width: 390, height: 844 });
  await page.goto(`${staticServer.origin}/`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), seed.headline);
  assert.equal(await page.getByTestId('kicker').textContent(), seed.category.name);
  assert.match(await page.getByTestId('summary').textContent(), /long, substantive/);
  const headings = await page.locator('.lede-article-section__heading').allTextContents();
  assert.deepEqual(headings, seed.body.map((section) => section.heading));
  assert.ok(await page.locator('.lede-context-note').isVisible(), 'the context note');
  assert.ok(await page.locator('.lede-reporting-note').isVisible(), 'the reporting note');
  assert.equal(await page.getByTestId('related-card').count(), seed.related.length, 'every related article');
  assert.equal(await page.getByTestId('reader-controls').isVisible(), false, 'no display controls without the app');
  assert.ok(await page.getByRole('link', { name: headings[2] }).isVisible(), 'the section list is open on a phone');
  assert.equal(await page.title(), seed.headline);
  await page.screenshot({ path: join(projectRoot, 'target', 'screenshots', 'published-seed-phone-no-script.png'), fullPage: true });
  await page.close();
});

test('with scripts off, a section link jumps to its section and a related link opens its published page', async () => {
  const related = await articleJson(FIRST_RELATED_ID);
  const { page } = await newWatchedPage(withoutScripts);
  await page.goto(`${staticServer.origin}/`);
  await page.locator('.lede-section-nav__link').nth(2).click();
  assert.match(page.url(), /#russias-response$/);
  await until(() => page.evaluate(() => document.querySelector('#russias-response').getBoundingClientRect().top < 200), 'the section at the top');
  await page.getByRole('link', { name: related.headline }).click();
  await page.waitForURL(`${staticServer.origin}/articles/${FIRST_RELATED_ID}/`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), related.headline);
  await page.close();
});

test('with scripts off, an unknown address shows the site\'s static not-found page', async () => {
  const { page } = await newWatchedPage(withoutScripts);
  const response = await page.goto(`${staticServer.origin}/articles/no-such-article`);
  assert.equal(response.status(), 404);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Page not found');
  await page.close();
});

test('with scripts on, the static not-found page becomes the app\'s own message for the address', async () => {
  const { page, problems } = await newWatchedPage(withScripts);
  await page.goto(`${staticServer.origin}/articles/no-such-article`);
  await page.getByText('/articles/no-such-article.json').first().waitFor({ state: 'attached' });
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Article not found');
  assert.deepEqual(problems.filter((problem) => !problem.includes('404')), []);
  await page.close();
});

test('the app takes the published page over without a shift: scroll position, selection and focus survive', async () => {
  const { page, problems } = await newWatchedPage(withScripts, { width: 390, height: 844 });
  const releaseWasm = await holdWasmBack(page);
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('[data-lede-published]').count(), 1, 'the published view, before the app');

  // The reader scrolls to the second section, selects part of a paragraph and focuses a link.
  const before = await page.evaluate(() => {
    document.querySelector('#florida-meetings').scrollIntoView({ behavior: 'instant' });
    window.scrollBy({ top: -40, behavior: 'instant' });
    const paragraph = document.querySelector('#florida-meetings p');
    const text = paragraph.firstChild;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 40);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return { scrollY: window.scrollY, selected: getSelection().toString(), paragraphId: paragraph.id };
  });
  // Without scrolling to it: the page scrolls smoothly, and a scroll still under way would
  // move the page during the takeover whatever the app did.
  await page.evaluate(() => document.querySelector('[data-testid=related-card] a').focus({ preventScroll: true }));
  const focusedHref = await page.evaluate(() => document.activeElement.getAttribute('href'));
  const releasedAt = await page.evaluate(() => performance.now());

  releaseWasm();
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  await twoFrames(page);
  const after = await page.evaluate(() => ({
    scrollY: window.scrollY,
    selected: getSelection().toString(),
    anchorParagraph: getSelection().anchorNode?.parentElement?.closest('p')?.id,
    focusedHref: document.activeElement?.getAttribute('href'),
    apps: document.querySelectorAll('.lede-app').length,
    headlines: document.querySelectorAll('h1').length,
  }));
  assert.equal(after.apps, 1, 'one view, the app\'s');
  assert.equal(after.headlines, 1);
  assert.ok(Math.abs(after.scrollY - before.scrollY) < 1, `scrolled to ${after.scrollY}, was ${before.scrollY}`);
  assert.equal(after.selected, before.selected, 'the selection survives');
  assert.equal(after.anchorParagraph, before.paragraphId);
  assert.equal(after.focusedHref, focusedHref, 'focus stays on the link');

  const { shift, laterCandidates } = await page.evaluate((releasedAt) => {
    const shifts = new PerformanceObserver(() => {});
    shifts.observe({ type: 'layout-shift', buffered: true });
    const paints = new PerformanceObserver(() => {});
    paints.observe({ type: 'largest-contentful-paint', buffered: true });
    return {
      shift: shifts.takeRecords().reduce((sum, entry) => sum + entry.value, 0),
      laterCandidates: paints.takeRecords().filter((entry) => entry.startTime > releasedAt).length,
    };
  }, releasedAt);
  assert.equal(shift, 0, 'no layout shift from the first paint to the takeover');
  assert.equal(laterCandidates, 0, 'no new largest contentful paint after the takeover');
  assert.deepEqual(problems, []);
  await page.close();
});

test("the start-up script loads the browser's date data in a worker that is done before the wasm starts", async () => {
  const { page, problems } = await newWatchedPage(withScripts, { width: 390, height: 844 });
  const releaseWasm = await holdWasmBack(page);
  const workerDone = new Promise((resolve) => {
    page.on('worker', (worker) => {
      if (/\/lede-intl-[0-9a-f]+\.js$/.test(worker.url())) worker.on('close', () => resolve(worker.url()));
    });
  });
  await page.goto(`${server.origin}/`);
  const closedWorker = await Promise.race([workerDone, new Promise((resolve) => setTimeout(resolve, 10_000, null))]);
  assert.ok(closedWorker, 'a warm-up worker ran and ended while the wasm was held back');
  // The page's own first formatter now finds the locale data loaded: well under a
  // millisecond when warm, 10 to 70 ms cold (docs/performance.md), so 8 ms tells them apart.
  const firstFormatterMs = await page.evaluate(() => {
    const started = performance.now();
    new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'long', timeStyle: 'short' }).format(0);
    new Intl.RelativeTimeFormat(document.documentElement.lang, { numeric: 'auto' }).format(-1, 'day');
    return performance.now() - started;
  });
  assert.ok(firstFormatterMs < 8, `the page's first date formatters took ${firstFormatterMs.toFixed(1)} ms`);
  releaseWasm();
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  assert.match(await page.locator('#lede-app time').first().textContent(), /\d/, 'the app formats its times');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the start-up script has a worker compile the wasm, which is downloaded once', async () => {
  const { page, problems } = await newWatchedPage(withScripts, { width: 390, height: 844 });
  const wasmRequests = [];
  page.on('request', (request) => {
    if (/_bg\.wasm$/.test(request.url()) && !/lede-wordpress/.test(request.url())) wasmRequests.push(request.url());
  });
  const compilerClosed = new Promise((resolve) => {
    page.on('worker', (worker) => {
      if (/\/lede-compile-[0-9a-f]+\.js$/.test(worker.url())) worker.on('close', () => resolve(true));
    });
  });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  assert.ok(await Promise.race([compilerClosed, new Promise((resolve) => setTimeout(resolve, 10_000, false))]), 'the compiling worker ran and ended');
  assert.equal(wasmRequests.length, 1, `the wasm was requested ${wasmRequests.length} times: ${wasmRequests.join(', ')}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the app still starts, from the wasm bytes, when the compiling worker fails', async () => {
  // A host whose policy or browser lets the worker start but not compile: the worker
  // answers null, and the start-up script instantiates the bytes it already has.
  const { page, problems } = await newWatchedPage(withScripts, { width: 390, height: 844 });
  let failingWorkers = 0;
  await page.route('**/lede-compile-*.js', (route) => {
    failingWorkers += 1;
    return route.fulfill({ contentType: 'text/javascript', body: 'onmessage = () => postMessage(null);' });
  });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  assert.equal(failingWorkers, 1, 'the failing worker was the one started');
  await page.getByText('Display', { exact: true }).click();
  await page.getByRole('radio', { name: 'Sepia' }).check();
  assert.equal(await page.locator('.lede-article-view').getAttribute('data-theme'), 'sepia');
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(problems, []);
  await page.close();
});

test('after the takeover the display settings work, a related card opens inside the app, and Back needs no request', async () => {
  const related = await articleJson(FIRST_RELATED_ID);
  const seed = await articleJson(SEED_ID);
  const { page, problems } = await newWatchedPage(withScripts);
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  await page.getByText('Display', { exact: true }).click();
  await page.getByRole('radio', { name: 'Sepia' }).check();
  assert.equal(await page.locator('.lede-article-view').getAttribute('data-theme'), 'sepia');
  await page.getByText('Display', { exact: true }).click();
  await page.evaluate(() => localStorage.clear());

  const documents = [];
  const articleRequests = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
    if (request.url().endsWith('.json')) articleRequests.push(request.url());
  });
  await page.getByRole('link', { name: related.headline }).click();
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  assert.deepEqual(documents, [], 'no page was loaded');
  assert.ok(!articleRequests.some((url) => url.includes(SEED_ID)), 'the seed came from memory on Back');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a published page whose article cannot be loaded stays as it was published', async () => {
  const seed = await articleJson(SEED_ID);
  const { page } = await newWatchedPage(withScripts);
  await page.route(`**/articles/${SEED_ID}.json`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${server.origin}/`);
  await until(() => page.evaluate(() => document.querySelector('.lede-app[data-lede-out-of-sight]')?.textContent.includes('not found')), 'the app to give up');
  assert.equal(await page.locator('[data-lede-published] h1').textContent(), seed.headline);
  assert.equal(await page.title(), seed.headline, 'the title still names the article');
  await page.close();
});

test("a widget in iframe mode opens its article's published frame page, which shows the text and its height before the wasm", async () => {
  const seed = await articleJson(SEED_ID);
  const reader = server.origin;
  const host = reader.replace('127.0.0.1', 'localhost');
  const { page, problems } = await newWatchedPage(withScripts);
  const releaseWasm = await holdWasmBack(page);
  const name = 'published-frame.html';
  await writeFile(join(dist, 'examples', name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>An outlet</title><link rel="icon" href="data:,">
    <script type="module" src="${reader}/embed.js"></script></head><body>
    <lede-article id="widget" mode="iframe" src="${reader}/articles/${SEED_ID}.json"><a href="${reader}/">Read the article</a></lede-article>
    <script type="module">
      window.loads = 0;
      document.querySelector('#widget').addEventListener('lede:load', () => { window.loads += 1; });
    </script>
    </body></html>`);
  await page.goto(`${host}/examples/${name}`);
  const frameElement = page.locator('#widget iframe');
  await frameElement.waitFor();
  const frame = await (await frameElement.elementHandle()).contentFrame();
  await frame.locator('lede-article > .lede-app h1').waitFor();
  assert.equal(new URL(frame.url()).pathname, `/articles/${SEED_ID}/frame/`);
  assert.equal(await frame.locator('lede-article > .lede-app h1').textContent(), seed.headline, 'the text, before the wasm');
  const heightBefore = await until(async () => {
    const height = await frameElement.evaluate((element) => element.getBoundingClientRect().height);
    return height > 400 && height;
  }, 'the frame to report the height of its text');

  releaseWasm();
  await page.waitForFunction(() => window.loads === 1);
  await twoFrames(page);
  const visibleHeadlines = await frame.locator('h1').evaluateAll((headlines) => headlines.filter((headline) => headline.getClientRects().length > 0).length);
  assert.equal(visibleHeadlines, 1, 'the widget, and the text it replaced hidden');
  const heightAfter = await frameElement.evaluate((element) => element.getBoundingClientRect().height);
  assert.ok(Math.abs(heightAfter - heightBefore) / heightBefore < 0.1, `the frame was ${heightBefore} px high with the text, ${heightAfter} px with the widget`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a widget in iframe mode whose article has no published frame page yet falls back to the frame page that shows any article', async () => {
  // An article added to the site after `lede publish`: the shell answers its frame page's
  // address, and sends the frame on to embed.html with the same query.
  const seed = await articleJson(SEED_ID);
  await writeFile(join(dist, 'articles', 'added-since-publishing.json'), JSON.stringify({ ...seed, id: 'added-since-publishing', headline: 'Added since publishing' }));
  const reader = server.origin;
  const { page, problems } = await newWatchedPage(withScripts);
  const name = 'unpublished-frame.html';
  await writeFile(join(dist, 'examples', name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>An outlet</title><link rel="icon" href="data:,">
    <script type="module" src="${reader}/embed.js"></script></head><body>
    <lede-article id="widget" mode="iframe" src="${reader}/articles/added-since-publishing.json"></lede-article>
    </body></html>`);
  await page.goto(`${reader.replace('127.0.0.1', 'localhost')}/examples/${name}`);
  const frame = await (await page.locator('#widget iframe').elementHandle()).contentFrame();
  await frame.getByRole('heading', { level: 1, name: 'Added since publishing' }).waitFor();
  assert.equal(new URL(frame.url()).pathname, '/embed.html');
  assert.deepEqual(problems, []);
  await page.close();
});

test('with scripts on, an address with a #fragment lands on its section and stays there through the takeover', async () => {
  const { page, problems } = await newWatchedPage(withScripts, { width: 390, height: 844 });
  await page.goto(`${server.origin}/articles/${SEED_ID}/#violence-continues`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  // The page scrolls smoothly (the stylesheet asks for it), so the landing is waited for.
  let top;
  await until(async () => {
    top = await page.evaluate(() => document.querySelector('#violence-continues').getBoundingClientRect().top);
    return top >= -1 && top < 200;
  }, 'the section to reach the top of the window').catch(() => assert.fail(`the section starts ${top} px from the top of the window`));
  assert.equal(await page.locator('#violence-continues').count(), 1, 'one section of that id, the app\'s');
  assert.deepEqual(problems, []);
  await page.close();
});

test('with ?debug the app shows its validation report above the article after the takeover, and never without it', async () => {
  const { page, problems } = await newWatchedPage(withScripts);
  await page.goto(`${server.origin}/articles/${FIRST_RELATED_ID}/?debug`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  const report = page.getByRole('region', { name: 'Validation report' });
  await report.waitFor();
  assert.equal(
    await page.getByTestId('validation-report-summary').textContent(),
    'No warnings: the article was read as written',
  );
  const reportIsFirst = await page.evaluate(() => {
    const report = document.querySelector('[data-testid=validation-report]');
    return Boolean(report.compareDocumentPosition(document.querySelector('#lede-app h1')) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(reportIsFirst, 'the report comes before the article');
  // It stays for the visit: a related article opened inside the app has its own report.
  const seed = await articleJson(SEED_ID);
  await page.getByRole('link', { name: seed.headline }).first().click();
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  assert.equal(await page.getByTestId('validation-report').count(), 1);

  await page.goto(`${server.origin}/articles/${FIRST_RELATED_ID}/`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]') && document.querySelector('#lede-app h1'));
  assert.equal(await page.getByTestId('validation-report').count(), 0, 'readers never see it');
  assert.deepEqual(problems, []);
  await page.close();
});
