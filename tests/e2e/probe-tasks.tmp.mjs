import { launchChromium } from './browser.mjs';
const origin = process.argv[2];
const browser = await launchChromium();
for (let run = 0; run < 4; run++) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]'), null, { timeout: 30000 });
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => ({
    tasks: window.__tasks,
    marks: performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
    fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
    resources: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)]),
  }));
  console.log(JSON.stringify(result));
  await page.close();
}
await browser.close();
