// End-to-end tests of the widget (embed.js) on examples/host-page.html, an outlet page
// with hostile CSS and three widgets (inline, iframe, broken), and on
// examples/plain-page.html, the bare snippet. Both are copied into dist/examples/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { serveDist } from './serve-dist.mjs';
import { intersectionObserversRan, twoFrames, until } from './conditions.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const screenshotDir = join(projectRoot, 'target', 'screenshots');
const articleJson = async (id) => JSON.parse(await readFile(join(projectRoot, 'fixtures', 'articles', `${id}.json`), 'utf8'));

const HOST_PAGE = '/examples/host-page.html';
const PLAIN_PAGE = '/examples/plain-page.html';

let server;
let browser;

before(async () => {
  server = await serveDist(join(projectRoot, 'dist'));
  browser = await launchChromium();
  await mkdir(screenshotDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page that records uncaught errors; console errors other than the broken widget's 404 count too. */
async function newWatchedPage({ width = 1280, height = 900 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('404')) problems.push(`console error: ${message.text()}`);
  });
  return { page, problems };
}

/** The iframe widget's frame, once its article has loaded inside it. */
async function loadedFrame(page) {
  const frameElement = page.locator('#iframe-widget iframe');
  await frameElement.waitFor();
  const frame = await (await frameElement.elementHandle()).contentFrame();
  await frame.locator('lede-article h1').waitFor();
  return { frameElement, frame };
}

/** Waits until the iframe's height is within `tolerance` px of its widget's content height. */
async function frameFitsContent(page, frame, tolerance = 3) {
  let last;
  const fits = async () => {
    const outer = await page.locator('#iframe-widget iframe').evaluate((element) => element.getBoundingClientRect().height);
    const inner = await frame.locator('lede-article').evaluate((element) => element.getBoundingClientRect().height);
    last = { outer, inner };
    return Math.abs(outer - inner) <= tolerance && last;
  };
  try {
    return await until(fits, 'the iframe to fit its content', { timeoutMs: 5_000 });
  } catch {
    assert.fail(`the iframe is ${last.outer} px high, its content ${last.inner} px`);
  }
}

test('on a hostile host page the working widgets show their headlines and the broken one its error and fallback link', async () => {
  const seed = await articleJson('zelensky-kushner-witkoff-call');
  const framed = await articleJson('florida-meetings-joint-statement');
  const { page, problems } = await newWatchedPage();
  const events = [];
  await page.exposeFunction('recordLedeEvent', (entry) => events.push(entry));
  await page.addInitScript(() => {
    if (window !== window.top) return; // The iframe widget's own page has a widget too.
    for (const type of ['lede:load', 'lede:error']) {
      document.addEventListener(type, (event) => window.recordLedeEvent(`${event.target.id} ${type} ${event.detail.reason ?? ''}`.trim()));
    }
  });
  await page.goto(`${server.origin}${HOST_PAGE}`);

  const inline = page.locator('#inline-widget');
  await inline.locator('h1').waitFor();
  assert.equal(await inline.locator('h1').textContent(), seed.headline);
  assert.equal(await inline.getByRole('link', { name: /Read the article/ }).isVisible(), false, 'the fallback is hidden once the article is shown');

  const { frameElement, frame } = await loadedFrame(page);
  assert.equal(await frame.locator('lede-article h1').textContent(), framed.headline);
  assert.equal(await frameElement.getAttribute('title'), framed.headline, 'the frame is named after its article');
  assert.equal(await frameElement.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
  assert.equal(await frameElement.getAttribute('loading'), 'lazy');
  assert.ok(await frame.getByTestId('continue-reading').isVisible(), 'the compact widget offers the rest');
  assert.equal(await frame.getByTestId('related').count(), 0, 'related="hide" hides the related articles');

  const broken = page.locator('#broken-widget');
  await broken.getByTestId('error').waitFor();
  assert.match(await broken.getByTestId('error').textContent(), /Article not found/);
  assert.ok(await broken.getByRole('link', { name: 'Read the article on CRBC News' }).isVisible(), 'the fallback link stays');
  assert.equal(await broken.getByRole('link', { name: 'Go to the front article' }).count(), 0, "no link to the reader's own front page");

  await until(() => events.length >= 3, 'an event from each of the three widgets');
  assert.deepEqual(events.sort(), ['broken-widget lede:error not-found', 'iframe-widget lede:load', 'inline-widget lede:load']);
  const wasmLoads = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.wasm')).length);
  assert.equal(wasmLoads, 1, 'one wasm module serves every inline widget on the page');
  assert.deepEqual(problems, []);

  await page.screenshot({ path: join(screenshotDir, 'host-page-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await twoFrames(page);
  await frameFitsContent(page, frame);
  await page.screenshot({ path: join(screenshotDir, 'host-page-phone.png'), fullPage: true });
  await page.close();
});

test("the widget's headline and body text look the same on the hostile page as on a plain page", async () => {
  const properties = [
    'font-family', 'font-size', 'font-weight', 'line-height', 'color', 'letter-spacing', 'word-spacing',
    'text-transform', 'text-align', 'text-indent', 'font-style', 'visibility', 'cursor', 'margin-top', 'margin-bottom', 'padding-left', 'box-sizing',
  ];
  const styles = async (path) => {
    const { page } = await newWatchedPage();
    await page.goto(`${server.origin}${path}`);
    const widget = page.locator('#inline-widget');
    // The same width on both pages: the widget's layout follows its own width.
    await widget.evaluate((element) => { element.style.width = '600px'; });
    await widget.locator('h1').waitFor();
    const read = (selector) => widget.locator(selector).first().evaluate(
      (element, names) => Object.fromEntries(names.map((name) => [name, getComputedStyle(element).getPropertyValue(name)])),
      properties,
    );
    const result = {
      // Where the host's inherited properties would enter: the widget's own root.
      root: await read('.lede-article-view'),
      headline: await read('h1'),
      paragraph: await read('[data-testid=article-body] p'),
      related: await read('[data-testid=related-card] a'),
      // The host's own border on the element is the host's business: measure inside it.
      height: await widget.evaluate((element) => Math.round(element.shadowRoot.querySelector('.lede-embed').getBoundingClientRect().height)),
    };
    await page.close();
    return result;
  };
  const plain = await styles(PLAIN_PAGE);
  const hostile = await styles(HOST_PAGE);
  assert.deepEqual(hostile.root, plain.root);
  assert.deepEqual(hostile.headline, plain.headline);
  assert.deepEqual(hostile.paragraph, plain.paragraph);
  assert.deepEqual(hostile.related, plain.related);
  assert.equal(hostile.height, plain.height, 'the whole widget lays out the same');
  assert.equal(plain.headline['text-transform'], 'none');
});

test("the host page's head, address, history and global names are the same after the widgets load", async () => {
  const { page, problems } = await newWatchedPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, '__namesBeforeAnyScript', { value: Object.getOwnPropertyNames(window), enumerable: false });
  });
  await page.goto(`${server.origin}${HOST_PAGE}`);
  const before = await page.evaluate(() => ({ href: location.href, history: history.length }));
  await page.locator('#inline-widget h1').waitFor();
  await loadedFrame(page);
  await page.locator('#broken-widget [data-testid=error]').waitFor();

  const after = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const names = Object.getOwnPropertyNames(window).filter((name) => !window.__namesBeforeAnyScript.includes(name));
    return {
      href: location.href,
      history: history.length,
      headUnchanged: served.head.innerHTML === document.head.innerHTML,
      newNames: names.filter((name) => name !== '__namesBeforeAnyScript'),
      documentStyleSheets: document.styleSheets.length,
      adoptedOnDocument: document.adoptedStyleSheets.length,
    };
  });
  assert.equal(after.href, before.href);
  assert.equal(after.history, before.history);
  assert.ok(after.headUnchanged, 'document.head is exactly as served');
  assert.deepEqual(after.newNames, [], 'no new global names');
  assert.equal(after.documentStyleSheets, 1, "only the host's own <style>");
  assert.equal(after.adoptedOnDocument, 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the iframe's height follows its content after load and after a text-size change", async () => {
  const { page, problems } = await newWatchedPage();
  await page.goto(`${server.origin}${HOST_PAGE}`);
  const { frame } = await loadedFrame(page);
  const loaded = await frameFitsContent(page, frame);

  // The rail's analytics stops clicks from bubbling: the widget's buttons must not care.
  await frame.locator('summary', { hasText: 'Display' }).click();
  await frame.getByRole('button', { name: 'Larger text' }).click();
  await frame.getByRole('button', { name: 'Larger text' }).click();
  await frame.locator('output', { hasText: '125%' }).waitFor();
  // The frame reports its new height; the host's iframe follows it.
  await page.waitForFunction((before) => {
    const iframe = document.querySelector('#iframe-widget').shadowRoot.querySelector('iframe');
    return iframe.getBoundingClientRect().height > before + 20;
  }, loaded.outer, { timeout: 5000 });
  const larger = await frameFitsContent(page, frame);
  assert.ok(larger.outer > loaded.outer + 20, `the frame grew with its text: ${loaded.outer} -> ${larger.outer}`);

  const hasScrollbars = await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight + 1);
  assert.equal(hasScrollbars, false, 'no scrolling inside the frame');
  assert.deepEqual(problems, []);
  await page.close();
});

