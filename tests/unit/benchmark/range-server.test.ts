import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  fileForUrlPath,
  parseRange,
  startRangeServer,
  type RangeServer,
} from '../../../scripts/lib/bench/range-server.ts';

describe('parseRange', () => {
  test('reads a closed range, an open range and a suffix range, as inclusive byte offsets', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-8', 100)).toEqual({ start: 92, end: 99 });
  });

  test('clamps an end past the file and a suffix longer than the file', () => {
    expect(parseRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  test('means the whole file without a header and nothing for a range outside it', () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=9-3', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
  });

  test('rejects several ranges in one request, as S3 does, saying what it accepts', () => {
    expect(() => parseRange('bytes=0-1,5-6', 100)).toThrowErrorMatchingInlineSnapshot(
      `[Error: Range "bytes=0-1,5-6": expected one range, bytes=START-END, bytes=START- or bytes=-SUFFIX]`,
    );
    expect(() => parseRange('items=0-1', 100)).toThrow('expected one range');
  });
});

test('fileForUrlPath keeps requests inside the served folder', () => {
  expect(fileForUrlPath('/srv/data', '/a/b%3D1.parquet')).toBe('/srv/data/a/b=1.parquet');
  expect(fileForUrlPath('/srv/data', '/../secret')).toBeUndefined();
  expect(fileForUrlPath('/srv/data', '/%2E%2E/secret')).toBeUndefined();
});

describe('startRangeServer', () => {
  let dir: string;
  let server: RangeServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'range-server-'));
    writeFileSync(join(dir, 'object.bin'), Buffer.from('0123456789'));
    server = await startRangeServer(dir, 30);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('answers a range GET with 206 and exactly those bytes, after the added latency, and counts it', async () => {
    server.reset();
    const t0 = performance.now();
    const res = await fetch(`${server.url}object.bin`, { headers: { Range: 'bytes=2-4' } });
    const body = await res.text();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(29);
    expect([res.status, res.headers.get('content-range'), body]).toEqual([
      206,
      'bytes 2-4/10',
      '234',
    ]);
    expect(server.counts()).toEqual({ gets: 1, heads: 0, bytes: 3 });
  });

  test('counts a whole-object GET and a HEAD separately; a HEAD sends no body bytes', async () => {
    server.reset();
    expect(await (await fetch(`${server.url}object.bin`)).text()).toBe('0123456789');
    const head = await fetch(`${server.url}object.bin`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('10');
    expect(server.counts()).toEqual({ gets: 1, heads: 1, bytes: 10 });
  });

  test('does not count failed requests: a missing object, a range outside it, several ranges', async () => {
    server.reset();
    expect((await fetch(`${server.url}missing.bin`)).status).toBe(404);
    expect(
      (await fetch(`${server.url}object.bin`, { headers: { Range: 'bytes=50-' } })).status,
    ).toBe(416);
    expect(
      (await fetch(`${server.url}object.bin`, { headers: { Range: 'bytes=0-1,4-5' } })).status,
    ).toBe(400);
    expect(server.counts()).toEqual({ gets: 0, heads: 0, bytes: 0 });
  });
});
