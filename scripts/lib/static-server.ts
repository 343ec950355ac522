// The one static server of the built site (npm run serve, the end-to-end tests, the audits). It
// answers like GitHub Pages does: gzip for text, the site's 404 page, a redirect from /dir to
// /dir/ so relative links keep working. Lighthouse's simulated network uses the bytes actually
// sent, so an uncompressed server would understate the site.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
  // Pagefind's index files are already compressed.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.xml',
  '.txt',
  '.yaml',
  '.yml',
]);

/** A running server; `origin` is e.g. http://127.0.0.1:4410. */
export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** Serve `dir` under `base` on 127.0.0.1 (port 0 picks a free one). */
export async function startStaticServer(dir: string, base = '/', port = 0): Promise<StaticServer> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const resolve = (urlPath: string): string | undefined => {
    if (!urlPath.startsWith(root)) return undefined;
    const rel = normalize(decodeURIComponent(urlPath.slice(root.length))).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(dir, rel);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!urlPath.endsWith('/')) return undefined; // redirected to the slash form below
      file = join(file, 'index.html');
    }
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = resolve(path);
    if (!file && !path.endsWith('/') && resolve(`${path}/`)) {
      res.writeHead(301, { Location: `${path}/` }).end();
      return;
    }
    const target = file ?? join(dir, '404.html');
    const ext = extname(target);
    let body: Buffer = existsSync(target)
      ? readFileSync(target)
      : Buffer.from(`Not found: ${path}\n`);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'max-age=600',
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(file ? 200 : 404, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
