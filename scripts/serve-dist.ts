// A small static server for the built site, used by the end-to-end tests and audits. Unlike
// `astro preview` (one per project), several can run at once, on any port and base path.
//   node scripts/serve-dist.ts [--port=4400] [--dir=dist] [--base=/]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { parseCommandLine } from './lib/cli.ts';

const { values } = parseCommandLine({
  command: 'node scripts/serve-dist.ts',
  summary: 'Serve the built site on localhost, under a base path, for tests and audits.',
  options: {
    port: { type: 'string', default: '4400', help: 'port to listen on (default 4400)' },
    dir: { type: 'string', default: process.env.OUT_DIR ?? 'dist', help: 'build folder (default OUT_DIR or dist)' },
    base: { type: 'string', default: process.env.BASE_PATH ?? '/', help: 'base path the site is built for (default BASE_PATH or /)' },
  },
});
const port = Number(values.port);
const dir = values.dir;
const base = values.base.replace(/\/?$/, '/');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.zip': 'application/zip',
  '.yaml': 'text/plain; charset=utf-8', '.yml': 'text/plain; charset=utf-8', '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
};

/**
 * The file that serves a URL path, or undefined. Directory URLs ending in "/" serve their
 * index.html; without the slash they resolve to nothing, so the caller redirects (as GitHub
 * Pages does) and relative links on the page keep working.
 */
function resolve(urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rel = normalize(decodeURIComponent(urlPath.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, rel);
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!urlPath.endsWith('/')) return undefined;
    file = join(file, 'index.html');
  }
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = resolve(path);
  if (!file && path.startsWith(base) && !path.endsWith('/') && resolve(`${path}/`)) {
    res.writeHead(301, { Location: `${path}/` }).end();
    return;
  }
  const target = file ?? join(dir, '404.html');
  if (!existsSync(target)) {
    res.writeHead(404, { 'Content-Type': TYPES['.txt']! }).end(`Not found: ${path}\n`);
    return;
  }
  res.writeHead(file ? 200 : 404, { 'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream' });
  createReadStream(target).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`Serving ${dir} at http://127.0.0.1:${port}${base}`));
