// A static server for the built dist/ on 127.0.0.1, the way a production host would
// serve the reader: files by path, and index.html for any other path without a file
// extension, so that deep links such as /articles/{id} load the app.
//
// It also injects faults, at article paths the app asks for like any other article
// (/articles/fault-NAME.json, opened as /articles/fault-NAME). See FAULTS below.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The faults, by article id. Each handler writes a whole (broken) answer. `attempt` counts
 * requests for that path since the server started, for faults that change over time.
 */
export const FAULTS = {
  // Headers never come: the reader's 10-second deadline must end the wait.
  'fault-no-answer': async (response) => { await sleep(15_000); if (!response.destroyed) response.end(); },
  // Headers at once, then one byte every 500 ms: the deadline covers the body too.
  'fault-trickle': async (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    for (let i = 0; i < 40 && !response.destroyed; i += 1) { response.write(' '); await sleep(500); }
    response.end();
  },
  // Half the promised body, then the connection is cut.
  'fault-drop-halfway': (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
    response.write(' '.repeat(2000));
    response.socket.destroy();
  },
  // A server error, then the article: the retry must find it.
  'fault-500-then-200': (response, attempt, dist) => attempt === 1
    ? response.writeHead(500, { 'content-type': 'text/plain' }).end('failed')
    : serveFile(response, join(dist, 'articles', 'florida-meetings-joint-statement.json')),
  // Busy with a Retry-After of one second, then the article.
  'fault-503-retry-after': (response, attempt, dist) => attempt === 1
    ? response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('busy')
    : serveFile(response, join(dist, 'articles', 'kremlin-response-27-point-plan.json')),
  'fault-404': (response) => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
  'fault-html-page': (response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>502 Bad Gateway</h1>'),
  // Announced as 10 MB: refused before reading.
  'fault-10mb': async (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) });
    const chunk = ' '.repeat(64 * 1024);
    for (let sent = 0; sent < 10 * 1024 * 1024 && !response.destroyed; sent += chunk.length) {
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  },
  // 3 MB with no Content-Length (chunked): cut off while reading.
  'fault-unannounced-3mb': async (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const chunk = ' '.repeat(64 * 1024);
    for (let sent = 0; sent < 3 * 1024 * 1024 && !response.destroyed; sent += chunk.length) {
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end('{}');
  },
  'fault-invalid-json': (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"schema_version": "1.0.0", "id": '),
  // Valid JSON that breaks the format's rules.
  'fault-invalid-article': (response) => response.writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ schema_version: '1.0.0', id: 'x', headline: '', outlet: { name: 'T' }, category: { name: 'C' },
      summary: 'S', published: 'yesterday', body: [{ heading: 'H', blocks: [{ type: 'paragraph', text: [{ text: 'x', href: 'javascript:alert(1)' }] }] }] })),
};

async function serveFile(response, path) {
  try {
    const body = await readFile(path);
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/** Starts serving `distDir` on a free loopback port; resolves to `{ origin, close }`. */
export async function serveDist(distDir) {
  const root = normalize(distDir);
  const attempts = new Map();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const fault = path.match(/^\/articles\/(fault-[a-z0-9-]+)\.json$/)?.[1];
    if (fault && FAULTS[fault]) {
      const attempt = (attempts.get(fault) ?? 0) + 1;
      attempts.set(fault, attempt);
      response.on('error', () => {});
      await FAULTS[fault](response, attempt, root);
      return;
    }
    const filePath = normalize(join(root, path));
    if (!filePath.startsWith(root + sep) && filePath !== root) {
      response.writeHead(403).end();
      return;
    }
    const extension = extname(filePath);
    const target = extension === '' ? join(root, 'index.html') : filePath;
    try {
      const body = await readFile(target);
      // Articles may be read from another origin (a reader configured to allow this one).
      const cors = extname(target) === '.json' ? { 'access-control-allow-origin': '*' } : {};
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream', ...cors });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    resetAttempts: () => attempts.clear(),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
