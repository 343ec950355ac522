import { describe, expect, test } from 'vitest';
import {
  indexBenchmarksByComponent,
  listBenchmarksForComponent,
} from '../../../src/lib/benchmark/by-component.ts';
import { BenchmarkSchema } from '../../../src/lib/benchmark/schema.ts';
import { measured, published } from './builders.ts';

const entries = [
  {
    id: 'vendor-report',
    data: BenchmarkSchema.parse(
      published({ title: 'A vendor report', components: ['adhoc-cluster', 'data-storage'] }),
    ),
  },
  { id: 'file-formats', data: BenchmarkSchema.parse(measured({ components: ['data-storage'] })) },
];

describe('listBenchmarksForComponent', () => {
  test('lists the benchmarks naming a component, measured first, as panel links', () => {
    expect(listBenchmarksForComponent(entries, 'data-storage')).toEqual([
      {
        id: 'file-formats',
        kind: 'measured',
        href: '/benchmarks/file-formats/',
        label: 'File formats',
        note: 'measured on AMD EPYC, 2 cores',
      },
      {
        id: 'vendor-report',
        kind: 'published',
        href: '/benchmarks/vendor-report/',
        label: 'A vendor report',
        note: 'published figures: Vendor Inc.',
      },
    ]);
  });

  test('returns nothing for a component no benchmark names', () => {
    expect(listBenchmarksForComponent(entries, 'security')).toEqual([]);
  });

  test('indexes every named component', () => {
    const index = indexBenchmarksByComponent(entries);
    expect([...index.keys()]).toEqual(['adhoc-cluster', 'data-storage']);
    expect(index.get('adhoc-cluster')!.map((l) => l.id)).toEqual(['vendor-report']);
  });
});
