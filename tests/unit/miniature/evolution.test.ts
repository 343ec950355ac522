// Schema evolution (--evolve): the shop adds orders.channel; a reviewed contract version lets it
// through to bronze and silver, an unreviewed change is stopped at landing_to_bronze.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  loadChecks,
  parseChecks,
  withoutNewestContractVersions,
} from '../../../src/lib/miniature/checks-schema.ts';
import { parseCliArgs } from '../../../src/lib/miniature/cli-args.ts';
import { matchContractVersion } from '../../../src/lib/miniature/compile-check.ts';
import { listDays, MiniatureConfigSchema } from '../../../src/lib/miniature/config.ts';
import { openDuck, queryRows, type Duck } from '../../../src/lib/miniature/duck.ts';
import { getReleaseTime, planAdvance } from '../../../src/lib/miniature/evolution.ts';
import { generateTimeline } from '../../../src/lib/miniature/generate.ts';
import { getTableFiles } from '../../../src/lib/miniature/lake-state.ts';
import { getLayout } from '../../../src/lib/miniature/layout.ts';
import { runMiniature, type RunOptions } from '../../../src/lib/miniature/run-miniature.ts';
import { summariseDay } from '../../../src/lib/miniature/summary.ts';

const config = { customers: 60, ordersPerDay: 40, days: 3 };
const [d1, d2] = listDays(MiniatureConfigSchema.parse(config)) as [string, string, string];
const scratch = mkdtempSync(join(tmpdir(), 'miniature-evolve-'));
let duck: Duck;
const run = (name: string, options: Omit<RunOptions, 'root'> = {}) =>
  runMiniature({ root: join(scratch, name), config: { ...config, evolveOn: d2 }, ...options });

/** Orders in a table of the lake's current snapshot, by whether they have a channel. */
async function countChannels(
  name: string,
  zone: 'bronze' | 'silver',
): Promise<{ with: number; without: number }> {
  const files = getTableFiles(getLayout(join(scratch, name)), zone, 'orders');
  const [row] = await queryRows(
    duck.conn,
    `SELECT count(channel) AS w, count(*) - count(channel) AS wo
    FROM read_parquet([${files.map((f) => `'${f}'`).join(', ')}])`,
  );
  return { with: Number(row!['w']), without: Number(row!['wo']) };
}

beforeAll(async () => {
  duck = await openDuck();
});
afterAll(() => {
  duck.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the shop adds a column', () => {
  test('the release runs as the clock passes it, and later writes set the channel', () => {
    const release = getReleaseTime(d2);
    expect(planAdvance(release - 100, release + 100, release).map((s) => s.file)).toEqual([
      'source-advance',
      'source-evolve',
      'source-advance',
      'source-advance-channel',
    ]);
    expect(planAdvance(release - 100, release - 1, release).map((s) => s.file)).toEqual([
      'source-advance',
    ]);
    expect(planAdvance(release, release + 100, release).map((s) => s.file)).toEqual([
      'source-advance',
      'source-advance-channel',
    ]);
    expect(planAdvance(0, 100, null).map((s) => s.file)).toEqual(['source-advance']);
  });

  test('the release draws nothing from the generator: the same versions, with a channel only after it', () => {
    const cfg = MiniatureConfigSchema.parse(config);
    const plain = generateTimeline(cfg);
    const evolved = generateTimeline(cfg, { releaseAt: getReleaseTime(d2) });
    const withoutChannel = (v: object) =>
      Object.fromEntries(Object.entries(v).filter(([key]) => key !== 'channel'));
    expect(evolved.orders.map(withoutChannel)).toEqual(plain.orders.map(withoutChannel));
    expect(
      evolved.orders
        .filter((v) => v.channel !== null)
        .every((v) => v.updatedAt > getReleaseTime(d2)),
    ).toBe(true);
    expect(evolved.orders.some((v) => v.channel !== null)).toBe(true);
    expect(plain.orders.every((v) => v.channel === null)).toBe(true);
  });
});

