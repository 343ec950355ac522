import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { benchmarkLoader } from '../../../src/lib/benchmark/loader.ts';
import { measured } from './builders.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder holding the given files, and a minimal stand-in for Astro's loader context. */
function setup(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-loader-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const stored = new Map<string, unknown>();
  const context = {
    store: {
      clear: () => stored.clear(),
      set: ({ id, data }: { id: string; data: unknown }) => stored.set(id, data),
    },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: () => 'digest',
    logger: { info: () => {}, error: () => {} },
  };
  return {
    dir,
    stored,
    context: context as unknown as Parameters<ReturnType<typeof benchmarkLoader>['load']>[0],
  };
}

describe('benchmarkLoader', () => {
  test('stores every valid file under its file name', async () => {
    const { dir, stored, context } = setup({ 'file-formats.json': JSON.stringify(measured()) });
    await benchmarkLoader({ base: dir }).load(context);
    expect([...stored.keys()]).toEqual(['file-formats']);
  });

  test('fails the build with the file, the field and the expectation (fixture)', async () => {
    const { dir, context } = setup({});
    copyFileSync('tests/fixtures/benchmarks/bad-unit.json', join(dir, 'bad-unit.json'));
    copyFileSync(
      'tests/fixtures/benchmarks/unknown-component.json',
      join(dir, 'unknown-component.json'),
    );
    await expect(benchmarkLoader({ base: dir }).load(context)).rejects.toThrow(
      [
        `${join(dir, 'bad-unit.json')}: tables[0].measures[0].unit: expected one of ms, s, bytes, count, MB/s, x`,
        `${join(dir, 'unknown-component.json')}: components[1]: "data-lake" is not a component in diagram/graph.yaml. Known components: batch-sources,`,
      ].join('\n'),
    );
  });

  test('refuses quick-mode results and file names that are not ids', async () => {
    const quick = measured({
      provenance: { ...(measured() as { provenance: object }).provenance, mode: 'quick' },
    });
    const { dir, context } = setup({
      'file-formats.json': JSON.stringify(quick),
      'File Formats.json': '{}',
    });
    await expect(benchmarkLoader({ base: dir }).load(context)).rejects.toThrow(
      /must be a kebab-case id[\s\S]*provenance\.mode: is "quick"/,
    );
  });
});