test('forged messages from the host page and from another frame are ignored', async () => {
  const { page } = await newWatchedPage();
  await page.goto(`${server.origin}${HOST_PAGE}`);
  const { frameElement, frame } = await loadedFrame(page);
  await frameFitsContent(page, frame);
  const heightBefore = await frameElement.evaluate((element) => element.style.height);

  const outcome = await page.evaluate(async () => {
    const widget = document.querySelector('#iframe-widget');
    const seen = [];
    for (const type of ['lede:error', 'lede:navigate', 'lede:load']) widget.addEventListener(type, () => seen.push(type));
    // From the host page itself.
    window.postMessage({ type: 'lede:resize', height: 5 }, '*');
    window.postMessage({ type: 'lede:error', detail: { reason: 'forged' } }, '*');
    window.postMessage({ type: 'lede:navigate', detail: { url: 'https://evil.example/', inside: false } }, '*');
    // From another frame on the page. Each source ends with a marker: messages from one
    // source arrive in order, so once both markers are here every forged message has been
    // handled.
    const markersArrived = new Promise((resolve) => {
      const markers = new Set(['host-done', 'frame-done']);
      addEventListener('message', (event) => {
        markers.delete(event.data);
        if (markers.size === 0) resolve();
      });
    });
    window.postMessage('host-done', '*');
    const other = document.createElement('iframe');
    other.srcdoc = `<script>
      parent.postMessage({ type: 'lede:resize', height: 7 }, '*');
      parent.postMessage({ type: 'lede:error', detail: { reason: 'forged' } }, '*');
      parent.postMessage({ type: 'lede:navigate', detail: { url: 'https://evil.example/', inside: false } }, '*');
      parent.postMessage('frame-done', '*');
    <\/script>`;
    document.body.append(other);
    await markersArrived;
    // A handler may still have scheduled a change for the next frame.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    other.remove();
    return { seen, fallbackHidden: widget.shadowRoot.querySelector('slot').hidden };
  });
  assert.deepEqual(outcome.seen, []);
  assert.equal(outcome.fallbackHidden, true, 'no forged error brought the fallback back');
  assert.equal(await frameElement.evaluate((element) => element.style.height), heightBefore);
  assert.equal(new URL(page.url()).pathname, HOST_PAGE, 'no forged navigation');
  await page.close();
});