describe('the landing contract', () => {
  const contract = loadChecks()
    .gates[0]!.relations.flatMap((r) => r.checks)
    .find((c) => c.kind === 'contract')!;
  const v1 = [
    'order_id',
    'customer_id',
    'status',
    'currency',
    'total_amount',
    'created_at',
    'updated_at',
  ];

  test('a batch matches the newest reviewed version with exactly its columns', () => {
    if (contract.kind !== 'contract') throw new Error('no contract check');
    expect(matchContractVersion(contract.spec, v1)).toMatchObject({ version: '1.0.0' });
    expect(matchContractVersion(contract.spec, [...v1, 'channel'])).toMatchObject({
      version: '1.1.0',
    });
  });

  test('a column no reviewed version has is named, with the version checked against', () => {
    const unreviewed = withoutNewestContractVersions(loadChecks())
      .gates[0]!.relations.flatMap((r) => r.checks)
      .find((c) => c.kind === 'contract')!;
    if (unreviewed.kind !== 'contract') throw new Error('no contract check');
    expect(matchContractVersion(unreviewed.spec, [...v1, 'channel'])).toMatchInlineSnapshot(`
      {
        "problems": [
          "unexpected column channel: not in contract shop.sales.orders 1.0.0, the newest reviewed version; a new column is promoted only after a contract version that has it is reviewed",
        ],
      }
    `);
  });

  test('versions must be listed oldest first', () => {
    const text = `gates:
  - gate: landing_to_bronze
    description: d
    relations:
      - relation: landing_orders
        checks:
          - contract:
              name: x
              versions:
                - { version: 1.1.0, change: b, reviewed: { by: t, on: 2026-10-02 }, columns: { a: BIGINT } }
                - { version: 1.0.0, change: a, reviewed: { by: t, on: 2026-10-01 }, columns: { a: BIGINT } }
  - gate: bronze_to_silver
    description: d
    relations: [{ relation: s, checks: [{ not_null: [a] }] }]
  - gate: silver_to_gold
    description: d
    relations: [{ relation: g, checks: [{ not_null: [a] }] }]
`;
    expect(() => parseChecks(text)).toThrow(
      'expected versions oldest first, each newer than the one before',
    );
  });

  test('--evolve takes a day and, optionally, :unreviewed', () => {
    expect(parseCliArgs([`--evolve=${d2}`])).toMatchObject({
      config: { evolveOn: d2 },
      contractReviewed: true,
    });
    expect(parseCliArgs([`--evolve=${d2}:unreviewed`])).toMatchObject({
      config: { evolveOn: d2 },
      contractReviewed: false,
    });
    expect(() => parseCliArgs([`--evolve=${d2}:maybe`])).toThrow(
      `--evolve=${d2}:maybe: unknown state "maybe"; expected --evolve=DAY (the contract change is reviewed) or --evolve=DAY:unreviewed`,
    );
    expect(() => parseCliArgs(['--evolve=2026-11-31'])).toThrow('is not a real day');
  });
});

describe('a run with the release', () => {
  test('with the reviewed version, the column lands in bronze and silver, NULL for older orders', async () => {
    const result = await run('reviewed', { fresh: true });
    expect(
      result.days.map((d) => `${d.ds} ${d.status} ${summariseDay(d).contract?.version}`),
    ).toEqual([
      `${d1} published 1.0.0`,
      `${d2} published 1.1.0`,
      expect.stringMatching(/ published 1\.1\.0$/),
    ]);
    expect(result.evolution).toEqual({
      ds: d2,
      column: 'channel',
      reviewed: true,
      contractVersions: ['1.0.0', '1.1.0'],
    });
    const silver = await countChannels('reviewed', 'silver');
    expect(silver.with).toBeGreaterThan(0);
    expect(silver.without).toBeGreaterThan(0);
    // Lineage: landing's schema shows the column from the release's day on.
    const landed = result.events
      .filter((e) => e.job.name === 'ingest.orders' && e.eventType === 'COMPLETE')
      .map((e) =>
        (e.outputs[0]?.facets?.['schema'] as unknown as { fields: Array<{ name: string }> }).fields
          .map((f) => f.name)
          .includes('channel'),
      );
    expect(landed).toEqual([false, true, true]);
  }, 120_000);

  test('without it, the day is stopped at landing_to_bronze naming the column; reviewing it and rerunning promotes the day', async () => {
    const stopped = await run('unreviewed', {
      fresh: true,
      days: [d1, d2],
      contractReviewed: false,
    });
    const day = stopped.days[1]!;
    expect(day).toMatchObject({
      ds: d2,
      status: 'stopped',
      stoppedAt: 'landing_to_bronze',
      filesWritten: 0,
    });
    expect(summariseDay(day).contract).toEqual({ name: 'shop.sales.orders', version: null });
    expect(day.report).toContain(
      'unexpected column channel: not in contract shop.sales.orders 1.0.0, the newest reviewed version',
    );
    expect(day.report).toContain(
      `review a contract version that has them (checks.yaml, contract shop.sales.orders), then rerun the day (--day=${d2})`,
    );
    expect(day.quarantined.map((q) => q.table)).toEqual(['orders']);
    expect(await countChannels('unreviewed', 'silver')).toEqual({
      with: 0,
      without: expect.any(Number) as unknown,
    });
    // The check's lineage names the version checked against.
    const assertions = stopped.events
      .filter((e) => e.job.name === 'check.landing_to_bronze' && e.eventType === 'FAIL')
      .flatMap((e) =>
        e.inputs.flatMap(
          (i) =>
            (
              i.inputFacets?.['dataQualityAssertions'] as unknown as {
                assertions: Array<{ assertion: string; success: boolean }>;
              }
            ).assertions,
        ),
      );
    expect(assertions.filter((a) => !a.success).map((a) => a.assertion)).toEqual([
      'landing_orders: contract shop.sales.orders: the columns of a reviewed version, values parse as their types (no reviewed version matched)',
    ]);

    const rerun = await run('unreviewed', { days: [d2] });
    expect(
      rerun.days.map((d) => `${d.ds} ${d.status} ${summariseDay(d).contract?.version}`),
    ).toEqual([`${d2} published 1.1.0`]);
    expect((await countChannels('unreviewed', 'silver')).with).toBeGreaterThan(0);
  }, 120_000);

  test('--evolve on a day outside the run is refused', async () => {
    await expect(
      runMiniature({
        root: join(scratch, 'outside'),
        config: { ...config, evolveOn: '2026-12-24' },
        fresh: true,
      }),
    ).rejects.toThrow(
      "--evolve=2026-12-24: that day is not in the run, so the shop's schema would never change",
    );
  });
});
