import { describe, expect, test } from 'vitest';
import {
  hivePartition,
  mapLimited,
  partitionMayMatch,
  unitsByCountry,
} from '../../../scripts/lib/bench/object-store-access.ts';

describe('partition pruning by path', () => {
  test('reads Hive partition values from the folders of a relative path', () => {
    expect(hivePartition('country=SE/data_0.parquet')).toEqual({ country: 'SE' });
    expect(hivePartition('year=2025/month=01/part.parquet')).toEqual({ year: '2025', month: '01' });
    expect(hivePartition('data_0.parquet')).toEqual({});
  });

  test('keeps a file whose partition matches, or that has no value for the filtered column', () => {
    const se = { partition: { country: 'SE' } };
    expect(partitionMayMatch(se, { country: { $eq: 'SE' } })).toBe(true);
    expect(partitionMayMatch(se, { country: { $eq: 'DE' } })).toBe(false);
    expect(partitionMayMatch(se, { order_id: { $eq: 7n } })).toBe(true);
    expect(partitionMayMatch({ partition: {} }, { country: { $eq: 'DE' } })).toBe(true);
    expect(partitionMayMatch(se, undefined)).toBe(true);
  });
});

test('mapLimited never runs more than the limit at once and keeps the input order', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, n));
    running--;
    return n * 10;
  });
  expect(out).toEqual([50, 10, 40, 20, 30]);
  expect(peak).toBe(2);
});

test('unitsByCountry counts orders and sums units per country, sorted by country', () => {
  expect(
    unitsByCountry([
      { country: 'SE', quantity: 2 },
      { country: 'DE', quantity: 1 },
      { country: 'SE', quantity: 3 },
    ]),
  ).toEqual([
    { country: 'DE', orders: 1, units: 1 },
    { country: 'SE', orders: 2, units: 5 },
  ]);
});
