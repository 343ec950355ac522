import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadBenchmarkDir } from '../../../src/lib/benchmark/parse.ts';
import { publishingGateFailures } from '../../../src/lib/benchmark/schema.ts';
import { parseGraph } from '../../../src/lib/graph/validate-graph.ts';

const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
const load = () =>
  loadBenchmarkDir('content/benchmarks', {
    componentIds: graph.nodes.map((n) => n.id),
    requireFullRuns: true,
  });
const files = (() => {
  try {
    return load();
  } catch {
    return [];
  }
})();

describe('content/benchmarks', () => {
  test('every file is valid, names known components and holds full runs only', () => {
    expect(load).not.toThrow();
    expect(files.length).toBeGreaterThan(0);
  });

  test('every published figure names its source, a date for the source or the row, and a licence', () => {
    for (const { id, data } of files) {
      if (data.kind !== 'published') continue;
      for (const s of data.sources) expect(s.licence, `${id}/${s.id}`).not.toBe('');
      for (const t of data.tables)
        for (const row of t.rows) {
          const source = data.sources.find((s) => s.id === (row.source ?? data.sources[0]!.id))!;
          expect(row.date ?? source.date ?? data.retrieved, `${id}/${t.id}/${row.id}`).toMatch(
            /^\d{4}/,
          );
        }
    }
  });

  test('ClickBench figures keep their attribution and licence', () => {
    const clickbench = files.find((f) => f.id === 'clickbench-c6a-4xlarge')?.data;
    expect(clickbench?.kind).toBe('published');
    if (clickbench?.kind !== 'published') return;
    expect(clickbench.sources[0]!.licence).toMatch(/CC BY-NC-SA 4\.0/);
    expect(clickbench.licence).toMatch(/^CC BY-NC-SA 4\.0.*not covered by the site’s MIT licence/);
    expect(clickbench.sources[0]!.url).toMatch(/^https:\/\/github\.com\/ClickHouse\/ClickBench\//);
  });
});

describe('measured results on the site', () => {
  test('each either passes the publishing gate or is labelled provisional with the gate’s reasons', () => {
    const measured = files.filter((f) => f.data.kind === 'measured');
    expect(measured.length).toBeGreaterThan(0);
    for (const { id, data } of measured) {
      if (data.kind !== 'measured') continue;
      const failures = publishingGateFailures(data.provenance);
      if (failures.length === 0) expect(data.status, id).toBeUndefined();
      else expect(data.status?.reason, id).toMatch(/busy|load|uncommitted|runs/);
      expect(data.scope, id).toMatch(/; not /);
    }
  });
});
