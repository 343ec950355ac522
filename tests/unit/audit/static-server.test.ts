import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/static-server.ts';

describe('the audit server', () => {
  let dir: string;
  let server: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bp-static-'));
    mkdirSync(join(dir, 'data-storage'));
    writeFileSync(join(dir, 'index.html'), '<h1>Map</h1>'.repeat(50));
    writeFileSync(join(dir, 'data-storage', 'index.html'), '<h1>Data storage</h1>');
    writeFileSync(join(dir, '404.html'), '<h1>Page not found</h1>');
    server = await startStaticServer(dir, '/pr-7/');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('serves pages under the base path, gzipped like GitHub Pages when the client accepts it', async () => {
    const res = await fetch(`${server.origin}/pr-7/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('<h1>Map</h1>');
  });

  test('redirects a folder without its slash, and answers unknown or out-of-base paths with the 404 page', async () => {
    const redirect = await fetch(`${server.origin}/pr-7/data-storage`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/pr-7/data-storage/');
    for (const path of ['/pr-7/nope/', '/data-storage/']) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Page not found');
    }
  });

  test('sends the bytes uncompressed to a client that does not accept gzip', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<Buffer>((resolve) =>
      request(`${server.origin}/pr-7/data-storage/`, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      }).end(),
    );
    expect(body.toString()).toBe('<h1>Data storage</h1>');
    expect(() => gunzipSync(body)).toThrow();
  });
});
