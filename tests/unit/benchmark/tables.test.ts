import { describe, expect, test } from 'vitest';
import { BenchmarkSchema, type Benchmark } from '../../../src/lib/benchmark/schema.ts';
import {
  isOldResult,
  listRuns,
  selectTables,
  tableContext,
  toTableView,
} from '../../../src/lib/benchmark/tables.ts';
import { measured, published, table } from './builders.ts';

const build = (input: unknown): Benchmark => BenchmarkSchema.parse(input);

describe('toTableView', () => {
  test('leads each cell with its ratio to the baseline row, then the median and the spread', () => {
    const view = toTableView(build(measured()).tables[0]!);
    expect(view.compareNote).toBe('Ratios compare each row with “CSV” (the baseline).');
    const [csv, parquet] = view.rows;
    expect(csv!.baseline).toBe(true);
    expect(csv!.cells[0]).toMatchObject({
      value: '110 ms',
      range: '100 ms – 120 ms',
      runs: 3,
      ratio: undefined,
      baseline: true,
    });
    expect(parquet!.cells.map((c) => [c.ratio?.text, c.ratio?.verdict, c.value])).toEqual([
      ['22× faster', 'better', '5 ms'],
      ['4× smaller', 'better', '1 kB'],
    ]);
    expect(parquet!.cells[1]!.range).toBeUndefined();
  });

  test('compares columns within a row when the baseline is a measure', () => {
    const t = table({
      compare: { measure: 'reload' },
      measures: [
        { id: 'reload', label: 'Full reload', unit: 'ms' },
        { id: 'merge', label: 'MERGE', unit: 'ms' },
        { id: 'rows', label: 'Rows read', unit: 'count', ratio: false },
      ],
      rows: [
        { id: 'small', label: '0.1 %', cells: { reload: 1000, merge: 50, rows: 2000 } },
        { id: 'large', label: '50 %', cells: { reload: 1000, merge: 1500, rows: 1_000_000 } },
      ],
    });
    const view = toTableView(build(measured({ tables: [t] })).tables[0]!);
    expect(view.measures.map((m) => m.baseline)).toEqual([true, false, false]);
    expect(view.rows.map((r) => r.cells.map((c) => c.ratio?.text ?? c.value))).toEqual([
      ['1 s', '20× faster', '2,000'],
      ['1 s', '1.5× slower', '1,000,000'],
    ]);
  });

  test('shows absolute figures only when the table has no comparison, and marks missing figures', () => {
    const data = build(published());
    const view = toTableView(data.tables[0]!, tableContext(data));
    expect(view.compareNote).toBeUndefined();
    expect(view.rows[0]!.cells[0]).toMatchObject({ value: '100 s', ratio: undefined });
    expect(view.rows[1]!.cells[0]).toMatchObject({ missing: true, runs: 0 });
  });

  test('cites a single source once for the table and flags results older than two years before retrieval', () => {
    const data = build(published());
    const view = toTableView(data.tables[0]!, tableContext(data));
    expect([view.hasSources, view.hasDates]).toEqual([false, true]);
    expect(view.singleSource).toEqual({
      id: 'vendor',
      label: 'Vendor Inc. (vendor of A)',
      href: 'https://example.com/r',
      stance: 'vendor',
      date: '2025-01-31',
    });
    expect(view.rows.map((r) => r.date)).toEqual([
      { text: '2022-07-01', old: true },
      { text: '2026-05-11', old: false },
    ]);
  });

  test('gives every row its own source when a table mixes sources', () => {
    const base = published();
    const two = {
      ...base,
      sources: [
        ...(base as { sources: object[] }).sources,
        {
          id: 'blog',
          title: 'Re-run',
          url: 'https://example.org/b',
          publisher: 'A blogger',
          stance: 'independent',
          licence: 'cited',
        },
      ],
      tables: [
        {
          ...base.tables[0]!,
          rows: [
            { id: 'a', label: 'Engine A', source: 'vendor', cells: { total: 1 } },
            { id: 'b', label: 'Engine A, re-run', source: 'blog', cells: { total: 2 } },
          ],
        },
      ],
    };
    const data = build(two);
    const view = toTableView(data.tables[0]!, tableContext(data));
    expect([view.hasSources, view.singleSource, view.hasDates]).toEqual([true, undefined, false]);
    expect(view.rows.map((r) => [r.source?.label, r.source?.stance])).toEqual([
      ['Vendor Inc. (vendor of A)', 'vendor'],
      ['A blogger', 'independent'],
    ]);
  });
});

describe('isOldResult', () => {
  test('counts whole years back from the retrieval date', () => {
    expect(isOldResult('2024-11-27', '2026-11-28', 2)).toBe(true);
    expect(isOldResult('2024-11-28', '2026-11-28', 2)).toBe(false);
    expect(isOldResult('2025-06-01', '2026-11-28', 1)).toBe(true);
  });
});

describe('selectTables', () => {
  test('returns every table by default and one by id', () => {
    const data = build(measured({ tables: [table(), table({ id: 'sizes', title: 'Sizes' })] }));
    expect(selectTables('file-formats', data).map((t) => t.id)).toEqual(['queries', 'sizes']);
    expect(selectTables('file-formats', data, 'sizes').map((t) => t.id)).toEqual(['sizes']);
  });

  test('names the file and lists the tables when the id is wrong', () => {
    const data = build(measured());
    expect(() => selectTables('file-formats', data, 'query')).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/benchmarks/file-formats.json has no table "query". Known tables: queries]`,
    );
  });
});

describe('listRuns', () => {
  test('lists every measured run of repeated figures and skips single figures', () => {
    expect(listRuns(build(measured()).tables[0]!)).toEqual([
      { row: 'CSV', measure: 'Time', runs: '100 ms, 120 ms, 110 ms' },
      { row: 'Parquet', measure: 'Time', runs: '4 ms, 6 ms, 5 ms' },
    ]);
  });
});

describe('spread and overlap', () => {
  test('shows the best run and the coefficient of variation of repeated figures', () => {
    const view = toTableView(build(measured()).tables[0]!);
    expect(view.rows[0]!.cells[0]).toMatchObject({
      value: '110 ms',
      best: '100 ms',
      cv: 'CV 9 %',
      overlaps: false,
    });
    expect(view.rows[0]!.cells[1]).toMatchObject({ best: undefined, cv: undefined });
  });

  test('the best run of a rate is its highest', () => {
    const t = table({
      measures: [{ id: 'time', label: 'Rate', unit: 'MB/s', better: 'higher' }],
      rows: [{ id: 'csv', label: 'CSV', cells: { time: { runs: [10, 30, 20] } } }],
    });
    expect(toTableView(build(measured({ tables: [t] })).tables[0]!).rows[0]!.cells[0]!.best).toBe(
      '30 MB/s',
    );
  });

  test('flags a ratio whose runs overlap the baseline’s range, and not one whose runs are apart', () => {
    const t = table({
      rows: [
        { id: 'csv', label: 'CSV', cells: { time: { runs: [100, 140, 120] } } },
        { id: 'json', label: 'JSON', cells: { time: { runs: [90, 130, 110] } } },
        { id: 'parquet', label: 'Parquet', cells: { time: { runs: [4, 6, 5] } } },
      ],
    });
    const cells = toTableView(build(measured({ tables: [t] })).tables[0]!).rows.map(
      (r) => r.cells[0]!.overlaps,
    );
    expect(cells).toEqual([false, true, false]);
  });
});
