// Schema evolution in the miniature (--evolve): the shop ships a release that adds a column,
// orders.channel, and the batch path meets it the way the chapters describe. The connector
// propagates new columns into landing at once (extract-orders.sql reads every column, as
// Airbyte's propagate_columns does); the landing contract in checks.yaml decides. With a reviewed
// contract version that has the column, the batch passes and the column reaches bronze and
// silver; without it (the release went out before its contract change was reviewed), the
// landing_to_bronze gate stops the batch and names the column and the contract version.
import { HOUR, toEpochDay } from './config.ts';
import { toAdvanceVariables } from './source.ts';

/** What --evolve asked for: the day the release goes live, and whether its contract change was reviewed. */
export interface SchemaEvolution {
  /** The logical day whose batch is the first with the new column. */
  ds: string;
  /** True when the contract version adding the column is in force; false simulates the release shipping before its review. */
  reviewed: boolean;
}

/** The column the release adds to sales.orders (source-evolve.sql). */
export const EVOLVED_COLUMN = 'channel';

/**
 * When the release goes live on day `ds`: 02:00 UTC, after the previous day's extraction (at
 * 00:30, see EXTRACT_DELAY_SECONDS), so that `ds` is the first batch holding the column.
 */
export function getReleaseTime(ds: string): number {
  return toEpochDay(ds) + 2 * HOUR;
}

const CHANNELS = ['web', 'app', 'marketplace'] as const;

/**
 * The sales channel of an order: a fixed function of its id (about 55 % web, 30 % app, 15 %
 * marketplace), so that adding the release draws nothing from the shop's random generator.
 */
export function pickChannel(orderId: number): string {
  const bucket = Math.imul(orderId, 2_654_435_761) >>> 0;
  const p = bucket % 100;
  return CHANNELS[p < 55 ? 0 : p < 85 ? 1 : 2];
}

/** One statement file the source runs while its clock advances, with its psql variables. */
export interface AdvanceStep {
  file: 'source-advance' | 'source-evolve' | 'source-advance-channel';
  variables: Record<string, string>;
}

/**
 * The files that move the source's clock from `from` to `to`: the writes up to the release,
 * the release's migration when the clock passes it, and after it the writes with their channel.
 */
export function planAdvance(from: number, to: number, releaseAt: number | null): AdvanceStep[] {
  if (to <= from) return [];
  const advance = (a: number, b: number): AdvanceStep[] => {
    const variables = toAdvanceVariables(a, b);
    const afterRelease = releaseAt !== null && a >= releaseAt;
    return [
      { file: 'source-advance', variables },
      ...(afterRelease ? [{ file: 'source-advance-channel' as const, variables }] : []),
    ];
  };
  if (releaseAt === null || to < releaseAt || from >= releaseAt) return advance(from, to);
  return [
    ...advance(from, releaseAt),
    { file: 'source-evolve', variables: {} },
    ...(to > releaseAt ? advance(releaseAt, to) : []),
  ];
}
