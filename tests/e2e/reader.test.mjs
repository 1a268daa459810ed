// End-to-end tests of the release build in dist/, in Debian's headless Chromium.
// `cargo xtask test` builds dist/ first; run alone with `node --test tests/e2e/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { serveDist } from './serve-dist.mjs';
import { useReaderConfig } from './policy.mjs';
import { intersectionObserversRan, twoFrames, until } from './conditions.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const screenshotDir = join(projectRoot, 'target', 'screenshots');
const articleJson = async (id) => JSON.parse(await readFile(join(projectRoot, 'fixtures', 'articles', `${id}.json`), 'utf8'));

const SEED_ID = 'zelensky-kushner-witkoff-call';
const FIRST_RELATED_ID = 'florida-meetings-joint-statement';

let server;
let browser;
let context;

before(async () => {
  // The reader as a single-page app: these tests are about its own loading, error and
  // navigation states, which a published page (tests/e2e/published.test.mjs) skips.
  server = await serveDist(join(projectRoot, 'dist'), { unpublished: true });
  browser = await launchChromium();
  context = browser.context;
  await mkdir(screenshotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page that fails the test on any uncaught page error or console error. */
async function newWatchedPage({ width = 1280, height = 900 } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { page, problems };
}

/** Waits until a short article is all there: its header comes first, its section list
 * and blocks in the next task, and its related articles and notes after the first paint.
 * (Not by the `lede:article-complete` mark: late in this file's run, Chromium's pages
 * sometimes report no performance entries at all, not even their navigation.) */
async function articleComplete(page) {
  await page.locator('[data-testid=related]').waitFor();
  await page.locator('[data-testid=article-body] [data-testid=permalink]').first().waitFor({ state: 'attached' });
}

test('the front page shows the seed article, a related card opens its article, and Back returns', async () => {
  const seed = await articleJson(SEED_ID);
  const related = await articleJson(FIRST_RELATED_ID);
  const { page, problems } = await newWatchedPage();

  await page.goto(`${server.origin}/`);
  const headline = page.getByRole('heading', { level: 1 });
  await headline.waitFor();
  assert.equal(await headline.textContent(), seed.headline);
  // The title is set just after the first paint, out of the render's task.
  await page.waitForFunction((title) => document.title === title, seed.headline, { timeout: 5000 });
  assert.equal(await page.getByTestId('related-card').count(), 4);
  assert.equal(await page.locator('nav[data-testid=section-nav] a').count(), 4);

  await page.getByRole('link', { name: related.headline }).click();
  await page.waitForURL(`${server.origin}/articles/${FIRST_RELATED_ID}`);
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  await page.waitForFunction((title) => document.title === title, related.headline, { timeout: 5000 });

  await page.goBack();
  await page.waitForURL(`${server.origin}/`);
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();

  await page.goForward();
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('related articles are loaded ahead once, so opening one and going Back need no request', async () => {
  const seed = await articleJson(SEED_ID);
  const related = await articleJson(FIRST_RELATED_ID);
  const { page, problems } = await newWatchedPage();
  const requests = [];
  page.on('request', (request) => { if (request.url().endsWith('.json')) requests.push(new URL(request.url()).pathname); });
  // On a desktop the sidebar is in view, so its cards are prefetched; hovering is then a no-op.
  const prefetched = page.waitForResponse(`**/articles/${FIRST_RELATED_ID}.json`);
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  await prefetched;
  await page.getByRole('link', { name: related.headline }).hover();
  const before = requests.length;
  await page.getByRole('link', { name: related.headline }).click();
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  assert.equal(requests.length, before, 'opening the prefetched article and going Back asked for nothing');
  assert.equal(new Set(requests).size, requests.length, `each article requested once: ${requests}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('opening an article while it is still being loaded ahead joins that load instead of asking again', async () => {
  // Regression: a click during an unfinished prefetch started a second request.
  const related = await articleJson(FIRST_RELATED_ID);
  const { page, problems } = await newWatchedPage();
  const requests = [];
  page.on('request', (request) => { if (request.url().endsWith(`/${FIRST_RELATED_ID}.json`)) requests.push(request.url()); });
  // The related article answers slowly, so the prefetch is still under way at the click.
  await page.route(`**/articles/${FIRST_RELATED_ID}.json`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('lede:article-painted').length > 0);
  assert.equal(requests.length, 1, 'the card in view started its prefetch');
  await page.getByRole('link', { name: related.headline }).click();
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  assert.equal(requests.length, 1, `one request in all: ${requests}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a phone, related articles are fetched only when their cards scroll into view', async () => {
  const { page } = await newWatchedPage({ width: 390, height: 844 });
  const requests = [];
  page.on('request', (request) => { if (request.url().includes('/articles/')) requests.push(new URL(request.url()).pathname); });
  await page.goto(`${server.origin}/`);
  await articleComplete(page);
  // The cards ask for their articles from an intersection observer: once an observer made
  // after theirs has been told where the last card is, theirs have been told too.
  await intersectionObserversRan(page, '[data-testid=related-card]:last-of-type');
  await twoFrames(page);
  assert.deepEqual(requests, [`/articles/${SEED_ID}.json`], 'nothing below the fold is fetched at load');
  await page.getByTestId('related').scrollIntoViewIfNeeded();
  await page.waitForResponse(`**/articles/${FIRST_RELATED_ID}.json`);
  await page.close();
});

test('permalinks are plain inline links and nothing in the article body is positioned, so hit testing and pre-paint do not grow with a long article', async () => {
  // Regression, two bugs measured on a 5,000-paragraph article. Each permalink had a visually
  // hidden label and status positioned absolutely inside its positioned block: 15,000 paint
  // layers, and each hit test (every mouse move, every layout under the pointer) took 13 ms
  // at full speed instead of 0.01 ms. And each permalink was a button, which is always an
  // atomic inline box: Chromium's pre-paint after each added chunk took 6 ms instead of 1.5.
  // And without layout containment on the sections, appending a paragraph to the article
  // walked every section in pre-paint: 4.5 ms a frame at full speed instead of 0.3.
  const { page, problems } = await newWatchedPage({ width: 390, height: 844 });
  await page.goto(`${server.origin}/articles/${SEED_ID}`);
  await articleComplete(page);
  const found = await page.evaluate(() => {
    const inBody = [...document.querySelectorAll('[data-testid=article-body] *')];
    const permalinks = [...document.querySelectorAll('[data-testid=article-body] [data-testid=permalink]')];
    return {
      permalinks: permalinks.length,
      notInline: permalinks.filter((link) => link.localName !== 'a' || getComputedStyle(link).display !== 'inline').map((link) => link.outerHTML.slice(0, 80)),
      positioned: inBody.filter((element) => getComputedStyle(element).position !== 'static').map((element) => element.outerHTML.slice(0, 80)),
      statusRegions: document.querySelectorAll('[data-testid=article-body] [role=status]').length,
      sections: document.querySelectorAll('section.lede-article-section').length,
      uncontained: [...document.querySelectorAll('section.lede-article-section')].filter((section) => !getComputedStyle(section).contain.includes('layout')).map((section) => section.id),
    };
  });
  assert.ok(found.permalinks >= 5, `found ${found.permalinks} permalinks`);
  assert.deepEqual(found.notInline, []);
  assert.deepEqual(found.positioned, []);
  assert.equal(found.statusRegions, 0, 'the permalinks share the view\'s one status region');
  assert.ok(found.sections >= 3, `found ${found.sections} sections`);
  assert.deepEqual(found.uncontained, [], 'every section has layout containment');
  await page.getByRole('link', { name: 'Copy link to this paragraph' }).first().waitFor({ state: 'attached' });
  assert.deepEqual(problems, []);
  await page.close();
});

test('a resting permalink is hidden by its colour, not its opacity, and shows on hover and on focus', async () => {
  // Regression: the permalinks were hidden with `opacity: 0`, which makes each one a
  // compositing effect; a 5,000-paragraph article had 5,000, and every chunk added to it
  // cost 50 to 200 ms of pre-paint and commit at 4x CPU throttling.
  const { page, problems } = await newWatchedPage({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/articles/${SEED_ID}`);
  await articleComplete(page);
  const styles = await page.evaluate(() => [...document.querySelectorAll('[data-testid=permalink]')].map((permalink) => {
    const style = getComputedStyle(permalink);
    return { opacity: style.opacity, color: style.color };
  }));
  assert.ok(styles.length >= 5, `found ${styles.length} permalinks`);
  assert.deepEqual(styles.filter((style) => style.opacity !== '1'), [], 'no permalink has an opacity effect');
  assert.deepEqual(styles.filter((style) => style.color !== 'rgba(0, 0, 0, 0)'), [], 'every resting permalink is transparent');
  const first = page.getByTestId('permalink').first();
  const colour = () => first.evaluate((permalink) => getComputedStyle(permalink).color);
  await page.locator('.lede-article-block__paragraph').first().hover();
  assert.notEqual(await colour(), 'rgba(0, 0, 0, 0)', 'shown while its paragraph is hovered');
  await page.mouse.move(0, 0);
  await first.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'permalink');
  assert.notEqual(await colour(), 'rgba(0, 0, 0, 0)', 'shown while it has keyboard focus');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Back and Forward return to where the reader was on each article', async () => {
  const seed = await articleJson(SEED_ID);
  const related = await articleJson(FIRST_RELATED_ID);
  const { page, problems } = await newWatchedPage({ width: 1280, height: 600 });
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  await page.evaluate(() => window.scrollTo({ top: 700, behavior: 'instant' }));
  // The position is saved in the history entry when scrolling ends.
  await page.waitForFunction(() => history.state?.ledeScrollY === 700, null, { timeout: 5000 });
  await page.getByRole('link', { name: related.headline }).click();
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'a newly opened article starts at its top');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  await page.waitForFunction(() => Math.abs(window.scrollY - 700) < 2);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Back returns to a place far down a long article, past the first screen it renders before the rest', async () => {
  // Regression: a long article renders its first 16 blocks first and the rest after
  // paints. Returning to it with Back restored the saved position while only the first
  // chunk existed, so a place further down was clamped to the end of that chunk.
  const seed = await articleJson(SEED_ID);
  const long = {
    ...seed,
    id: 'long-for-back',
    headline: 'A long article to come back to',
    related: seed.related.slice(0, 1),
    body: Array.from({ length: 6 }, (_, s) => ({
      id: `part-${s + 1}`,
      heading: `Part ${s + 1}`,
      blocks: Array.from({ length: 20 }, (_, p) => ({ type: 'paragraph', text: `Paragraph ${p + 1} of part ${s + 1}. `.repeat(8) })),
    })),
  };
  const { page, problems } = await newWatchedPage({ width: 390, height: 844 });
  await page.route('**/articles/long-for-back.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(long) }));
  await page.goto(`${server.origin}/articles/long-for-back`);
  await page.getByRole('heading', { level: 1, name: long.headline }).waitFor();
  await page.locator('#part-6').waitFor();
  const target = await page.evaluate(() => Math.round(document.getElementById('part-5').getBoundingClientRect().top + scrollY));
  await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), target);
  await page.waitForFunction((top) => Math.abs((history.state?.ledeScrollY ?? -1) - top) < 2, target, { timeout: 5000 });
  // Clicked without scrolling to the card, so that the position saved is the one above.
  await page.getByRole('link', { name: long.related[0].headline }).evaluate((link) => link.click());
  await page.getByRole('heading', { level: 1, name: long.related[0].headline }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: long.headline }).waitFor();
  await page.waitForFunction((top) => Math.abs(window.scrollY - top) < 2, target, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await page.close();
});

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  test(`the article replaces the loading skeleton without shifting the layout on a ${name}`, async () => {
    // Regression: with Leptos's `erase_components`, the skeleton and the article were both
    // an `AnyView` of one erased type, so the skeleton's element was rebuilt in place into
    // the article's, and its growth from 640 px to the page's width counted as a 0.25 shift.
    const { page } = await newWatchedPage({ width, height });
    await page.route(`**/articles/${SEED_ID}.json`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue().catch(() => {});
    });
    await page.goto(`${server.origin}/`);
    await articleComplete(page);
    await twoFrames(page);
    // Every shift so far is in the observer's buffer; `takeRecords` hands over what its
    // callback has not been given yet.
    const shift = await page.evaluate(() => {
      const observer = new PerformanceObserver(() => {});
      observer.observe({ type: 'layout-shift', buffered: true });
      return observer.takeRecords().filter((entry) => !entry.hadRecentInput).reduce((sum, entry) => sum + entry.value, 0);
    });
    assert.ok(shift < 0.05, `cumulative layout shift ${shift}`);
    await page.close();
  });
}

test('a slow load shows a thin progress bar only after 150 ms', async () => {
  const { page } = await newWatchedPage();
  await page.route(`**/articles/${FIRST_RELATED_ID}.json`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await route.continue().catch(() => {});
  });
  // The bar's opacity as it comes into the page, read by a mutation observer in the same
  // task rather than by a later round trip, which may come after the 150 ms.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const bar = document.querySelector('.lede-loading-state__progress');
      if (!bar) return;
      window.__lede_first_bar_opacity = getComputedStyle(bar).opacity;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${server.origin}/articles/${FIRST_RELATED_ID}`);
  const bar = page.locator('.lede-loading-state__progress');
  await bar.waitFor({ state: 'attached' });
  assert.ok(Number(await page.evaluate(() => window.__lede_first_bar_opacity)) < 0.5, 'hidden at first');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.lede-loading-state__progress')).opacity === '1');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.close();
});

test('the default article is preloaded alongside the wasm and fetched only once', async () => {
  const { page, problems } = await newWatchedPage();
  const requests = [];
  page.on('request', (request) => { if (request.url().includes('/articles/')) requests.push(new URL(request.url()).pathname); });
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(requests.filter((path) => path === `/articles/${SEED_ID}.json`).length, 1, 'the preloaded response is reused by the app');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page loads one stylesheet, holding every component\'s rules in the order index.html lists them', async () => {
  // The 25 stylesheets index.html lists used to ship as 25 render-blocking requests; on
  // Lighthouse's slow phone network they delayed the first paint by about 700 ms.
  const sources = [...(await readFile(join(projectRoot, 'index.html'), 'utf8')).matchAll(/<link data-trunk rel="css" href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(sources.length > 1, 'index.html lists the component stylesheets');
  const { page, problems } = await newWatchedPage();
  const stylesheets = [];
  page.on('request', (request) => { if (request.resourceType() === 'stylesheet') stylesheets.push(new URL(request.url()).pathname); });
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(stylesheets.length, 1, `one stylesheet request, not ${stylesheets.join(', ')}`);
  // The integrity attribute must match, or the browser drops the sheet and this list is empty.
  const selectors = await page.evaluate(() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.selectorText ?? rule.cssText.slice(0, 40))));
  const first = selectors.findIndex((text) => text.startsWith('.lede-masthead'));
  const last = selectors.findIndex((text) => text.startsWith('@media print'));
  assert.ok(first >= 0 && last > first, 'the masthead\'s rules come before the print rules, as in index.html');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page head describes the article shown, and follows navigation', async () => {
  const seed = await articleJson(SEED_ID);
  const related = await articleJson(FIRST_RELATED_ID);
  const { page } = await newWatchedPage();
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The head is described just after the first paint, out of the render's task: wait for it.
  const described = (headline) => page.waitForFunction((headline) => document.querySelector('meta[property="og:title"]')?.content === headline, headline, { timeout: 5000 });
  await described(seed.headline);
  const head = () => page.evaluate(() => ({
    description: document.querySelector('meta[name=description][data-lede]')?.content,
    canonical: document.querySelector('link[rel=canonical]')?.href,
    ogTitle: document.querySelector('meta[property="og:title"]')?.content,
    jsonLd: JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null'),
    count: document.querySelectorAll('head [data-lede]').length,
  }));
  let now = await head();
  assert.equal(now.ogTitle, seed.headline);
  assert.match(now.description, /^President Volodymyr Zelensky lauded a long, substantive phone call/);
  assert.equal(now.jsonLd['@type'], 'NewsArticle');
  assert.equal(now.jsonLd.articleSection, 'Conflict');
  // Regression: the front page's canonical link was the front page itself, where the
  // published front page names the article's own page; both now name the published page.
  assert.equal(now.canonical, `${server.origin}/articles/${SEED_ID}/`);
  const countBefore = now.count;
  await page.getByRole('link', { name: related.headline }).click();
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  await described(related.headline);
  now = await head();
  assert.equal(now.ogTitle, related.headline);
  assert.equal(now.jsonLd.headline, related.headline);
  assert.equal(now.canonical, `${server.origin}/articles/${FIRST_RELATED_ID}/`, 'the article\'s published page');
  assert.equal(now.count, countBefore, 'updated in place, never duplicated');
  await page.goto(`${server.origin}/articles/no-such-article`);
  await page.getByRole('alert').waitFor();
  await page.waitForFunction(() => document.title === 'Article not found', null, { timeout: 5000 });
  assert.equal((await head()).count, 0, 'no stale article is advertised on an error page');
  await page.close();
});

test('a deep link to an article opens it directly, preloading that article and not the default one', async () => {
  // Regression: the page preloaded the default article on every address, so a deep link
  // downloaded an article it never showed (and Chromium warned of an unused preload).
  const related = await articleJson('initial-plan-criticism');
  const { page, problems } = await newWatchedPage();
  const requests = [];
  page.on('request', (request) => { if (request.url().includes('/articles/')) requests.push(new URL(request.url()).pathname); });
  await page.goto(`${server.origin}/articles/initial-plan-criticism`);
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  const asked = (path) => requests.filter((candidate) => candidate === path).length;
  assert.equal(asked('/articles/initial-plan-criticism.json'), 1, 'preloaded, and the response reused');
  // (The default article may still be fetched later: it is among this article's related
  // cards, which load ahead when they come into view.)
  const preloaded = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload][href*="/articles/"]')].map((link) => new URL(link.href).pathname));
  assert.deepEqual(preloaded, ['/articles/initial-plan-criticism.json'], 'only the article shown is preloaded');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a section link moves to its section and does not reload the article', async () => {
  const { page } = await newWatchedPage();
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => { window.__lede_marker = 'same page'; });
  await page.locator('nav[data-testid=section-nav] a', { hasText: 'Violence Continues Amid Diplomacy' }).click();
  await page.waitForURL(/#violence-continues$/);
  assert.equal(await page.evaluate(() => window.__lede_marker), 'same page');
  // Scrolling is smooth unless the reader prefers reduced motion, so wait for it to end.
  // The last section cannot always reach the top of a short page; it must be in view.
  await page.waitForFunction(() => {
    const top = document.getElementById('violence-continues').getBoundingClientRect().top;
    return window.scrollY > 0 && top >= 0 && top < window.innerHeight;
  });
  await page.waitForFunction(() => {
    const link = document.querySelector('nav[data-testid=section-nav] a[aria-current=location]');
    return link && link.textContent === 'Violence Continues Amid Diplomacy';
  });
  await page.close();
});

test('opening an address with a section fragment scrolls to that section once the article has loaded', async () => {
  const { page, problems } = await newWatchedPage({ width: 390, height: 844 });
  await page.goto(`${server.origin}/articles/zelensky-kushner-witkoff-call#russias-response`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => Math.abs(document.getElementById('russias-response').getBoundingClientRect().top) < 40);
  assert.deepEqual(problems, []);
  await page.close();
});

test('on a phone the section list opens from its button and closes after a choice', async () => {
  const { page } = await newWatchedPage({ width: 390, height: 844 });
  await page.goto(`${server.origin}/`);
  const toggle = page.getByRole('button', { name: 'Jump to section' });
  await toggle.waitFor();
  assert.equal(await page.locator('#lede-section-nav-list').isVisible(), false);
  await toggle.click();
  await page.getByRole('link', { name: 'Florida Meetings And Joint Statement' }).click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await page.waitForURL(/#florida-meetings$/);
  await page.close();
});

test('no page scrolls sideways at any width from 320 px, which covers 200% zoom on a 640 px window', async () => {
  const { page } = await newWatchedPage();
  for (const path of ['/', '/articles/peace-talks-explainer', '/articles/zelensky-call-ar']) {
    for (const width of [320, 375, 600, 640, 768, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.origin}${path}`);
      await articleComplete(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `${path} at ${width} px scrolls sideways (scrollWidth ${scrollWidth})`);
    }
  }
  await page.close();
});

test('section links keep working after moving to another article, and Back returns through them', async () => {
  const related = await articleJson(FIRST_RELATED_ID);
  const { page, problems } = await newWatchedPage({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/`);
  await page.getByRole('link', { name: related.headline }).click();
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  // A mark on the rendered headline element survives only if the article is not rendered again.
  await page.evaluate(() => { document.querySelector('h1').dataset.marker = 'same article'; });
  await page.locator('nav[data-testid=section-nav] a', { hasText: 'What The Joint Statement Said' }).click();
  await page.waitForURL(`${server.origin}/articles/${FIRST_RELATED_ID}#joint-statement`);
  await page.goBack();
  await page.waitForURL(`${server.origin}/articles/${FIRST_RELATED_ID}`);
  assert.equal(await page.evaluate(() => document.querySelector('h1').dataset.marker), 'same article', 'hash changes never render the article again');
  await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('focus moves to the new headline after moving within the app, but not on the first load', async () => {
  const related = await articleJson(FIRST_RELATED_ID);
  const { page } = await newWatchedPage();
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY');
  await page.getByRole('link', { name: related.headline }).click();
  await page.waitForFunction((headline) => document.activeElement.tagName === 'H1' && document.activeElement.textContent === headline, related.headline);
  await page.close();
});

test('going offline shows a notice, and an article that failed offline loads by itself when the connection returns', async () => {
  // A fresh browser profile: an article fetched by an earlier test may be in the HTTP
  // cache, and the browser rightly serves it offline. On a phone the related cards start
  // below the fold, so nothing is prefetched before the connection goes.
  const related = await articleJson(FIRST_RELATED_ID);
  const fresh = await launchChromium();
  try {
    const page = await fresh.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    try {
      await fresh.context.setOffline(true);
      await page.getByTestId('offline').waitFor();
      await page.getByRole('link', { name: related.headline }).click();
      await page.getByRole('alert').waitFor();
    } finally {
      await fresh.context.setOffline(false);
    }
    await page.getByRole('heading', { level: 1, name: related.headline }).waitFor();
    assert.equal(await page.getByTestId('offline').count(), 0);
  } finally {
    await fresh.close();
  }
});

test('leaving an article while it loads aborts its request, and the article left never replaces the one shown', async () => {
  const seed = await articleJson(SEED_ID);
  const related = await articleJson(FIRST_RELATED_ID);
  // A phone, so that the card is not prefetched before it is clicked.
  const { page } = await newWatchedPage({ width: 390, height: 844 });
  const aborted = [];
  page.on('requestfailed', (request) => { if (request.url().includes(FIRST_RELATED_ID)) aborted.push(request.failure()?.errorText); });
  // A slow server, so that the reader leaves before the answer; the test waits until the
  // handler has let the request go, after which no answer can still arrive.
  let routed = 0;
  let released = 0;
  await page.route(`**/articles/${FIRST_RELATED_ID}.json`, async (route) => {
    routed += 1;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => {});
    released += 1;
  });
  await page.goto(`${server.origin}/`);
  await page.getByRole('link', { name: related.headline }).click();
  await page.getByRole('status').waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  await until(() => aborted.length > 0 && released === routed, 'the left request to be aborted and released');
  await twoFrames(page);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), seed.headline, 'still the article last asked for');
  assert.deepEqual(aborted, ['net::ERR_ABORTED'], 'the superseded request was aborted, not merely ignored');
  await page.close();
});

test('?src= from an origin not on the allow-list is refused without a request to it', async () => {
  const { page, problems } = await newWatchedPage();
  const requested = [];
  page.on('request', (request) => { if (new URL(request.url()).hostname === 'evil.example') requested.push(request.url()); });
  await page.goto(`${server.origin}/?src=${encodeURIComponent('https://evil.example/fake.json')}`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This article address is not allowed/);
  assert.match(await alert.textContent(), /https:\/\/evil\.example\/fake\.json is not from a source this reader is configured to show/);
  assert.deepEqual(requested, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the configuration can allow another origin for ?src= and move the articles elsewhere', async () => {
  const partner = await serveDist(join(projectRoot, 'dist'));
  // A reader whose policy allows the partner, as its host would configure it.
  // The app loads every article itself, as without published pages.
  const reader = await serveDist(join(projectRoot, 'dist'), { connectSources: [partner.origin], unpublished: true });
  try {
    const { page, problems } = await newWatchedPage();
    await useReaderConfig(page, { allowed_source_origins: [partner.origin], articles_base_url: `${partner.origin}/articles/` });
    const fromPartner = [];
    page.on('request', (request) => { if (request.url().startsWith(partner.origin)) fromPartner.push(new URL(request.url()).pathname); });

    const criticism = await articleJson('initial-plan-criticism');
    await page.goto(`${reader.origin}/?src=${encodeURIComponent(`${partner.origin}/articles/initial-plan-criticism.json`)}`);
    await page.getByRole('heading', { level: 1, name: criticism.headline }).waitFor();

    const minimal = await articleJson('minimal-article');
    await page.goto(`${reader.origin}/articles/minimal-article`);
    await page.getByRole('heading', { level: 1, name: minimal.headline }).waitFor();
    assert.ok(fromPartner.includes('/articles/minimal-article.json'), `articles come from the configured base: ${fromPartner}`);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await Promise.all([partner.close(), reader.close()]);
  }
});

test('a broken configuration file is named in a clear message', async () => {
  const { page } = await newWatchedPage();
  await page.route('**/lede.config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{ "allowed_source_origins": ["not a url"] }' }));
  await page.goto(`${server.origin}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This reader is not set up correctly/);
  assert.match(await alert.textContent(), /the reader's configuration \/lede\.config\.json is invalid: allowed_source_origins\[0\]/);
  await page.close();
});

test('an unknown article id shows a not-found message that names the address', async () => {
  const { page } = await newWatchedPage();
  await page.goto(`${server.origin}/articles/no-such-article`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Article not found/);
  assert.match(await alert.textContent(), /there is no article at http:\/\/127\.0\.0\.1:\d+\/articles\/no-such-article\.json/);
  await page.close();
});

test('an unknown path shows a page-not-found message', async () => {
  const { page } = await newWatchedPage();
  await page.goto(`${server.origin}/somewhere/else`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Page not found/);
  await page.close();
});

test('malformed article json shows a clear message instead of a blank page or a panic', async () => {
  const { page } = await newWatchedPage();
  await page.route(`**/articles/${SEED_ID}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": "1.0.0", "id": ' }));
  await page.goto(`${server.origin}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const message = await alert.textContent();
  assert.match(message, /This article cannot be shown/);
  assert.match(message, /article http:\/\/127\.0\.0\.1:\d+\/articles\/zelensky-kushner-witkoff-call\.json is not valid article json: line 1 column 35/);
  await page.close();
});

test('a busy server is tried again with backoff, and the article appears on the third attempt', async () => {
  const seed = await articleJson(SEED_ID);
  const { page } = await newWatchedPage();
  let attempts = 0;
  await page.route(`**/articles/${SEED_ID}.json`, (route) => {
    attempts += 1;
    return attempts <= 2 ? route.fulfill({ status: 503, body: 'busy' }) : route.continue();
  });
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  assert.equal(attempts, 3);
  await page.close();
});

test('a missing article is asked for once, and a server asking for a long wait is not waited for', async () => {
  const { page } = await newWatchedPage();
  let attempts = 0;
  await page.route('**/articles/no-such-article.json', (route) => { attempts += 1; return route.continue(); });
  await page.goto(`${server.origin}/articles/no-such-article`);
  await page.getByRole('alert').waitFor();
  assert.equal(attempts, 1, '404 is final');

  let busyAttempts = 0;
  await page.route(`**/articles/${SEED_ID}.json`, (route) => {
    busyAttempts += 1;
    return route.fulfill({ status: 429, headers: { 'retry-after': '120' }, body: 'slow down' });
  });
  await page.goto(`${server.origin}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The news server had a problem/);
  assert.match(await alert.textContent(), /the server failed to send .*zelensky-kushner-witkoff-call\.json \(http status 429\)/);
  assert.equal(busyAttempts, 1);
  await page.close();
});

test('a body bigger than 2 MB without a Content-Length is cut off while reading', async () => {
  const { page, problems } = await newWatchedPage();
  await page.goto(`${server.origin}/articles/fault-unannounced-3mb`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This article cannot be shown/);
  assert.match(await alert.textContent(), /fault-unannounced-3mb\.json is more than the limit of 2097152 bytes for an article; reading stopped there/);
  assert.deepEqual(problems.filter((problem) => problem.startsWith('page error')), [], 'no panic');
  await page.close();
});

test('an HTML error page served as the article is never parsed as one', async () => {
  const { page } = await newWatchedPage();
  await page.route(`**/articles/${SEED_ID}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><h1>502 Bad Gateway</h1>' }));
  await page.goto(`${server.origin}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /zelensky-kushner-witkoff-call\.json sent text\/html; charset=utf-8, not an article/);
  assert.equal(await page.locator('h1', { hasText: '502' }).count(), 0, 'nothing of the page was rendered');
  await page.close();
});

test('a server that never answers gives up after 10 seconds with a message and a retry that works', async () => {
  const seed = await articleJson(SEED_ID);
  const { page } = await newWatchedPage();
  await page.clock.install();
  const neverAnswer = () => {};
  await page.route(`**/articles/${SEED_ID}.json`, neverAnswer);
  await page.goto(`${server.origin}/`);
  await page.getByRole('status').waitFor();
  await page.clock.runFor(9_000);
  assert.equal(await page.getByRole('alert').count(), 0, 'still waiting before the deadline');
  await page.clock.runFor(1_500);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The article is taking too long/);
  assert.match(await alert.textContent(), /zelensky-kushner-witkoff-call\.json did not answer within 10 seconds/);
  await page.unroute(`**/articles/${SEED_ID}.json`, neverAnswer);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  await page.close();
});

test('a failing network shows a message with a retry that loads the article once the network is back', async () => {
  const seed = await articleJson(SEED_ID);
  const { page } = await newWatchedPage();
  const failing = (route) => route.abort('internetdisconnected');
  await page.route(`**/articles/${SEED_ID}.json`, failing);
  await page.goto(`${server.origin}/`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The article could not be reached.*Check your connection/);
  assert.match(await alert.textContent(), /could not reach http:\/\/127\.0\.0\.1:\d+\/articles\/zelensky-kushner-witkoff-call\.json/);
  await page.unroute(`**/articles/${SEED_ID}.json`, failing);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  await page.close();
});

test('the long-form article renders every block with its local pictures and no console errors, down to 320 px', async () => {
  const { page, problems } = await newWatchedPage({ width: 320, height: 800 });
  await page.goto(`${server.origin}/articles/peace-talks-explainer`);
  await page.getByRole('heading', { level: 1, name: 'The Week in Ukraine Peace Talks, Explained' }).waitFor();
  for (const selector of ['figure img', 'aside.lede-fact-box', 'ol', 'hr', '.lede-link-card a', '[data-testid=corrections]']) {
    assert.ok(await page.locator(selector).count() > 0, `${selector} is on the page`);
  }
  const lead = page.locator('img[loading=eager]');
  await lead.evaluate((image) => image.decode());
  assert.ok(await lead.evaluate((image) => image.naturalWidth > 0), 'the lead picture loaded from dist/');
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 320, `no horizontal scrolling at 320 px (scrollWidth ${scrollWidth})`);
  await page.screenshot({ path: join(screenshotDir, 'long-form-phone-full.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Arabic article is laid out right to left', async () => {
  const { page, problems } = await newWatchedPage({ width: 390, height: 844 });
  await page.goto(`${server.origin}/articles/zelensky-call-ar`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('[lang=ar]').getAttribute('dir'), 'rtl');
  const { headingRight, viewport } = await page.getByRole('heading', { level: 1 }).evaluate((heading) => ({
    headingRight: heading.getBoundingClientRect().right, viewport: window.innerWidth,
  }));
  assert.ok(viewport - headingRight < 40, 'the headline starts at the right edge');
  await page.screenshot({ path: join(screenshotDir, 'right-to-left-phone.png') });
  assert.deepEqual(problems, []);
  await page.close();
});

test('printing shows the article alone at full width, with link addresses after link text', async () => {
  const { page } = await newWatchedPage({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/articles/peace-talks-explainer`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['nav[data-testid=section-nav]', '[data-testid=related]', '[data-testid=quote-index]', '.lede-article-view__skip-link']) {
    assert.equal(await page.locator(selector).isVisible(), false, `${selector} is not printed`);
  }
  const { articleWidth, pageWidth } = await page.evaluate(() => ({
    articleWidth: document.querySelector('article').getBoundingClientRect().width,
    pageWidth: document.querySelector('main').getBoundingClientRect().width,
  }));
  assert.ok(articleWidth >= pageWidth - 1, `the article spans the page (${articleWidth} of ${pageWidth})`);
  const printedAddress = await page.locator('.lede-inline__link').first().evaluate((link) => getComputedStyle(link, '::after').content);
  assert.match(printedAddress, /\(http:\/\/127\.0\.0\.1:\d+\/articles\/zelensky-kushner-witkoff-call\)/);
  assert.equal(await page.locator('figure img').first().isVisible(), true, 'pictures are printed');
  await page.pdf({ path: join(screenshotDir, 'long-form-print.pdf') });
  await page.close();
});

test('display settings chosen by the reader are remembered after a reload', async () => {
  const { page } = await newWatchedPage({ width: 390, height: 844 });
  await page.goto(`${server.origin}/`);
  await page.getByText('Display', { exact: true }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('.lede-article-view').getAttribute('data-theme'), 'dark');
  const background = await page.locator('.lede-article-view').evaluate((element) => getComputedStyle(element).backgroundColor);
  assert.equal(background, 'rgb(22, 21, 19)', 'the dark paper colour is applied');
  await page.screenshot({ path: join(screenshotDir, 'seed-phone-dark.png') });
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('each line width the reader chooses sets the article column\'s measure from the stylesheet', async () => {
  const { page, problems } = await newWatchedPage({ width: 390, height: 844 });
  await page.goto(`${server.origin}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const measure = () => page.locator('.lede-article-view__article').evaluate((article) => {
    const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return parseFloat(getComputedStyle(article).maxWidth) / rootSize;
  });
  assert.equal(await measure(), 40, 'the standard measure, in rem');
  await page.getByText('Display', { exact: true }).click();
  for (const [name, rem] of [['Narrow', 34], ['Wide', 48], ['Standard', 40]]) {
    await page.getByRole('radio', { name }).check();
    await page.waitForFunction((expected) => {
      const article = document.querySelector('.lede-article-view__article');
      const rootSize = parseFloat(getComputedStyle(document.documentElement).fontSize);
      return parseFloat(getComputedStyle(article).maxWidth) / rootSize === expected;
    }, rem);
  }
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(problems, []);
  await page.close();
});

// Regression: the `animation` shorthand gave the scroll-driven bar a 0s duration, which
// pinned it at its end: a full bar on a page not yet read.
test('the reading progress bar is empty at the top of the page and full at its end', async () => {
  const { page } = await newWatchedPage({ width: 1280, height: 900 });
  await page.goto(`${server.origin}/articles/peace-talks-explainer`);
  await articleComplete(page);
  const scale = () => page.locator('.lede-article-view__progress').evaluate((bar) => new DOMMatrix(getComputedStyle(bar).transform).a);
  assert.ok(await scale() < 0.05, `empty at the top (scale ${await scale()})`);
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await page.waitForFunction(() => new DOMMatrix(getComputedStyle(document.querySelector('.lede-article-view__progress')).transform).a > 0.95);
  await page.close();
});

test('the build publishes the article format JSON Schema beside the reader', async () => {
  const response = await fetch(`${server.origin}/schema/article.schema.json`);
  assert.equal(response.status, 200);
  const schema = await response.json();
  assert.equal(schema.title, 'Lede article, format version 1');
  assert.ok(schema.required.includes('headline') && schema.$defs.Block, 'the schema describes articles and blocks');
});

test('screenshots of the seed article on a phone and a desktop are saved for people to look at', async () => {
  for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
    const { page, problems } = await newWatchedPage({ width, height });
    await page.goto(`${server.origin}/`);
    await articleComplete(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `no horizontal scrolling at ${width} px (scrollWidth ${scrollWidth})`);
    await page.screenshot({ path: join(screenshotDir, `seed-${name}-${width}x${height}.png`) });
    await page.screenshot({ path: join(screenshotDir, `seed-${name}-full.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  }
});
