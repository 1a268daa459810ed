// Debian's Chromium for the end-to-end tests, launched the one way that works here: as root
// it needs --no-sandbox, and the network flags stop it from calling home, which this
// machine's closed network would refuse noisily. Each launch gets a fresh profile folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Launches headless Chromium; resolves to `{ context, close }`. `javaScriptEnabled: false`
 * makes a browser that runs no script, as a crawler or a reader who turned scripts off. */
export async function launchChromium({ javaScriptEnabled = true } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'lede-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.LEDE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
