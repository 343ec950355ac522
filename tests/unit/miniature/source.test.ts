// The simulated shop's database: its state at a clock depends on the clock alone, not on the
// steps taken to reach it, so skips, holds and backfills extract from the same shop.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
  getRunWindow,
  listDays,
  MiniatureConfigSchema,
} from '../../../src/lib/miniature/config.ts';
import { generateTimeline } from '../../../src/lib/miniature/generate.ts';
import { createDuckDbSource } from '../../../src/lib/miniature/source-duckdb.ts';

const config = MiniatureConfigSchema.parse({ customers: 80, ordersPerDay: 120, days: 5 });
const timeline = generateTimeline(config);
const ends = listDays(config).map((d) => getRunWindow(d).cutoff);

/** Every order and customer row the source holds, after advancing through `clocks`. */
async function stateAfter(clocks: number[]): Promise<string> {
  const source = await createDuckDbSource(
    timeline,
    mkdtempSync(join(tmpdir(), 'miniature-source-')),
  );
  try {
    for (const clock of clocks) await source.advanceTo(clock);
    const all = { window_start: '1970-01-01 00:00:00', window_end: '2100-01-01 00:00:00' };
    return (await source.extract('orders', all)) + (await source.extract('customers', {}));
  } finally {
    await source.close();
  }
}

test('the shop reached in one jump holds the same rows as the shop reached day by day', async () => {
  const dayByDay = await stateAfter(ends);
  const oneJump = await stateAfter([ends.at(-1)!]);
  const skipOne = await stateAfter([ends[0]!, ends[2]!, ends.at(-1)!]);
  expect(dayByDay.split('\n').length).toBeGreaterThan(300);
  expect(oneJump).toBe(dayByDay);
  expect(skipOne).toBe(dayByDay);
});