test('removing a widget while its article loads aborts the request', async () => {
  const { page } = await newWatchedPage();
  await page.goto(`${server.origin}${PLAIN_PAGE}`);
  await page.locator('#inline-widget h1').waitFor();
  const request = page.waitForRequest((candidate) => candidate.url().endsWith('/articles/fault-no-answer.json'));
  const failed = page.waitForEvent('requestfailed', (candidate) => candidate.url().endsWith('/articles/fault-no-answer.json'));
  await page.evaluate(() => {
    const widget = document.createElement('lede-article');
    widget.id = 'doomed-widget';
    widget.setAttribute('src', '/articles/fault-no-answer.json');
    document.body.prepend(widget);
  });
  await request;
  const started = Date.now();
  await page.evaluate(() => document.querySelector('#doomed-widget').remove());
  const failure = (await failed).failure();
  assert.equal(failure?.errorText, 'net::ERR_ABORTED');
  assert.ok(Date.now() - started < 2000, 'aborted at once, not at the 10 s deadline');
  await page.close();
});

test('a widget far below the fold loads only when it comes near the viewport', async () => {
  const { page } = await newWatchedPage({ width: 390, height: 844 });
  await page.goto(`${server.origin}${PLAIN_PAGE}`);
  await page.locator('#inline-widget h1').waitFor();
  const asked = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '20000px';
    document.body.append(spacer);
    const widget = document.createElement('lede-article');
    widget.id = 'far-widget';
    widget.setAttribute('src', '/articles/minimal-article.json');
    document.body.append(widget);
  });
  // The loader watches the widget with an intersection observer: once an observer made
  // after it has been told the widget is out of view, the loader has been told too.
  await intersectionObserversRan(page, '#far-widget');
  await twoFrames(page);
  assert.ok(!asked.includes('/articles/minimal-article.json'), 'nothing loaded while far away');
  await page.evaluate(() => document.querySelector('#far-widget').scrollIntoView());
  await page.locator('#far-widget h1').waitFor();
  await page.close();
});

