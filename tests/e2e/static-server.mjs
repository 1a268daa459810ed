// A plain static file server, as the simplest host of a published site would be: files
// as they are, a folder's index.html under its address with a slash (a folder without one
// is redirected there, as nginx, Apache and most static hosts do), and the site's own
// 404.html with status 404 for anything else, as GitHub Pages and Netlify do. No
// single-page fallback, no compression, no policy headers.
import { createServer } from 'node:http';
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
};

/** Serves `root` on a free loopback port; resolves to `{ origin, requests, close }`, where
 * `requests` lists every path asked for. */
export async function serveStatic(root) {
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    requests.push(path);
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return notFound(response, root);
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { location: `${path}/` });
          return response.end();
        }
        return send(response, join(file, 'index.html'));
      }
      return send(response, file);
    } catch {
      return notFound(response, root);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function send(response, file) {
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    end(response, 404);
  }
}

async function notFound(response, root) {
  try {
    const body = await readFile(join(root, '404.html'));
    response.writeHead(404, { 'content-type': TYPES['.html'] });
    response.end(body);
  } catch {
    end(response, 404);
  }
}

function end(response, status) {
  response.writeHead(status, { 'content-type': 'text/plain' });
  response.end('not found');
}
