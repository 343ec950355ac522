import { describe, expect, test } from 'vitest';
import { chooseScale, niceCeil, toBarChart } from '../../../src/lib/benchmark/chart.ts';
import { BenchmarkSchema } from '../../../src/lib/benchmark/schema.ts';
import { measured, table } from './builders.ts';

const chartOf = (overrides: Parameters<typeof table>[0]) => {
  const t = BenchmarkSchema.parse(measured({ tables: [table(overrides)] })).tables[0]!;
  return toBarChart(t, t.chart!);
};

describe('toBarChart', () => {
  test('draws one bar per row, proportional to the median, with a whisker from min to max', () => {
    const chart = chartOf({
      chart: { measures: ['time'], scale: 'linear' },
      rows: [
        { id: 'csv', label: 'CSV', cells: { time: { runs: [100, 120, 110] } } },
        { id: 'parquet', label: 'Parquet', cells: { time: { runs: [55] } } },
      ],
    });
    const [csv, parquet] = chart.rows.map((r) => r.bars[0]!);
    expect(chart.scale).toBe('linear');
    expect(csv!.width / parquet!.width).toBeCloseTo(2, 5);
    expect(csv!.whisker).toBeDefined();
    expect(csv!.whisker!.x2 - csv!.whisker!.x1).toBeCloseTo(((120 - 100) / 110) * csv!.width, 5);
    expect(parquet!.whisker).toBeUndefined();
    expect(chart.rows[0]!.baseline).toBe(true);
    expect(chart.ticks.map((t) => t.label)).toEqual(['0', '50 ms', '100 ms', '150 ms']);
  });

  test('describes every figure in words for screen readers', () => {
    const chart = chartOf({ chart: { measures: ['time'], scale: 'auto' } });
    expect(chart.title).toBe('Query time: Time');
    expect(chart.desc).toBe(
      'Bar chart of Time per row (median time; shorter is better). CSV: 110 ms; Parquet: 5 ms.',
    );
  });

  test('switches to a logarithmic axis with power-of-ten ticks when values span over 100×', () => {
    expect(chooseScale([1, 50], 'auto')).toBe('linear');
    expect(chooseScale([1, 500], 'auto')).toBe('log');
    expect(chooseScale([1, 500], 'linear')).toBe('linear');
    const chart = chartOf({ chart: { measures: ['time'], scale: 'log' } });
    expect(chart.ticks.map((t) => t.label)).toEqual(['1 ms', '10 ms', '100 ms', '1 s']);
  });

  test('groups several measures per row with a series index each', () => {
    const chart = chartOf({
      compare: { measure: 'a' },
      measures: [
        { id: 'a', label: 'Reload', unit: 'ms' },
        { id: 'b', label: 'Merge', unit: 'ms' },
      ],
      chart: { measures: ['a', 'b'], scale: 'linear' },
      rows: [{ id: 'r', label: 'Row', cells: { a: 10, b: 5 } }],
    });
    expect(chart.series.map((s) => s.label)).toEqual(['Reload', 'Merge']);
    expect(chart.rows[0]!.bars.map((b) => b.series)).toEqual([0, 1]);
    expect(chart.rows[0]!.bars[1]!.y).toBeGreaterThan(chart.rows[0]!.bars[0]!.y);
  });

  test('shortens row labels that do not fit the label column; the table keeps them whole', () => {
    const long = 'A very long row label that would run off the left edge of the chart';
    const chart = chartOf({
      chart: { measures: ['time'] },
      rows: [{ id: 'csv', label: long, cells: { time: 1 } }],
    });
    expect(chart.rows[0]!.label).toMatch(/^A very long row label .*…$/);
    expect(chart.rows[0]!.label.length).toBeLessThan(long.length);
    expect(chart.desc).toContain(long);
  });

  test('rounds axis maxima up to a nice number', () => {
    expect([0.7, 3, 4.2, 7, 120].map(niceCeil)).toEqual([1, 5, 5, 10, 200]);
  });
});
