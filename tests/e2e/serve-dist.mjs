// A static server for the built dist/ on 127.0.0.1, the way a production host would
// serve the reader: files by path, and index.html for any other path without a file
// extension, so that deep links such as /articles/{id} load the app.
//
// It also injects faults a browser cannot be made to produce with request interception:
// /articles/fault-unannounced-3mb.json streams 3 MB with no Content-Length (chunked).
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

/** Starts serving `distDir` on a free loopback port; resolves to `{ origin, close }`. */
export async function serveDist(distDir) {
  const root = normalize(distDir);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    if (path === '/articles/fault-unannounced-3mb.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = ' '.repeat(64 * 1024);
      for (let sent = 0; sent < 3 * 1024 * 1024 && !response.destroyed; sent += chunk.length) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
      }
      response.end('{}');
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
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
