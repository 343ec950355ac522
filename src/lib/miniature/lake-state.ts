// The lake's current snapshot: lake/_current.json names every data file of every bronze,
// silver and gold table, and the days the lake holds. Publishing a day writes its files under
// new names beside the old ones, then switches this pointer in one rename, in the spirit of a
// table format's metadata commit: a reader that follows the pointer sees the whole previous
// day or the whole new one, never half of each. The continuity rule reads the days: a day is
// promoted only when every earlier day of the run is in the lake, so a gap (a skipped, held or
// stopped day) can never publish silently.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DataError } from '../errors/format-issues.ts';
import type { Layout, Zone } from './layout.ts';

/** The lake's current state, as the last successful publish left it. */
export const LakeStateSchema = z
  .object({
    /** Number of the snapshot, one more per publish; 0 for a new lake. */
    snapshot: z.number().int().min(0).default(0),
    /** Days whose promotion published, sorted. Empty for a new lake. */
    publishedDays: z.array(z.string()).default([]),
    /** Data files of each table, "zone/table" → paths relative to lake/, sorted. */
    tables: z.record(z.string(), z.array(z.string())).default({}),
  })
  .strict();
export type LakeState = z.infer<typeof LakeStateSchema>;

/** The pointer file of a lake. */
export function getStateFile(layout: Layout): string {
  return join(layout.lake, '_current.json');
}

/** Read the lake's state; a lake that has never published has none. */
export function readLakeState(layout: Layout): LakeState {
  const file = getStateFile(layout);
  if (!existsSync(file)) return LakeStateSchema.parse({});
  const parsed = LakeStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new DataError(
      `${file}: not a lake state the miniature wrote (${parsed.error.issues[0]!.message}); start a new lake (run without --day)`,
    );
  }
  return parsed.data;
}

/** Replace the lake's state in one rename: a reader sees the old state or the new one. */
export function writeLakeState(layout: Layout, state: LakeState): void {
  const file = getStateFile(layout);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Why a day is missing from the lake, for the waiting message. */
export type GapReason = 'never ran' | 'landed, not promoted' | 'stopped by a gate';

/**
 * The days before `ds` (of `known`, the run's days in order) that are not in the lake, each with
 * why: the days a promotion of `ds` must wait for.
 */
export function findGapsBefore(
  ds: string,
  known: readonly string[],
  state: LakeState,
  why: (day: string) => GapReason,
): Array<{ ds: string; reason: GapReason }> {
  return known
    .filter((d) => d < ds && !state.publishedDays.includes(d))
    .map((d) => ({ ds: d, reason: why(d) }));
}

/** The data files of a table in the current snapshot, as absolute paths; none when unpublished. */
export function getTableFiles(
  layout: Layout,
  zone: Zone,
  table: string,
  state: LakeState = readLakeState(layout),
): string[] {
  return (state.tables[`${zone}/${table}`] ?? []).map((file) => join(layout.lake, file));
}
