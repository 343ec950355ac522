// A local stand-in for an object store: serves files over HTTP with single byte-range GETs (as S3
// does), waits a fixed time before the first byte of every response, and counts requests and bytes.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

/** An inclusive byte range of a file, as the Range header names it. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The byte range a Range header asks for in a file of `size` bytes: undefined without a header
 * (the whole file), 'unsatisfiable' for a range outside the file. One range only: S3 does not
 * serve several ranges in one GET, so a list of ranges is an error here too.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === ''))
    throw new Error(
      `Range "${header}": expected one range, bytes=START-END, bytes=START- or bytes=-SUFFIX`,
    );
  const [, from, to] = match;
  if (from === '') {
    // bytes=-N: the last N bytes.
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** What the server has served since the last reset. */
export interface ServedCounts {
  /** GET requests answered, whole-file or ranged. */
  gets: number;
  /** HEAD requests answered. */
  heads: number;
  /** Response body bytes sent. */
  bytes: number;
}

/** A running range server. */
export interface RangeServer {
  /** Base URL, e.g. http://127.0.0.1:41234/ ; a file's URL is the base plus its path under the root. */
  url: string;
  /** Counts since the last reset. */
  counts: () => ServedCounts;
  /** Zero the counts. */
  reset: () => void;
  close: () => Promise<void>;
}

/** The file under `root` a URL path names, or undefined when it would leave the root. */
export function fileForUrlPath(root: string, urlPath: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(urlPath.split('?')[0]!)));
  return path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : undefined;
}

/**
 * Serve the files under `root` on 127.0.0.1 with `latencyMs` before the first byte of every
 * response (the object store's time to first byte; transfer itself runs at loopback speed).
 */
export async function startRangeServer(root: string, latencyMs: number): Promise<RangeServer> {
  const counts: ServedCounts = { gets: 0, heads: 0, bytes: 0 };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const fail = (status: number, message: string) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(message);
    };
    const file = fileForUrlPath(root, req.url ?? '/');
    let size: number;
    try {
      if (!file) throw new Error('outside root');
      size = statSync(file).size;
    } catch {
      return fail(404, `no such object: ${req.url}`);
    }
    if (req.method === 'HEAD') {
      counts.heads++;
      res.writeHead(200, { 'content-length': size, 'accept-ranges': 'bytes' });
      return res.end();
    }
    if (req.method !== 'GET') return fail(405, `method ${req.method} not allowed: GET or HEAD`);
    let range: ReturnType<typeof parseRange>;
    try {
      range = parseRange(req.headers.range, size);
    } catch (error) {
      return fail(400, (error as Error).message);
    }
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'content-range': `bytes */${size}` });
      return res.end();
    }
    counts.gets++;
    const { start, end } = range ?? { start: 0, end: size - 1 };
    counts.bytes += end - start + 1;
    const headers = {
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    };
    res.writeHead(range ? 206 : 200, headers);
    if (end < start) return res.end();
    createReadStream(file, { start, end }).pipe(res);
  };
  const server = createServer((req, res) => {
    setTimeout(() => handle(req, res), latencyMs);
  });
  // Clients keep connections alive, as object-store clients pool them; latency is per request.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    counts: () => ({ ...counts }),
    reset: () => Object.assign(counts, { gets: 0, heads: 0, bytes: 0 }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