test("a related article opens inside the widget with navigate=widget, and the host hears of it", async () => {
  const related = await articleJson('florida-meetings-joint-statement');
  const { page, problems } = await newWatchedPage();
  await page.goto(`${server.origin}${PLAIN_PAGE}`);
  await page.evaluate(() => document.querySelector('#inline-widget').remove());
  await page.evaluate(() => {
    const widget = document.createElement('lede-article');
    widget.id = 'navigating-widget';
    widget.setAttribute('src', '/articles/zelensky-kushner-witkoff-call.json');
    widget.setAttribute('navigate', 'widget');
    window.__navigations = [];
    widget.addEventListener('lede:navigate', (event) => window.__navigations.push(event.detail));
    document.body.append(widget);
  });
  const widget = page.locator('#navigating-widget');
  await widget.getByRole('link', { name: related.headline }).click();
  await widget.locator('h1', { hasText: related.headline }).waitFor();
  const heard = await page.evaluate(() => window.__navigations);
  assert.equal(heard.length, 1);
  assert.equal(heard[0].inside, true);
  assert.match(heard[0].url, /florida-meetings-joint-statement\.json$/);
  assert.equal(new URL(page.url()).pathname, PLAIN_PAGE, 'the host page stays where it is');
  assert.deepEqual(problems, []);
  await page.close();
});

/**
 * A host page on another origin than the reader's, as in production. The test writes it
 * into dist/ and opens it as http://localhost:PORT, while the reader stays at
 * http://127.0.0.1:PORT. With `csp`, the page carries the Content Security Policy from
 * docs/embedding.md, as a <meta> element.
 */
