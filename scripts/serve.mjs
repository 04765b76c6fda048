#!/usr/bin/env node
// Serves the built demo on 127.0.0.1 with a strict Content-Security-Policy, as a newsroom page would.
// Usage: node scripts/serve.mjs [--port 8080]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(
  process.argv.includes('--root') ? process.argv[process.argv.indexOf('--root') + 1] : '.',
);
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 8080);
/** Content types by file extension (bench/page.mjs serves with the same). */
export const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};
const csp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

/** Serves `dir`; `{ csp: false }` drops the CSP header (bench peer pages: Vega compiles expressions with Function). */
export function startServer(p = port, dir = root, { csp: withCsp = true } = {}) {
  const headers = (type) => ({
    'content-type': type,
    ...(withCsp ? { 'content-security-policy': csp } : {}),
  });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/' || path === '\\') path = '/demo/index.html';
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        ...headers(types[extname(file)] ?? 'application/octet-stream'),
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, headers('text/plain; charset=utf-8'));
      res.end('not found');
    }
  });
  return new Promise((done) => server.listen(p, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer();
  const { port: actual } = server.address();
  console.log(
    `parsec-widgets demo: http://127.0.0.1:${actual}/  (English: /demo/article-en.html, French: /demo/article-fr.html)`,
  );
  console.log('Stop with Ctrl+C.');
}
