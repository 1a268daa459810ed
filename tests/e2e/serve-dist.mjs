// The end-to-end tests' HTTP server: `cargo xtask serve-test DIST`, an axum server that
// serves the built dist/ on 127.0.0.1 the way a production host would, plus the faults
// listed in xtask/src/test_server.rs at /articles/fault-NAME.json. `cargo xtask test`
// passes its own binary in LEDE_XTASK; run alone, the tests use target/debug/xtask.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Starts serving `distDir` on a free loopback port; resolves to `{ origin, close }`.
 * `connectSources` are origins the reader's Content Security Policy allows requests to,
 * besides its own and those of dist/lede.config.json. `unpublished` serves the app's shell
 * where a published page would be: the reader as a single-page app.
 */
export async function serveDist(distDir, { connectSources = [], unpublished = false } = {}) {
  const xtask = process.env.LEDE_XTASK || join(projectRoot, 'target', 'debug', 'xtask');
  const extra = connectSources.flatMap((origin) => ['--connect-src', origin]);
  if (unpublished) extra.push('--unpublished');
  const child = spawn(xtask, ['serve-test', distDir, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [firstLine] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => { throw new Error(`the test server exited with ${code} before listening`); }),
  ]);
  const origin = firstLine.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
  if (!origin) throw new Error(`the test server said ${JSON.stringify(firstLine)}`);
  return {
    origin,
    close: async () => {
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
    },
  };
}
