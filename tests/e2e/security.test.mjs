// The promises of docs/configuration.md and docs/embedding.md that an attacker would test:
// every page that takes an article address from its own URL applies the allow-list, and the
// reader's pages run under a strict Content Security Policy with no violation.
import { createHash } from 'node:crypto';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { serveDist } from './serve-dist.mjs';
import { recordPolicyViolations, useReaderConfig } from './policy.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const articleJson = async (id) => JSON.parse(await readFile(join(projectRoot, 'fixtures', 'articles', `${id}.json`), 'utf8'));
// The one hash is the published pages' start-up loader (src/publish/start_after_first_paint.js).
const STRICT_POLICY = /^default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'/;

let server;
// A second origin that serves the same articles to any origin (CORS), as an attacker's
// server would.
let partner;
let browser;

before(async () => {
  // The partner is in the reader's policy, as a host allowing it would put it: only the
  // reader's own allow-list stands between a refused origin and the page.
  partner = await serveDist(join(projectRoot, 'dist'));
  server = await serveDist(join(projectRoot, 'dist'), { connectSources: [partner.origin] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all([server?.close(), partner?.close()]);
});

async function newWatchedPage() {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  const requestedFromPartner = [];
  page.on('request', (request) => { if (request.url().startsWith(partner.origin)) requestedFromPartner.push(request.url()); });
  return { page, problems, requestedFromPartner };
}

// Each page of the reader that takes an article address from its own URL.
const ENTRY_POINTS = [
  { name: 'the reader page (/?src=)', address: (src) => `${server.origin}/?src=${encodeURIComponent(src)}` },
  { name: "the widget's frame page (embed.html?src=)", address: (src) => `${server.origin}/embed.html?src=${encodeURIComponent(src)}` },
];

for (const entry of ENTRY_POINTS) {
  // Regression: the frame page fetched and showed any article on the reader's origin,
  // without the check that `/?src=` had.
  test(`${entry.name} refuses an article from an origin the configuration does not allow, without asking it`, async () => {
    const { page, problems, requestedFromPartner } = await newWatchedPage();
    const source = `${partner.origin}/articles/initial-plan-criticism.json`;
    const criticism = await articleJson('initial-plan-criticism');
    await page.goto(entry.address(source));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), new RegExp(`${source.replace(/[.:/]/g, '\\$&')} is not from a source this reader is configured to show`));
    assert.equal(await page.getByRole('heading', { name: criticism.headline }).count(), 0, 'no article is shown');
    assert.deepEqual(requestedFromPartner, [], 'the refused origin is never asked');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${entry.name} shows an article from an origin the configuration allows`, async () => {
    const { page, problems, requestedFromPartner } = await newWatchedPage();
    await useReaderConfig(page, { allowed_source_origins: [partner.origin] });
    const criticism = await articleJson('initial-plan-criticism');
    await page.goto(entry.address(`${partner.origin}/articles/initial-plan-criticism.json`));
    await page.getByRole('heading', { level: 1, name: criticism.headline }).waitFor();
    assert.ok(requestedFromPartner.length > 0, 'the article came from the allowed origin');
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("the frame page shows an article on the reader's own origin without any configuration", async () => {
  const { page, problems } = await newWatchedPage();
  const seed = await articleJson('zelensky-kushner-witkoff-call');
  await page.goto(`${server.origin}/embed.html?src=${encodeURIComponent(`${server.origin}/articles/zelensky-kushner-witkoff-call.json`)}&compact`);
  await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
  assert.equal(await page.getByTestId('continue-reading').count(), 1, "the frame page reads the other options from its URL too");
  assert.deepEqual(problems, []);
  await page.close();
});

test('the reader page, an article page and the frame page run under the strict policy with no violation', async () => {
  const { page, problems } = await newWatchedPage();
  const violations = await recordPolicyViolations(page);
  const response = await page.goto(`${server.origin}/`);
  const policy = response.headers()['content-security-policy'] ?? '';
  assert.match(policy, STRICT_POLICY, 'the server sends the policy');
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/, 'nothing inline, no eval');
  await page.getByRole('heading', { level: 1 }).waitFor();
  // `/` is a published page: its display controls are the app's, once it has taken over,
  // and until then the app's view, out of sight, repeats the page's related list.
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]'));
  await page.locator('[data-testid=related]').waitFor();
  // The display controls set their values through the CSSOM, which the policy allows.
  await page.locator('summary', { hasText: 'Display' }).click();
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.locator('output', { hasText: '110%' }).waitFor();
  await page.locator('summary', { hasText: 'Display' }).click();
  await page.getByTestId('related-card').first().locator('a').click();
  await page.waitForURL(/\/articles\//);
  await page.locator('[data-testid=related]').waitFor();
  const inlineScripts = await page.locator('script:not([src])').evaluateAll((scripts) =>
    scripts.map((script) => ({ type: script.type, text: script.textContent })).sort((a, b) => a.type.localeCompare(b.type)));
  assert.deepEqual(inlineScripts.map(({ type }) => type), ['', 'application/ld+json'], 'the start-up loader and the JSON-LD data block');
  const loaderHash = createHash('sha256').update(inlineScripts[0].text).digest('base64');
  assert.ok(policy.includes(`'sha256-${loaderHash}'`), 'the policy allows the loader by its hash and nothing else inline');
  assert.deepEqual(await violations(), []);

  await page.goto(`${server.origin}/embed.html?src=${encodeURIComponent('/articles/florida-meetings-joint-statement.json')}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('html').evaluate((root) => getComputedStyle(document.body).margin), '0px', "the frame page's stylesheet applies");
  assert.deepEqual(await violations(), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the server sends the hosting headers docs/configuration.md recommends', async () => {
  const page = await browser.context.newPage();
  const index = await page.goto(`${server.origin}/`);
  const hashed = [];
  const others = [];
  page.on('response', (response) => {
    const name = new URL(response.url()).pathname.split('/').pop();
    (/^lede-.*[0-9a-f]{12}/.test(name) ? hashed : others).push(response);
  });
  await page.reload();
  // `/` is a published page: the app's files are fetched after its first paint, and have
  // all arrived once the app has taken it over.
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]'));
  for (const response of [index, ...hashed, ...others]) {
    const headers = response.headers();
    assert.equal(headers['x-content-type-options'], 'nosniff', response.url());
    assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin', response.url());
  }
  assert.ok(hashed.length >= 3, 'the wasm, its glue and the stylesheet have hashed names');
  for (const response of hashed) assert.match(response.headers()['cache-control'], /immutable/, response.url());
  for (const response of others) assert.equal(response.headers()['cache-control'], 'no-cache', response.url());
  await page.close();
});
