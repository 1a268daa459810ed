// Accessibility of the built reader: axe-core injected into the page in headless Chromium,
// the WCAG 2.0, 2.1 and 2.2 A and AA rules, at phone and desktop widths. Any violation fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { serveDist } from './serve-dist.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Evaluated through the browser's developer protocol rather than added as a <script>: the
// reader's pages allow no inline script, and the test must not loosen their policy.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let server;
let browser;
let context;

before(async () => {
  server = await serveDist(join(projectRoot, 'dist'));
  browser = await launchChromium();
  context = browser.context;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe on the page and returns its violations as readable lines. */
async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG_TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  for (const path of ['/', '/articles/peace-talks-explainer', '/articles/zelensky-call-ar', '/articles/no-such-article']) {
    test(`${path} has no WCAG 2.2 A or AA violations on a ${name}`, async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${server.origin}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }
}

test('the phone section list and the display panel, open, have no WCAG 2.2 A or AA violations', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.origin}/`);
  // `/` is a published page: the controls are the app's, once it has taken over.
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]'));
  await page.getByRole('button', { name: 'Jump to section' }).click();
  await page.getByText('Display', { exact: true }).click();
  assert.equal(await page.getByRole('radio', { name: 'Sepia' }).isVisible(), true);
  assert.deepEqual(await violations(page), []);
  for (const theme of ['Sepia', 'Dark']) {
    await page.getByRole('radio', { name: theme }).check();
    assert.deepEqual(await violations(page), [], `${theme} theme`);
  }
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

// A widget is a guest in someone else's page: besides WCAG, it must not add a second
// main or banner landmark to the host's, which screen-reader users navigate by.
// Regression: the widget first rendered the reader's own <main> inside the host's <main>.
const GUEST_RULES = ['landmark-no-duplicate-main', 'landmark-main-is-top-level', 'landmark-no-duplicate-banner', 'landmark-banner-is-top-level', 'landmark-unique'];

for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 900]]) {
  test(`the widgets on the host page add no WCAG 2.2 A or AA violation and no second main or banner landmark on a ${name}`, async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`${server.origin}/examples/host-page.html`);
    await page.locator('#inline-widget h1').waitFor();
    // Widgets load when they come near the viewport: on a phone the others are far below.
    await page.locator('#broken-widget').scrollIntoViewIfNeeded();
    await page.locator('#broken-widget [data-testid=error]').waitFor();
    await page.locator('#iframe-widget').scrollIntoViewIfNeeded();
    await page.evaluate(axeSource);
    const result = await page.evaluate(async ([tags, rules]) => {
      // The widgets' own content; the fallback links in the light DOM are the host's.
      const widgets = ['#inline-widget', '#broken-widget', '#iframe-widget'].map((host) => ({ fromShadowDom: [host, '.lede-embed'] }));
      const wcag = await window.axe.run({ include: widgets }, { runOnly: { type: 'tag', values: tags } });
      const guest = await window.axe.run(document, { runOnly: { type: 'rule', values: rules } });
      return [...wcag.violations, ...guest.violations]
        .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, [WCAG_TAGS, GUEST_RULES]);
    assert.deepEqual(result, []);
    await page.close();
  });
}