async function crossOriginHostPage({ csp = false } = {}) {
  const reader = server.origin;
  const host = reader.replace('127.0.0.1', 'localhost');
  const { page, problems } = await newWatchedPage();
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const policy = [
    "default-src 'none'",
    `script-src ${reader} 'wasm-unsafe-eval'`,
    `connect-src ${reader}`,
    `img-src ${reader} data:`,
    `frame-src ${reader}`,
  ].join('; ');
  const name = csp ? 'cross-origin-outlet-with-csp.html' : 'cross-origin-outlet.html';
  await writeFile(join(projectRoot, 'dist', 'examples', name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    ${csp ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ''}
    <title>An outlet on another origin</title><link rel="icon" href="data:,">
    <script type="module" src="${reader}/embed.js"></script></head><body>
    <lede-article id="inline-widget" src="${reader}/articles/zelensky-kushner-witkoff-call.json"><a href="${reader}/">Read the article</a></lede-article>
    <lede-article id="iframe-widget" mode="iframe" compact src="${reader}/articles/florida-meetings-joint-statement.json"><a href="${reader}/">Read the article</a></lede-article>
    </body></html>`);
  await page.goto(`${host}/examples/${name}`);
  return { page, problems, violations, host, reader };
}

test('on a host page of another origin the widgets load, the iframe is cross-origin and fits, and forged messages are ignored', async () => {
  // Regression: a cross-origin frame below the fold gets no rendering updates, so its
  // ResizeObserver never fired and the iframe stayed at the 40 px minimum until scrolled to.
  // The frame now also reports its height with each event.
  const { page, problems, host, reader } = await crossOriginHostPage();
  await page.locator('#inline-widget h1').waitFor();
  const frame = await (await page.locator('#iframe-widget iframe').elementHandle()).contentFrame();
  await frame.locator('lede-article h1').waitFor();
  assert.equal(await page.evaluate(() => location.origin), host);
  assert.equal(new URL(frame.url()).origin, reader, 'the frame runs on the reader\'s origin');
  const readable = await page.evaluate(() => {
    try { return Boolean(document.querySelector('#iframe-widget').shadowRoot.querySelector('iframe').contentDocument); } catch { return false; }
  });
  assert.equal(readable, false, "the host cannot read the frame's document");
  await frameFitsContent(page, frame);

  const heightBefore = await page.locator('#iframe-widget iframe').evaluate((element) => element.style.height);
  await page.evaluate(async () => {
    window.postMessage({ type: 'lede:resize', height: 9 }, '*');
    // Messages from one source arrive in order: once this marker is here, the forged
    // resize has been handled.
    await new Promise((resolve) => {
      addEventListener('message', (event) => { if (event.data === 'host-done') resolve(); });
      window.postMessage('host-done', '*');
    });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  assert.equal(await page.locator('#iframe-widget iframe').evaluate((element) => element.style.height), heightBefore);
  assert.deepEqual(problems, []);
  await page.close();
});

test('under the Content Security Policy that docs/embedding.md gives, both modes work without a violation', async () => {
  const { page, problems, violations, reader } = await crossOriginHostPage({ csp: true });
  await page.locator('#inline-widget h1').waitFor();
  const frame = await (await page.locator('#iframe-widget iframe').elementHandle()).contentFrame();
  await frame.locator('lede-article h1').waitFor();
  // The widget's own controls still work: no inline styles or scripts are needed.
  await page.locator('#inline-widget summary', { hasText: 'Display' }).click();
  await page.locator('#inline-widget').getByRole('button', { name: 'Larger text' }).click();
  await page.locator('#inline-widget output', { hasText: '110%' }).waitFor();
  const fontFamily = await page.locator('#inline-widget h1').evaluate((element) => getComputedStyle(element).fontFamily);
  assert.notEqual(fontFamily, '', 'the widget is styled');
  assert.deepEqual(violations, [], `no CSP violations (reader at ${reader})`);
  assert.deepEqual(problems, []);
  await page.close();
});

/**
 * A host page on another origin than the reader's with one widget whose `attributes` are
 * given, written into dist/examples like the pages above. Every `lede:navigate` the host
 * hears is recorded in `window.heard` and cancelled, so that no link leaves the page.
 */
async function crossOriginPageWithWidget(name, attributes, articleId) {
  const reader = server.origin;
  const host = reader.replace('127.0.0.1', 'localhost');
  const { page, problems } = await newWatchedPage();
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await writeFile(join(projectRoot, 'dist', 'examples', name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>An outlet</title><link rel="icon" href="data:,">
    <script type="module" src="${reader}/embed.js"></script></head><body>
    <lede-article id="widget" ${attributes} src="${reader}/articles/${articleId}.json"><a href="${reader}/">Read the article</a></lede-article>
    <script type="module">
      window.heard = [];
      document.querySelector('#widget').addEventListener('lede:navigate', (event) => {
        window.heard.push(event.detail);
        event.preventDefault();
      });
    </script>
    </body></html>`);
  await page.goto(`${host}/examples/${name}`);
  return { page, problems, warnings, host, reader };
}

// Regression: `mode="IFRAME"` rendered inline, because the loader compared the value
// case-sensitively; attribute values are documented as case-insensitive.
test('mode is read without regard to case, and an unknown mode falls back to inline with one warning', async () => {
  const upper = await crossOriginPageWithWidget('mode-upper-case.html', 'mode="IFRAME"', 'florida-meetings-joint-statement');
  const frame = upper.page.locator('#widget iframe');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
  assert.deepEqual(upper.problems, []);
  await upper.page.close();

  const unknown = await crossOriginPageWithWidget('mode-unknown.html', 'mode="popup"', 'florida-meetings-joint-statement');
  await unknown.page.locator('#widget h1').waitFor();
  assert.equal(await unknown.page.locator('#widget iframe').count(), 0, 'inline');
  assert.equal(unknown.warnings.filter((text) => text.includes('unknown mode "popup"')).length, 1);
  await unknown.page.close();
});

test('an iframe widget on its host\'s own origin warns once that it isolates nothing', async () => {
  const { page } = await newWatchedPage();
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(`${server.origin}${HOST_PAGE}`);
  await loadedFrame(page);
  assert.equal(warnings.filter((text) => text.includes('isolates nothing')).length, 1, warnings.join('\n'));
  await page.close();
});

// Regression: in iframe mode, article links, link cards, the masthead and external related
// links navigated the frame itself, though the docs promise that links leave through the
// host page. Every link out of a widget now goes to the host page (lede:navigate), in both
// modes; none changes the widget's own document.
test('every kind of link in a widget leaves through the host page, in both modes, and never navigates the frame', async () => {
  const explainer = await articleJson('peace-talks-explainer');
  const article = {
    ...explainer,
    id: 'every-link-kind',
    outlet: { ...explainer.outlet, url: 'https://crbc.example/' },
    category: { ...explainer.category, url: 'https://crbc.example/conflict' },
    related: [...explainer.related, { url: 'https://elsewhere.example/analysis', headline: 'An analysis elsewhere' }],
  };
  await writeFile(join(projectRoot, 'dist', 'articles', 'every-link-kind.json'), JSON.stringify(article));
  const reader = server.origin;
  const kinds = [
    { kind: 'masthead', selector: '.lede-masthead a', url: 'https://crbc.example/' },
    { kind: 'kicker', selector: '.lede-article-header__kicker-link', url: 'https://crbc.example/conflict' },
    { kind: 'link in the text', selector: '.lede-inline__link', url: `${reader}/articles/zelensky-kushner-witkoff-call` },
    { kind: 'link card', selector: '.lede-link-card__link', url: `${reader}/articles/initial-plan-criticism` },
    { kind: 'external related article', selector: '.lede-related-card__link[rel]', url: 'https://elsewhere.example/analysis' },
  ];
  for (const mode of ['inline', 'iframe']) {
    const { page, problems } = await crossOriginPageWithWidget(`every-link-${mode}.html`, `mode="${mode}"`, 'every-link-kind');
    const widget = mode === 'iframe'
      ? await (await page.locator('#widget iframe').elementHandle()).contentFrame()
      : page.locator('#widget');
    await widget.locator('[data-testid=related]').waitFor();
    const frameAddress = mode === 'iframe' ? widget.url() : null;
    for (const { kind, selector, url } of kinds) {
      const link = widget.locator(selector).first();
      await link.scrollIntoViewIfNeeded();
      await link.click();
      await page.waitForFunction((expected) => window.heard.some((detail) => detail.url === expected), url, { timeout: 5000 })
        .catch(() => assert.fail(`${mode}: the ${kind} did not reach the host page`));
      if (mode === 'iframe') assert.equal(widget.url(), frameAddress, `${mode}: the ${kind} did not navigate the frame`);
    }
    const heard = await page.evaluate(() => window.heard);
    assert.ok(heard.every((detail) => detail.inside === false), `${mode}: ${JSON.stringify(heard)}`);
    assert.equal(new URL(page.url()).pathname, `/examples/every-link-${mode}.html`, 'the host page stays, as its listener asked');
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a widget with format="wordpress" shows a WordPress post as the native import makes it, and with debug lists what the import dropped', async () => {
  const expected = JSON.parse(await readFile(join(projectRoot, 'fixtures', 'import', 'wordpress', 'expected', 'talks-resume-in-geneva.json'), 'utf8'));
  const reader = server.origin;
  const host = reader.replace('127.0.0.1', 'localhost');
  const { page, problems } = await newWatchedPage({ width: 390, height: 844 });
  const requested = [];
  page.on('request', (request) => { if (request.frame() === page.mainFrame()) requested.push(new URL(request.url()).pathname); });
  // The post's pictures are on the outlet's (made-up) host, which this machine cannot reach.
  await page.route(/^https:\/\//, (route) => route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>' }));
  await writeFile(join(projectRoot, 'dist', 'examples', 'wordpress-widget.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>An outlet on WordPress</title><link rel="icon" href="data:,">
    <script type="module" src="${reader}/embed.js"></script></head><body>
    <lede-article id="wordpress" format="wordpress" debug src="${reader}/wp-json/wp/v2/posts/talks-resume"><a href="${reader}/">Read the post</a></lede-article>
    <lede-article id="lede" src="${reader}/articles/florida-meetings-joint-statement.json"><a href="${reader}/">Read the article</a></lede-article>
    <lede-article id="framed" mode="iframe" format="wordpress" src="${reader}/wp-json/wp/v2/posts/talks-resume"><a href="${reader}/">Read the post</a></lede-article>
    </body></html>`);
  await page.goto(`${host}/examples/wordpress-widget.html`);
  const widget = page.locator('#wordpress');
  await widget.getByRole('heading', { level: 1 }).waitFor();

  assert.equal(await widget.getByRole('heading', { level: 1 }).textContent(), expected.headline);
  const inlineText = (inline) => (typeof inline === 'string' ? inline : inline.map((run) => (typeof run === 'string' ? run : run.text)).join(''));
  const summary = inlineText(expected.summary);
  assert.equal((await widget.getByTestId('summary').locator('p').textContent()).trim(), summary.trim());
  const sectionHeadings = await widget.locator('[data-testid=article-body] h2').allTextContents();
  const expectedHeadings = expected.body.map((section) => section.heading).filter((heading) => heading !== expected.headline);
  for (const heading of expectedHeadings) assert.ok(sectionHeadings.includes(heading), `section "${heading}" in ${JSON.stringify(sectionHeadings)}`);
  const blocks = await widget.locator('[data-testid=article-body] p, [data-testid=article-body] blockquote, [data-testid=article-body] figure, [data-testid=article-body] ul, [data-testid=article-body] ol').count();
  assert.ok(blocks >= expected.body.reduce((sum, section) => sum + section.blocks.length, 0) - 2, `${blocks} blocks rendered`);
  assert.match(await widget.getByTestId('byline').textContent(), new RegExp(expected.byline[0].name));

  // The import's notes are in the debug report, under the post's field names.
  assert.ok(await widget.getByTestId('validation-report').isVisible());
  const lines = await widget.getByTestId('validation-report').locator('li').allTextContents();
  assert.ok(lines.some((line) => line.startsWith('wordpress ')), JSON.stringify(lines));

  // Only the widgets that asked for it load the importer module, once per document.
  await page.locator('#lede').getByRole('heading', { level: 1 }).waitFor();
  assert.equal(requested.filter((path) => path === '/lede-wordpress_bg.wasm').length, 1);
  assert.equal(await page.locator('#lede [data-testid=validation-report]').count(), 0);
  // In iframe mode the frame page reads the attribute from its address, and imports alike.
  const frame = page.frameLocator('#framed iframe');
  assert.equal(await frame.getByRole('heading', { level: 1 }).textContent(), expected.headline);
  assert.deepEqual(problems, []);
  await page.close();
});
