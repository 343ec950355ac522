// Turn a finished run into the summary file: per-day counts, the lake's tables, every check
// summed over the days, and the lineage graph read back from the OpenLineage events.
import { sumCursorLoss } from './cdc-comparison.ts';
import type { RunEvent } from './lineage.ts';
import type { DayResult } from './run-day.ts';
import type { MiniatureRun } from './run-miniature.ts';
import { SOURCE_TABLES, type SourceTable } from './source.ts';
import type {
  CheckSummary,
  DaySummary,
  LineageDatasetSummary,
  LineageSummary,
  RunSummary,
} from './summary-schema.ts';
import { findEventProblems } from './validate-event.ts';
import { ZONES } from './layout.ts';

/** Rows per source table from a per-table lookup, 0 where absent. */
function toPerTable(get: (t: SourceTable) => number | undefined): Record<SourceTable, number> {
  return Object.fromEntries(SOURCE_TABLES.map((t) => [t, get(t) ?? 0])) as Record<
    SourceTable,
    number
  >;
}

/** The landing contract check of a day, with the version its batch matched, if one ran. */
function contractOf(day: DayResult): { name: string; version: string | null } | undefined {
  return day.checks.find((c) => c.contract)?.contract;
}

/** One day's result as it appears in the summary. */
export function summariseDay(day: DayResult): DaySummary {
  return {
    ds: day.ds,
    status: day.status,
    waitingFor: day.waitingFor.map((g) => g.ds),
    override: day.override,
    stoppedAt: day.stoppedAt,
    durationMs: day.durationMs,
    steps: day.steps,
    landingRows: toPerTable((t) => day.landing[t]?.rows),
    resentRows: toPerTable((t) => day.landing[t]?.resentRows),
    bronzeNew: toPerTable((t) => day.bronzeNew[t]),
    silverInserted: toPerTable((t) => day.silver[t]?.inserted),
    silverUpdated: toPerTable((t) => day.silver[t]?.updated),
    // Only a change log deletes, so a cursor run's summary keeps its shape.
    ...(SOURCE_TABLES.some((t) => day.silver[t]?.deleted)
      ? { silverDeleted: toPerTable((t) => day.silver[t]?.deleted) }
      : {}),
    ...(contractOf(day) ? { contract: contractOf(day)! } : {}),
    checksPassed: day.checks.filter((c) => c.passed).length,
    checksFailed: day.checks.filter((c) => !c.passed).length,
    filesWritten: day.filesWritten,
  };
}

/** Every check once, with how often it ran and passed over the days. */
export function summariseChecks(days: readonly DayResult[]): CheckSummary[] {
  const byKey = new Map<string, CheckSummary>();
  for (const result of days.flatMap((d) => d.checks)) {
    const key = `${result.gate}|${result.relation}|${result.check}`;
    const entry = byKey.get(key) ?? {
      gate: result.gate,
      relation: result.relation,
      check: result.check,
      severity: result.severity,
      runs: 0,
      passed: 0,
    };
    entry.runs += 1;
    if (result.passed) entry.passed += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** Where a dataset sits in the flow and its short label, from its OpenLineage name. */
export function classifyDataset(
  namespace: string,
  name: string,
): Pick<LineageDatasetSummary, 'zone' | 'label'> {
  const match = /(?:^|\/)lake\/([a-z]+)\/([a-z_]+)$/.exec(name);
  const zone = match ? ZONES.find((z) => z === match[1]) : undefined;
  if (namespace === 'file' && match && zone) return { zone, label: `${zone}/${match[2]}` };
  return { zone: 'source', label: name };
}

/**
 * The lineage graph of a run, with the datasets of the jobs' COMPLETE events. Jobs are in flow
 * order: a job that writes where it first started (a transform step completes only when its
 * day publishes, after the checks), a check where it first completed (after what it checked).
 */
export function summariseLineage(events: readonly RunEvent[], file: string): LineageSummary {
  const jobs = new Map<string, { inputs: Set<string>; outputs: Set<string> }>();
  const datasets = new Map<string, LineageDatasetSummary>();
  const position = new Map<string, number>();
  events.forEach((e, i) => {
    const writes = e.eventType === 'START' && !e.job.name.startsWith('check.');
    const checks = e.eventType === 'COMPLETE' && e.job.name.startsWith('check.');
    if ((writes || checks) && !position.has(e.job.name)) position.set(e.job.name, i);
  });
  for (const event of events) {
    if (event.eventType !== 'COMPLETE' || event.job.name === 'daily_batch') continue;
    const job = jobs.get(event.job.name) ?? {
      inputs: new Set<string>(),
      outputs: new Set<string>(),
    };
    for (const [list, target] of [
      [event.inputs, job.inputs],
      [event.outputs, job.outputs],
    ] as const) {
      for (const d of list) {
        const id = `${d.namespace}:${d.name}`;
        target.add(id);
        if (!datasets.has(id))
          datasets.set(id, {
            id,
            namespace: d.namespace,
            name: d.name,
            ...classifyDataset(d.namespace, d.name),
          });
      }
    }
    jobs.set(event.job.name, job);
  }
  return {
    file,
    events: events.length,
    runs: new Set(events.map((e) => e.run.runId)).size,
    valid: events.every((e) => findEventProblems(e).length === 0),
    jobs: [...jobs]
      .sort(([a], [b]) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
      .map(([name, j]) => ({ name, inputs: [...j.inputs].sort(), outputs: [...j.outputs].sort() })),
    datasets: [...datasets.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Facts about the run that the run itself cannot know: who ran it, where, and how. */
export interface RunEnvironment {
  command: string;
  date: string;
  machine: RunSummary['machine'];
  versions: Omit<RunSummary['versions'], 'duckdb' | 'source'>;
  cpuMs: number;
  /** The lineage file as the summary should name it. */
  lineageFile: string;
}

/** Build the summary file's content. */
export function buildSummary(run: MiniatureRun, env: RunEnvironment): RunSummary {
  return {
    generatedBy: 'scripts/miniature/run.ts (npm run miniature); do not edit by hand',
    command: env.command,
    date: env.date,
    machine: env.machine,
    versions: { ...env.versions, duckdb: run.duckdbVersion, source: run.source?.version ?? null },
    config: run.config,
    sourceStartMs: run.source?.startMs ?? null,
    durationMs: run.durationMs,
    cpuMs: env.cpuMs,
    days: run.days.map(summariseDay),
    zones: run.zones,
    gaps: run.gaps,
    ...(run.cdc
      ? {
          cdc: {
            slot: run.cdc.slot,
            plugin: run.cdc.plugin,
            ...sumCursorLoss(run.cdc.days),
            days: run.cdc.days,
          },
        }
      : {}),
    ...(run.evolution ? { evolution: run.evolution } : {}),
    ...(run.erasure ? { erasure: run.erasure } : {}),
    ...(run.erasedChecks.length ? { erasedChecks: run.erasedChecks } : {}),
    checks: summariseChecks(run.days),
    lineage: summariseLineage(run.events, env.lineageFile),
    rerun: run.rerun,
  };
}
