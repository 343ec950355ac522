// Size and shape of one miniature run. Small on purpose: the default run finishes in seconds on
// a laptop, and the tests use an even smaller size.
import { z } from 'zod';

/** A calendar day in UTC, written YYYY-MM-DD. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day written YYYY-MM-DD, e.g. "2026-11-02"')
  // Date.parse rolls 2026-02-30 over to 2026-03-02; a real day survives the round trip.
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'expected a real calendar day',
  );

/** What the synthetic shop looks like and how many days the miniature runs. */
export const MiniatureConfigSchema = z
  .object({
    /** Seed of the pseudo-random generator; the same seed gives byte-identical data. Default 42. */
    seed: z.number().int().default(42),
    /** First logical day of the run (UTC). Default 2026-11-02. */
    startDate: DaySchema.default('2026-11-02'),
    /** Number of consecutive days to run. Default 7. */
    days: z.number().int().min(1).max(60).default(7),
    /** Customers who exist before the first day; about 1 % more sign up each day. Default 4,000. */
    customers: z.number().int().min(10).max(1_000_000).default(4_000),
    /** Average new orders per day (±15 % by day). Default 3,000. */
    ordersPerDay: z.number().int().min(10).max(1_000_000).default(3_000),
    /**
     * The day the shop's release adding orders.channel goes live (--evolve), whose batch is the
     * first with the column; absent when the schema never changes. Default absent.
     */
    evolveOn: DaySchema.optional(),
  })
  .strict();
export type MiniatureConfig = z.infer<typeof MiniatureConfigSchema>;

/** Seconds in a day and an hour, for timestamp arithmetic on epoch seconds. */
export const DAY = 86_400;
export const HOUR = 3_600;

/** Epoch seconds of midnight UTC at the start of `day`. */
export function toEpochDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/** The YYYY-MM-DD day that contains epoch second `t` (UTC). */
export function toDay(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 10);
}

/** Every logical day of the run, in order. */
export function listDays(config: MiniatureConfig): string[] {
  const first = toEpochDay(config.startDate);
  return Array.from({ length: config.days }, (_, i) => toDay(first + i * DAY));
}

/** How far the extraction window reaches back before the logical day, to catch late commits. */
export const LOOKBACK_SECONDS = 4 * HOUR;
/** When the nightly extraction starts, after the end of the logical day. */
export const EXTRACT_DELAY_SECONDS = 30 * 60;

/** The extraction window and start time of the run for logical day `ds`. */
export function getRunWindow(ds: string): { start: number; end: number; cutoff: number } {
  const end = toEpochDay(ds) + DAY;
  return { start: end - DAY - LOOKBACK_SECONDS, end, cutoff: end + EXTRACT_DELAY_SECONDS };
}

const dayNames = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Format epoch seconds the way PostgreSQL and DuckDB print a UTC timestamptz, e.g.
 * "2026-11-02 10:00:00+00". Called for every timestamp of the timeline, so the day part is
 * cached rather than built through Date for each one.
 */
export function formatTimestamp(t: number): string {
  const day = Math.floor(t / DAY);
  let name = dayNames.get(day);
  if (!name) {
    name = toDay(day * DAY);
    dayNames.set(day, name);
  }
  const s = t - day * DAY;
  return `${name} ${pad2(Math.floor(s / HOUR))}:${pad2(Math.floor((s % HOUR) / 60))}:${pad2(s % 60)}+00`;
}
