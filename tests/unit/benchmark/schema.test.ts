import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BenchmarkSchema } from '../../../src/lib/benchmark/schema.ts';
import {
  benchmarkIdOf,
  findBenchmarkProblems,
  parseBenchmarkText,
} from '../../../src/lib/benchmark/parse.ts';
import { measured, published, table } from './builders.ts';

const parse = (value: unknown, file = 'content/benchmarks/x.json') =>
  parseBenchmarkText(JSON.stringify(value), file);
const fixture = (name: string) => readFileSync(`tests/fixtures/benchmarks/${name}`, 'utf8');

describe('benchmark schema', () => {
  test('accepts a measured benchmark and normalises single figures into runs', () => {
    const data = parse(measured());
    expect(data.tables[0]!.rows[0]!.cells['size']).toEqual({ runs: [4000] });
    expect(data.tables[0]!.rows[0]!.cells['time']).toEqual({ runs: [100, 120, 110] });
    expect(data.tables[0]!.measures[0]).toMatchObject({ better: 'lower', ratio: true });
    expect(data.tables[0]!.rowLabel).toBe('Variant');
  });

  test('accepts a published benchmark, keeping null figures and defaulting the staleness window', () => {
    const data = parse(published());
    expect(data.kind === 'published' && data.staleAfterYears).toBe(2);
    expect(data.tables[0]!.rows[1]!.cells['total']).toBeNull();
  });

  test('names the file, the field and the expectation for a bad unit (fixture)', () => {
    expect(() =>
      parseBenchmarkText(fixture('bad-unit.json'), 'tests/fixtures/benchmarks/bad-unit.json'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[DataError: tests/fixtures/benchmarks/bad-unit.json: tables[0].measures[0].unit: expected one of ms, s, bytes, count, MB/s, x]`,
    );
  });

  test('rejects a cell keyed by a measure the table does not have, listing the measures', () => {
    const bad = measured({
      tables: [table({ rows: [{ id: 'csv', label: 'CSV', cells: { tiem: 5 } }] })],
    });
    expect(() => parse(bad)).toThrowErrorMatchingInlineSnapshot(
      `[DataError: content/benchmarks/x.json: tables[0].rows[0].cells.tiem: "tiem" is not a measure of this table. Known measures: time, size]`,
    );
  });

  test('rejects a baseline row that is not in the table', () => {
    expect(() => parse(measured({ tables: [table({ compare: { row: 'json' } })] }))).toThrow(
      /tables\[0\]\.compare\.row: "json" is not a row of this table\. Known rows: csv, parquet/,
    );
  });

  test('rejects a chart mixing units', () => {
    expect(() =>
      parse(measured({ tables: [table({ chart: { measures: ['time', 'size'] } })] })),
    ).toThrow(/tables\[0\]\.chart\.measures: charted measures must share one unit; got ms, bytes/);
  });

  test('rejects a published row citing a source that does not exist', () => {
    const base = published();
    const bad = {
      ...base,
      tables: [
        {
          ...base.tables[0]!,
          rows: [{ id: 'a', label: 'A', source: 'blog', cells: { total: 1 } }],
        },
      ],
    };
    expect(() => parse(bad)).toThrow(
      /tables\[0\]\.rows\[0\]\.source: "blog" is not a source of this benchmark\. Known sources: vendor/,
    );
  });

  test('requires an https source URL and a licence for published figures', () => {
    const base = published();
    const bad = {
      ...base,
      sources: [
        {
          ...(base as { sources: object[] }).sources[0],
          url: 'http://example.com',
          licence: undefined,
        },
      ],
    };
    const result = BenchmarkSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'sources.0.url: expected an https:// URL',
      'sources.0.licence: Invalid input: expected string, received undefined',
    ]);
  });

  test('rejects an unknown kind and text that is not JSON, naming the file', () => {
    expect(() => parse({ kind: 'guessed' })).toThrow(
      /^content\/benchmarks\/x\.json: kind: expected kind "measured" or "published"/,
    );
    expect(() => parseBenchmarkText('{ "kind": ', 'content/benchmarks/y.json')).toThrow(
      /^content\/benchmarks\/y\.json: not valid JSON/,
    );
  });
});

describe('benchmark cross-checks', () => {
  const options = { componentIds: ['data-storage', 'adhoc-cluster'], requireFullRuns: true };

  test('reports a component id that is not in the graph, listing the known ones (fixture)', () => {
    const file = 'tests/fixtures/benchmarks/unknown-component.json';
    const data = parseBenchmarkText(fixture('unknown-component.json'), file);
    expect(findBenchmarkProblems(file, data, options)).toMatchInlineSnapshot(`
      [
        "tests/fixtures/benchmarks/unknown-component.json: components[1]: "data-lake" is not a component in diagram/graph.yaml. Known components: data-storage, adhoc-cluster",
      ]
    `);
  });

  test('refuses quick-mode results where only full runs are published', () => {
    const quick = parse(
      measured({
        provenance: { ...(measured() as { provenance: object }).provenance, mode: 'quick' },
      }),
    );
    expect(findBenchmarkProblems('content/benchmarks/x.json', quick, options)).toEqual([
      'content/benchmarks/x.json: provenance.mode: is "quick"; only full runs are published. Run `npm run bench` without --quick.',
    ]);
    expect(
      findBenchmarkProblems('/tmp/x.json', quick, { ...options, requireFullRuns: false }),
    ).toEqual([]);
  });

  test('derives the benchmark id from a kebab-case file name only', () => {
    expect(benchmarkIdOf('file-formats.json')).toBe('file-formats');
    expect(benchmarkIdOf('File Formats.json')).toBeUndefined();
    expect(benchmarkIdOf('notes.yaml')).toBeUndefined();
  });
});

describe('publishing gate', () => {
  const provenance = (over: Record<string, unknown>) => ({
    ...(measured() as { provenance: Record<string, unknown> }).provenance,
    ...over,
  });
  const machine = (load: [number, number, number]) => ({
    ...(provenance({}).machine as object),
    loadAverage: { start: load, end: [0.4, 0.4, 0.4] },
  });

  test('rejects a full result from a dirty checkout, naming the dirty paths', () => {
    const bad = measured({
      provenance: provenance({
        commit: { sha: '5ef5d90', dirty: true, dirtyPaths: ['M scripts/lib/bench/measure.ts'] },
      }),
    });
    expect(() => parse(bad)).toThrow(
      /provenance: not publishable: the tooling had uncommitted changes \(M scripts\/lib\/bench\/measure\.ts\)/,
    );
  });

  test('rejects a full result run above half the cores’ load, with the limit', () => {
    expect(() =>
      parse(measured({ provenance: provenance({ machine: machine([1.01, 1, 1]) }) })),
    ).toThrow(
      /1-minute load average at start was 1\.01 on 2 cores; expected at most 1 \(half the cores\)/,
    );
    expect(() =>
      parse(measured({ provenance: provenance({ machine: machine([1, 1, 1]) }) })),
    ).not.toThrow();
  });

  test('does not hold the end load against a run (it counts the benchmark itself) but rejects other processes’ CPU above a tenth of the cores', () => {
    const busyEnd = {
      ...machine([0.2, 0.2, 0.2]),
      loadAverage: { start: [0.2, 0.2, 0.2], end: [1.9, 1.2, 0.8] },
    };
    expect(() =>
      parse(measured({ provenance: provenance({ machine: { ...busyEnd, otherCpu: 0.2 } }) })),
    ).not.toThrow();
    expect(() =>
      parse(measured({ provenance: provenance({ machine: { ...busyEnd, otherCpu: 0.21 } }) })),
    ).toThrow(
      /other processes used 0\.21 cores on average during the run; expected at most 0\.2 \(a tenth of the 2 cores\)/,
    );
  });

  test('rejects a full result that did not record other processes’ CPU', () => {
    const unmeasured = machine([0.2, 0.2, 0.2]) as { otherCpu?: number };
    delete unmeasured.otherCpu;
    expect(() => parse(measured({ provenance: provenance({ machine: unmeasured }) }))).toThrow(
      /the CPU used by other processes during the run was not recorded/,
    );
  });

  test('rejects a full result with fewer than 10 measured runs', () => {
    expect(() =>
      parse(measured({ provenance: provenance({ plan: { warmup: 1, runs: 9 } }) })),
    ).toThrow(/9 measured runs; expected at least 10 after warm-up/);
  });

  test('accepts a result that fails the gate only when it is marked provisional with a reason', () => {
    const noisy = {
      provenance: provenance({
        commit: { sha: '5ef5d90', dirty: true },
        machine: machine([2.5, 2, 2]),
      }),
    };
    expect(() => parse(measured(noisy))).toThrow(/not publishable/);
    expect(
      parse(
        measured({
          ...noisy,
          status: {
            state: 'provisional',
            reason: 'measured on a busy machine (load 2.5 on 2 cores)',
          },
        }),
      ).kind,
    ).toBe('measured');
    expect(() =>
      parse(measured({ ...noisy, status: { state: 'provisional', reason: 'busy' } })),
    ).toThrow(/status\.reason: say why the result is not publishable/);
    expect(() =>
      parse(
        measured({
          ...noisy,
          status: { state: 'final', reason: 'measured on a busy machine, really' },
        }),
      ),
    ).toThrow(/status\.state: expected "provisional"/);
  });

  test('does not hold quick smoke runs to the gate', () => {
    expect(() =>
      parse(
        measured({
          provenance: provenance({
            mode: 'quick',
            plan: { warmup: 0, runs: 2 },
            machine: machine([3, 3, 3]),
          }),
        }),
      ),
    ).not.toThrow();
  });
});
