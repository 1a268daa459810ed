import { launchChromium } from './browser.mjs';
const origin = process.argv[2];
const browser = await launchChromium();
for (let run = 0; run < 2; run++) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.execute,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => !document.querySelector('[data-lede-published]'), null, { timeout: 30000 });
  await page.waitForTimeout(1000);
  await cdp.send('Tracing.end');
  await done;
  // The renderer's main thread: where the navigation's ParseHTML ran.
  const parse = events.find((e) => e.name === 'ParseHTML');
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 40000);
  const t0 = Math.min(...main.filter(e=>e.ts>0).map((e) => e.ts));
  const marks = main.concat(events).filter((e) => e.cat?.includes('user_timing') && e.name.startsWith('t:')).map((e) => `${e.name}@${Math.round((e.ts - t0) / 1000)}`);
  console.log('run', run, [...new Set(marks)].join(' '));
  for (const task of tasks) {
    const inside = main.filter((e) => e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e !== task);
    const byName = {};
    for (const e of inside) byName[e.name] = (byName[e.name] ?? 0) + e.dur;
    const top = Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 9).map(([n, d]) => `${n}:${Math.round(d / 1000)}`);
    console.log(`  task @${Math.round((task.ts - t0) / 1000)} ${Math.round(task.dur / 1000)}ms`, top.join(' '));
    const calls = inside.filter((e) => ['FunctionCall', 'EvaluateScript', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'v8.callFunction'].includes(e.name)).slice(0, 6);
    for (const e of calls) console.log('     ', e.name, Math.round(e.dur / 1000), JSON.stringify(e.args?.data ?? {}).slice(0, 160));
  }
  await page.close();
}
await browser.close();
