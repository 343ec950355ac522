// Small builders for benchmark data in tests: valid by default, overridden per test.
import type { BenchmarkInput } from '../../../src/lib/benchmark/schema.ts';

type TableInput = BenchmarkInput['tables'][number];

/** A two-row table comparing formats by time and size, CSV as baseline. */
export function table(overrides: Partial<TableInput> = {}): TableInput {
  return {
    id: 'queries',
    title: 'Query time',
    description: 'Two formats.',
    compare: { row: 'csv' },
    measures: [
      { id: 'time', label: 'Time', unit: 'ms' },
      { id: 'size', label: 'Size', unit: 'bytes' },
    ],
    rows: [
      { id: 'csv', label: 'CSV', cells: { time: { runs: [100, 120, 110] }, size: 4000 } },
      { id: 'parquet', label: 'Parquet', cells: { time: { runs: [4, 6, 5] }, size: 1000 } },
    ],
    ...overrides,
  };
}

/** A measured benchmark with full provenance. */
export function measured(overrides: Record<string, unknown> = {}): BenchmarkInput {
  return {
    kind: 'measured',
    title: 'File formats',
    summary: 'How much smaller and faster is Parquet than CSV?',
    components: ['data-storage'],
    reproduce: 'npm run bench -- --only=file-formats',
    generatedBy: 'scripts/bench/run.ts',
    provenance: {
      date: '2026-11-28T06:00:00.000Z',
      commit: { sha: '5ef5d90', dirty: false },
      mode: 'full',
      machine: {
        cpu: 'AMD EPYC',
        cores: 2,
        memoryBytes: 25_276_026_880,
        os: 'Debian GNU/Linux 12 (bookworm), Linux 6.1',
        arch: 'x64',
        host: 'QEMU Standard PC (i440FX + PIIX, 1996)',
        fileSystem: 'ext4',
        disk: '/dev/sda1 (QEMU HARDDISK)',
        loadAverage: { start: [0.5, 0.4, 0.3], end: [0.9, 0.6, 0.4] },
        otherCpu: 0.05,
      },
      node: 'v24.21.0',
      software: [{ name: 'DuckDB', version: 'v1.5.6' }],
      dataset: {
        name: 'orders',
        description: 'synthetic orders',
        rows: 2_000_000,
        seed: 42,
        generator: 'scripts/lib/bench/orders.ts',
      },
      plan: { warmup: 1, runs: 10 },
      settings: [{ name: 'DuckDB threads', value: '2' }],
      durationSeconds: 40,
    },
    tables: [table()],
    ...overrides,
  };
}

/** A published benchmark with one vendor source. */
export function published(overrides: Record<string, unknown> = {}): BenchmarkInput {
  return {
    kind: 'published',
    title: 'Vendor report',
    summary: 'What does the vendor say about its engine?',
    components: ['adhoc-cluster'],
    retrieved: '2026-11-28',
    sources: [
      {
        id: 'vendor',
        title: 'Report',
        url: 'https://example.com/r',
        publisher: 'Vendor Inc. (vendor of A)',
        date: '2025-01-31',
        stance: 'vendor',
        licence: 'cited as facts',
      },
    ],
    tables: [
      {
        id: 'totals',
        title: 'Totals',
        description: 'Total time.',
        measures: [{ id: 'total', label: 'Total', unit: 's' }],
        rows: [
          { id: 'a', label: 'Engine A', date: '2022-07-01', cells: { total: 100 } },
          { id: 'b', label: 'Engine B', date: '2026-05-11', cells: { total: null } },
        ],
      },
    ],
    ...overrides,
  };
}
