// One logical day of the batch path: ingest into landing, promote to bronze, silver and gold
// through three quality gates, then publish. Every zone is built in a fresh in-memory DuckDB
// from the published files, so a run holds no state of its own: rerunning a day recomputes
// the same tables and publishes nothing, and running days in any order converges.
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChecksFile, GateName } from './checks-schema.ts';
import { DAY, getRunWindow, toEpochDay } from './config.ts';
import { openDaySession } from './day-session.ts';
import { queryNumber, queryRows, valueText } from './duck.ts';
import {
  getBaselineRows,
  getLandingFile,
  ingestTable,
  readManifest,
  verifyBatch,
  type CorruptionKind,
  type LandingManifest,
} from './landing.ts';
import { ingestChanges } from './landing-cdc.ts';
import { getCheckedTable, getLayout, type Layout } from './layout.ts';
import {
  buildRunEvent,
  createRunId,
  createErrorFacet,
  createJobTypeFacet,
  createNominalTimeFacet,
  createOutputStatisticsFacet,
  createParentFacet,
  createProcessingEngineFacet,
  createSchemaFacet,
  createSqlFacet,
  toAssertionInputs,
  toFileDataset,
  type Facet,
  type LineageDataset,
} from './lineage.ts';
import type { LineageLog } from './lineage-log.ts';
import type { GapReason } from './lake-state.ts';
import {
  appendAudit,
  publishSnapshot,
  quarantineBatch,
  recordOverride,
  stagePartitions,
  stageTable,
} from './publish.ts';
import {
  formatCount,
  formatCountOf,
  formatDuration,
  formatGateLine,
  formatStopReport,
} from './report.ts';
import { isGatePassed, runGate, type CheckResult } from './run-checks.ts';
import { SOURCE_TABLES, getSourceDatasetName, type Source, type SourceTable } from './source.ts';
import { readSql } from './sql-files.ts';

/** Steps of a day's run, in order, for timings. */
export type StepName = 'ingest' | 'bronze' | 'silver' | 'gold' | 'publish';

/** What one day's run did. */
export interface DayResult {
  ds: string;
  runId: string;
  /**
   * `published` when every gate passed, `stopped` when one failed, `held` when the day was
   * only ingested (landing on schedule, promotion later, as when the ETL cluster is down),
   * `waiting` when it landed but an earlier day is missing from the lake (see `waitingFor`).
   */
  status: 'published' | 'stopped' | 'held' | 'waiting';
  /** A recorded override that let the day past a gate's blocking failures, or null. */
  override: { gate: GateName; reason: string; checks: string[] } | null;
  /** The earlier days missing from the lake that a `waiting` day waits for, with why. */
  waitingFor: Array<{ ds: string; reason: GapReason }>;
  stoppedAt: GateName | null;
  durationMs: number;
  steps: Partial<Record<StepName, number>>;
  landing: Record<
    SourceTable,
    { rows: number; resentRows: number; reused: boolean; onTime: boolean }
  >;
  /** Versions bronze had not seen before. */
  bronzeNew: Partial<Record<SourceTable, number>>;
  silver: Partial<Record<SourceTable, { inserted: number; updated: number; deleted: number }>>;
  /** Rows of each gold table after the run. */
  gold: Partial<Record<string, number>>;
  checks: CheckResult[];
  quarantined: Array<{ table: SourceTable; path: string }>;
  /** The day's batches without failures, moved to quarantine with those at fault so the day is extracted again as one set. */
  setAside: Array<{ table: SourceTable; path: string }>;
  /** Lake files the run wrote (0 for a rerun that changed nothing). */
  filesWritten: number;
  /** The stop report, when a gate stopped the day. */
  report: string | null;
}

/** Everything a day's run needs from the invocation around it. */
export interface DayContext {
  layout: Layout;
  checks: ChecksFile;
  /** The source, started on first use: a rerun whose batches have landed never starts it. */
  getSource: () => Promise<Source>;
  lineage: LineageLog;
  /** Secret prefix of the e-mail hash in silver. */
  pseudonymKey: string;
  /** Working directory that OpenLineage file dataset names are relative to. */
  cwd: string;
  /** DuckDB version, e.g. "v1.5.6", for the lineage events. */
  duckdbVersion: string;
  /** Orders come as a change log from the WAL (--cdc), not from the cursor extract. */
  cdc?: boolean;
  onProgress: (line: string) => void;
}

const KEYS: Record<SourceTable, string> = { customers: 'customer_id', orders: 'order_id' };
const GOLD_ORDER: Record<string, string> = {
  daily_revenue: 'order_date, currency',
  customer_value: 'customer_id, currency',
};

/** Run one day of the batch path for logical day `ds`. */
export async function runDay(
  ctx: DayContext,
  ds: string,
  options: {
    corrupt?: CorruptionKind | undefined;
    ingestOnly?: boolean;
    /** Accept the blocking failures of one gate, for a stated reason, recorded in ops/overrides.jsonl. */
    override?: { gate: GateName; reason: string } | undefined;
    /** Earlier days missing from the lake: the day lands and waits instead of promoting. */
    waitingFor?: Array<{ ds: string; reason: GapReason }>;
  } = {},
): Promise<DayResult> {
  const { layout, lineage, cwd } = ctx;
  const started = performance.now();
  const runId = createRunId();
  const window = getRunWindow(ds);
  const dataset = (zone: 'landing' | 'bronze' | 'silver' | 'gold', table: string) =>
    toFileDataset(layout.table(zone, table), cwd);
  const nominal = createNominalTimeFacet(
    new Date(toEpochDay(ds) * 1000).toISOString(),
    new Date((toEpochDay(ds) + DAY) * 1000).toISOString(),
  );
  const parent = createParentFacet(runId, 'daily_batch');
  const result: DayResult = {
    ds,
    runId,
    status: 'published',
    waitingFor: [],
    override: null,
    stoppedAt: null,
    durationMs: 0,
    steps: {},
    landing: {} as DayResult['landing'],
    bronzeNew: {},
    silver: {},
    gold: {},
    checks: [],
    quarantined: [],
    setAside: [],
    filesWritten: 0,
    report: null,
  };
  const progress = (step: string, text: string) =>
    ctx.onProgress(`${ds}  ${step.padEnd(8)}${text}`);
  lineage.emit(
    buildRunEvent({
      eventType: 'START',
      runId,
      job: 'daily_batch',
      runFacets: { nominal },
      jobFacets: { jobType: createJobTypeFacet('JOB') },
    }),
  );

  const engine = createProcessingEngineFacet(ctx.duckdbVersion);
  /**
   * A transform step whose output is only written when the day publishes: its COMPLETE waits
   * for the publish and names only the tables it wrote, or it ends in FAIL when a gate stops
   * the day or publishing fails. Lineage never claims a write that did not happen.
   */
  const pending: Array<{
    runId: string;
    job: string;
    jobFacets: Record<string, Facet>;
    inputs: LineageDataset[];
    outputs: LineageDataset[];
  }> = [];
  const stepRunFacets = { parent, nominal, processing_engine: engine };
  /** End every pending step: COMPLETE with the outputs that were written, or FAIL with why. */
  const closePending = (outcome: { written: Map<string, Facet> } | { error: string }) => {
    for (const p of pending.splice(0)) {
      if ('error' in outcome) {
        lineage.emit(
          buildRunEvent({
            eventType: 'FAIL',
            runId: p.runId,
            job: p.job,
            runFacets: { ...stepRunFacets, errorMessage: createErrorFacet(outcome.error) },
            jobFacets: p.jobFacets,
            inputs: p.inputs,
          }),
        );
        continue;
      }
      const outputs = p.outputs
        .filter((o) => outcome.written.has(o.name))
        .map((o) => ({ ...o, outputFacets: { outputStatistics: outcome.written.get(o.name)! } }));
      lineage.emit(
        buildRunEvent({
          eventType: 'COMPLETE',
          runId: p.runId,
          job: p.job,
          runFacets: stepRunFacets,
          jobFacets: p.jobFacets,
          inputs: p.inputs,
          outputs,
        }),
      );
    }
  };
  /** Run one step as an OpenLineage job: START, then COMPLETE with its outputs, or FAIL. */
  const step = async <T>(
    job: string,
    inputs: LineageDataset[],
    sql: string | null,
    body: () => Promise<{ value: T; outputs: LineageDataset[] }>,
    options: { untilPublished?: boolean } = {},
  ): Promise<T> => {
    const stepRunId = createRunId();
    const runFacets = stepRunFacets;
    const jobFacets = {
      jobType: createJobTypeFacet('TASK'),
      ...(sql ? { sql: createSqlFacet(sql, job.startsWith('ingest') ? 'ansi' : 'duckdb') } : {}),
    };
    lineage.emit(
      buildRunEvent({ eventType: 'START', runId: stepRunId, job, runFacets, jobFacets, inputs }),
    );
    try {
      const { value, outputs } = await body();
      if (options.untilPublished)
        pending.push({ runId: stepRunId, job, jobFacets, inputs, outputs });
      else
        lineage.emit(
          buildRunEvent({
            eventType: 'COMPLETE',
            runId: stepRunId,
            job,
            runFacets,
            jobFacets,
            inputs,
            outputs,
          }),
        );
      return value;
    } catch (error) {
      const message = (error as Error).message;
      lineage.emit(
        buildRunEvent({
          eventType: 'FAIL',
          runId: stepRunId,
          job,
          runFacets: { ...runFacets, errorMessage: createErrorFacet(message) },
          jobFacets,
          inputs,
        }),
      );
      closePending({ error: `not published: ${job} failed` });
      lineage.emit(
        buildRunEvent({
          eventType: 'FAIL',
          runId,
          job: 'daily_batch',
          runFacets: { nominal, errorMessage: createErrorFacet(`${job}: ${message}`) },
        }),
      );
      throw error;
    }
  };
  const timed = async <T>(name: StepName, body: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await body();
    } finally {
      result.steps[name] = Math.round(performance.now() - t);
    }
  };

  // 1. Batch ingestion into landing. The source only starts when a batch is missing.
  const manifests = await timed('ingest', async () => {
    const out = {} as Record<SourceTable, LandingManifest>;
    if (SOURCE_TABLES.some((table) => !readManifest(layout, table, ds))) {
      const source = await ctx.getSource();
      await source.advanceTo(Math.max(source.clock, window.cutoff));
    }
    for (const table of SOURCE_TABLES) {
      const existing = readManifest(layout, table, ds);
      const input = existing?.source ?? {
        namespace: (await ctx.getSource()).namespace,
        name: getSourceDatasetName(table),
      };
      const fromLog = ctx.cdc && table === 'orders';
      const { manifest, reused } = await step(
        `ingest.${table}`,
        [input],
        fromLog ? null : readSql(`extract-${table}`),
        async () => {
          // A reused batch must still be what landed: checked inside the step, so a failure
          // closes the day's lineage with FAIL.
          if (existing) verifyBatch(layout, existing);
          const source = existing ? null : await ctx.getSource();
          const landed = !source
            ? { manifest: existing!, reused: true }
            : fromLog
              ? await ingestChanges({ source, layout, ds, runId })
              : await ingestTable({ source, layout, table, ds, runId, corrupt: options.corrupt });
          return {
            value: landed,
            // A reused batch was written by an earlier run: this one wrote nothing.
            // Its schema is the file's header as delivered, so a column the source added shows up
            // in lineage on the day it landed, whether or not the contract let it further.
            outputs: landed.reused
              ? []
              : [
                  {
                    ...dataset('landing', table),
                    facets: {
                      schema: createSchemaFacet(
                        readHeader(getLandingFile(layout, landed.manifest)).map((name) => ({
                          name,
                          type: 'VARCHAR',
                        })),
                      ),
                    },
                    outputFacets: {
                      outputStatistics: createOutputStatisticsFacet(
                        landed.manifest.rows,
                        landed.manifest.bytes,
                        1,
                      ),
                    },
                  },
                ],
          };
        },
      );
      out[table] = manifest;
      result.landing[table] = {
        rows: manifest.rows,
        resentRows: manifest.resentRows,
        reused,
        onTime: manifest.onTime,
      };
    }
    progress(
      'ingest',
      SOURCE_TABLES.map((t) => {
        const l = result.landing[t];
        const log = out[t].cdc?.changes;
        const mode = log
          ? `change log: ${formatCount(log.c)} c, ${formatCount(log.u)} u, ${formatCount(log.d)} d`
          : out[t].mode;
        const how = l.reused
          ? 'already landed, reused'
          : `${mode}${l.resentRows ? `, ${l.resentRows} resent` : ''}${l.onTime ? '' : ', late extract'}`;
        return `${t} ${formatCountOf(l.rows, 'row')} (${how})`;
      }).join('   '),
    );
    return out;
  });

  if (options.ingestOnly) {
    result.status = 'held';
    lineage.emit(
      buildRunEvent({ eventType: 'COMPLETE', runId, job: 'daily_batch', runFacets: { nominal } }),
    );
    progress('hold', 'landed; promotion held until the day is run again');
    return finish();
  }
  if (options.waitingFor?.length) {
    // Promoting now would publish a lake with a hole: silver without the missing day's changes
    // and gold aggregated from it, with every gate green. The day waits, landed, and is
    // promoted right after the missing day is backfilled.
    result.status = 'waiting';
    result.waitingFor = options.waitingFor;
    const missing = options.waitingFor.map((g) => `${g.ds} (${g.reason})`).join(', ');
    lineage.emit(
      buildRunEvent({ eventType: 'COMPLETE', runId, job: 'daily_batch', runFacets: { nominal } }),
    );
    progress(
      'wait',
      `landed; not promoted while ${missing} ${options.waitingFor.length === 1 ? 'is' : 'are'} missing from the lake. Backfill with --day=${options.waitingFor.map((g) => g.ds).join(',')}: this day is promoted right after`,
    );
    return finish();
  }

  const { duck, unreadable } = await openDaySession({
    layout,
    ds,
    manifests,
    pseudonymKey: ctx.pseudonymKey,
  });
  const { conn } = duck;
  /** A step's output dataset with its columns; its statistics come when it is published. */
  const describeOutput = async (
    zone: 'bronze' | 'silver' | 'gold',
    table: string,
  ): Promise<LineageDataset> => {
    const columns = await queryRows(conn, `DESCRIBE ${zone}_${table}`);
    return {
      ...dataset(zone, table),
      facets: {
        schema: createSchemaFacet(
          columns.map((c) => ({
            name: valueText(c['column_name']),
            type: valueText(c['column_type']),
          })),
        ),
      },
    };
  };
  try {
    /** Run one gate as an OpenLineage check job; returns false (and stops the day) on failure. */
    const gate = async (
      name: GateName,
      phases: Array<(relation: string) => boolean>,
      between?: () => Promise<void>,
    ): Promise<boolean> => {
      const spec = ctx.checks.gates.find((g) => g.gate === name)!;
      const checkRunId = createRunId();
      const job = `check.${name}`;
      const runFacets = { parent, nominal };
      lineage.emit(
        buildRunEvent({
          eventType: 'START',
          runId: checkRunId,
          job,
          runFacets,
          jobFacets: { jobType: createJobTypeFacet('TASK') },
        }),
      );
      const results: CheckResult[] = [];
      for (const [i, include] of phases.entries()) {
        if (i > 0 && between) await between();
        results.push(
          ...(await runGate(conn, spec, {
            include,
            unreadable,
            // A late extract is smaller by design (its rows moved on to later windows), so only
            // on-time batches are compared with the usual volume.
            baselineRows: (batch) =>
              batch && manifests[batch].onTime ? getBaselineRows(layout, batch, ds) : null,
            readSql: (file) => readSql(file),
          })),
        );
        // A missing column or an unreadable file stops the gate before the next phase, whose
        // SQL could not bind; values that do not parse go on, so the report lists every bad row.
        if (
          results.some(
            (r) => !r.passed && (r.kind === 'schema' || r.kind === 'contract') && r.total === null,
          )
        )
          break;
      }
      result.checks.push(...results);
      appendAudit(layout, runId, ds, results);
      const inputs = toAssertionInputs(results, (relation) => {
        const checked = getCheckedTable(relation);
        return toFileDataset(layout.table(checked.zone, checked.table), cwd);
      });
      let ok = isGatePassed(results);
      if (!ok && options.override?.gate === name) {
        // The owner accepts this batch as it is: the failures stay in the results and the
        // audit, and the decision is recorded with its reason, so it can be reviewed.
        const failed = results.filter((r) => !r.passed && r.severity === 'error');
        result.override = {
          gate: name,
          reason: options.override.reason,
          checks: failed.map((r) => `${r.relation}: ${r.check}`),
        };
        recordOverride(layout, { runId, ds, ...result.override, failed });
        progress(
          'accept',
          `gate ${name}: ${formatCountOf(failed.length, 'blocking check')} failed and ${failed.length === 1 ? 'was' : 'were'} accepted by a recorded override ("${options.override.reason}"), in ${toFileDataset(layout.overridesFile, cwd).name}`,
        );
        ok = true;
      }
      for (const w of results.filter((r) => !r.passed && r.severity === 'warn')) {
        ctx.onProgress(
          `${ds}  warn    ${w.relation}  ${w.check}: ${formatCount(w.failed)}${w.detail ? ` (${w.detail})` : ''}; warn-only, the day goes on`,
        );
      }
      if (ok) {
        lineage.emit(
          buildRunEvent({ eventType: 'COMPLETE', runId: checkRunId, job, runFacets, inputs }),
        );
        return true;
      }
      // Stop: quarantine the batches at fault with the report, and publish nothing.
      const tables = [
        ...new Set(
          results
            .filter((r) => !r.passed && r.severity === 'error' && r.batch)
            .map((r) => r.batch!),
        ),
      ];
      const targets = tables.map((table) => ({
        table,
        path: layout.quarantineBatch(table, ds, runId),
      }));
      result.quarantined = targets.map((q) => ({
        table: q.table,
        path: toFileDataset(q.path, cwd).name,
      }));
      // The day's other batches go with them, although nothing failed there: rerunning the day
      // extracts every batch again at one moment, as a consistent set. Kept alone, an on-time
      // customers batch would meet a late orders extract that caught up with later days and
      // holds orders of customers who signed up since, which the references check then stops.
      const aside = tables.length
        ? SOURCE_TABLES.filter((t) => !tables.includes(t) && readManifest(layout, t, ds))
        : [];
      const asideTargets = aside.map((table) => ({
        table,
        path: layout.quarantineBatch(table, ds, runId),
      }));
      result.setAside = asideTargets.map((q) => ({
        table: q.table,
        path: toFileDataset(q.path, cwd).name,
      }));
      const report = formatStopReport({
        ds,
        gate: name,
        results,
        quarantined: result.quarantined,
        setAside: result.setAside,
      });
      for (const q of [...targets, ...asideTargets])
        quarantineBatch(layout, q.table, ds, runId, { text: report, results });
      result.status = 'stopped';
      result.stoppedAt = name;
      result.report = report;
      const message = `${formatGateLine(name, results)}; nothing published`;
      lineage.emit(
        buildRunEvent({
          eventType: 'FAIL',
          runId: checkRunId,
          job,
          runFacets: { ...runFacets, errorMessage: createErrorFacet(message) },
          inputs,
        }),
      );
      closePending({ error: `not published: gate ${name} stopped the day` });
      lineage.emit(
        buildRunEvent({
          eventType: 'FAIL',
          runId,
          job: 'daily_batch',
          runFacets: { nominal, errorMessage: createErrorFacet(message) },
        }),
      );
      ctx.onProgress(report);
      return false;
    };

    // 2. Landing → bronze: the landing files must match their contract before they are typed.
    const bronzeOk = await timed('bronze', async () => {
      const ok = await gate(
        'landing_to_bronze',
        [(r) => r.startsWith('landing_'), (r) => !r.startsWith('landing_')],
        async () => {
          for (const table of SOURCE_TABLES) {
            const sql = readSql(
              ctx.cdc && table === 'orders' ? 'bronze-orders-cdc' : `bronze-${table}`,
            );
            result.bronzeNew[table] = await step(
              `bronze.${table}`,
              [dataset('landing', table)],
              sql,
              async () => {
                await conn.run(sql);
                return {
                  value: await queryNumber(conn, `SELECT count(*) FROM bronze_${table}_new`),
                  outputs: [await describeOutput('bronze', table)],
                };
              },
              { untilPublished: true },
            );
          }
        },
      );
      const gateLine = formatGateLine(
        'landing_to_bronze',
        result.checks.filter((c) => c.gate === 'landing_to_bronze'),
      );
      if (ok)
        progress(
          'bronze',
          `${SOURCE_TABLES.map((t) => `${t} +${formatCountOf(result.bronzeNew[t] ?? 0, 'new version')}`).join('   ')}   ${gateLine}`,
        );
      return ok;
    });
    if (!bronzeOk) return finish();

    // 3. Bronze → silver: incremental MERGE of the day's changes, then the consistency gate.
    const silverOk = await timed('silver', async () => {
      for (const table of SOURCE_TABLES) {
        const fromLog = ctx.cdc && table === 'orders';
        const sql = readSql(fromLog ? 'silver-orders-cdc' : `silver-${table}`);
        result.silver[table] = await step(
          `silver.${table}`,
          [dataset('bronze', table)],
          sql,
          async () => {
            const exists =
              (
                await queryRows(
                  conn,
                  `SELECT 1 FROM duckdb_tables() WHERE table_name = 'silver_${table}'`,
                )
              ).length > 0;
            const before = exists
              ? await queryNumber(conn, `SELECT count(*) FROM silver_${table}`)
              : 0;
            await conn.run(sql);
            const after = await queryNumber(conn, `SELECT count(*) FROM silver_${table}`);
            const applied = await queryNumber(conn, `SELECT count(*) FROM silver_${table}_applied`);
            // A change log says what each applied change did, deletes included.
            const count = (action: string) =>
              queryNumber(
                conn,
                `SELECT count(*) FROM silver_${table}_applied WHERE _action = '${action}'`,
              );
            return {
              value: fromLog
                ? {
                    inserted: await count('insert'),
                    updated: await count('update'),
                    deleted: await count('delete'),
                  }
                : { inserted: after - before, updated: applied - (after - before), deleted: 0 },
              outputs: [await describeOutput('silver', table)],
            };
          },
          { untilPublished: true },
        );
      }
      const ok = await gate('bronze_to_silver', [() => true]);
      if (ok) {
        progress(
          'silver',
          `${SOURCE_TABLES.map((t) => `${t} +${formatCount(result.silver[t]!.inserted)} new, ${formatCount(result.silver[t]!.updated)} updated${result.silver[t]!.deleted ? `, ${formatCount(result.silver[t]!.deleted)} deleted` : ''}`).join('   ')}   ${formatGateLine(
            'bronze_to_silver',
            result.checks.filter((c) => c.gate === 'bronze_to_silver'),
          )}`,
        );
      }
      return ok;
    });
    if (!silverOk) return finish();

    // 4. Silver → gold: business aggregates, then the reconciliation and freshness gate.
    const goldOk = await timed('gold', async () => {
      const inputsOf: Record<string, LineageDataset[]> = {
        daily_revenue: [dataset('silver', 'orders')],
        customer_value: [dataset('silver', 'customers'), dataset('silver', 'orders')],
      };
      for (const table of ['daily_revenue', 'customer_value']) {
        const sql = readSql(`gold-${table.replace('_', '-')}`);
        result.gold[table] = await step(
          `gold.${table}`,
          inputsOf[table]!,
          sql,
          async () => {
            await conn.run(sql);
            const rows = await queryNumber(conn, `SELECT count(*) FROM gold_${table}`);
            return { value: rows, outputs: [await describeOutput('gold', table)] };
          },
          { untilPublished: true },
        );
      }
      const ok = await gate('silver_to_gold', [() => true]);
      if (ok) {
        progress(
          'gold',
          `daily_revenue ${formatCountOf(result.gold['daily_revenue'] ?? 0, 'row')}   customer_value ${formatCountOf(result.gold['customer_value'] ?? 0, 'row')}   ${formatGateLine(
            'silver_to_gold',
            result.checks.filter((c) => c.gate === 'silver_to_gold'),
          )}`,
        );
      }
      return ok;
    });
    if (!goldOk) return finish();

    // 5. Publish: stage only what changed, then rename it into the lake. A table changes only
    // when its step applied rows, which is why a rerun writes nothing.
    await timed('publish', async () => {
      const staged = getLayout(layout.staging(runId));
      try {
        const touched = (t: SourceTable) =>
          result.silver[t]!.inserted + result.silver[t]!.updated + result.silver[t]!.deleted;
        const silverChanged = SOURCE_TABLES.some((t) => touched(t) > 0);
        if (result.bronzeNew.customers)
          await stageTable(conn, staged, 'bronze', 'customers', 'customer_id, updated_at');
        if (result.bronzeNew.orders) await stagePartitions(conn, staged, 'orders', KEYS.orders);
        for (const table of SOURCE_TABLES) {
          if (touched(table)) await stageTable(conn, staged, 'silver', table, KEYS[table]);
        }
        const revenueRows = await queryNumber(
          conn,
          'SELECT count(*) FROM gold_daily_revenue WHERE order_date IN (SELECT order_date FROM gold_daily_revenue_days)',
        );
        if (await queryNumber(conn, 'SELECT count(*) FROM gold_daily_revenue_days')) {
          await stageTable(conn, staged, 'gold', 'daily_revenue', GOLD_ORDER['daily_revenue']!);
        }
        if (silverChanged)
          await stageTable(conn, staged, 'gold', 'customer_value', GOLD_ORDER['customer_value']!);
        const written = publishSnapshot(layout, staged.lake, ds);
        result.filesWritten = written.length;
        // Rows the run added or changed in each table it wrote: new bronze versions, silver rows
        // inserted or updated, the gold revenue rows of the recomputed days, and customer_value
        // whole (rebuilt in full); with the size and number of the files written.
        const rowsWritten: Record<string, number> = {
          'bronze/customers': result.bronzeNew.customers ?? 0,
          'bronze/orders': result.bronzeNew.orders ?? 0,
          'silver/customers': touched('customers'),
          'silver/orders': touched('orders'),
          'gold/daily_revenue': revenueRows,
          'gold/customer_value': result.gold['customer_value'] ?? 0,
        };
        const stats = new Map<string, Facet>();
        for (const [key, files] of Map.groupBy(written, (f) =>
          f.split('/').slice(0, 2).join('/'),
        )) {
          const [zone, table] = key.split('/') as ['bronze' | 'silver' | 'gold', string];
          const size = files.reduce((sum, f) => sum + statSync(join(layout.lake, f)).size, 0);
          stats.set(
            dataset(zone, table).name,
            createOutputStatisticsFacet(rowsWritten[key] ?? 0, size, files.length),
          );
        }
        closePending({ written: stats });
      } catch (error) {
        const message = `publish: ${(error as Error).message}; the lake still holds the previous snapshot`;
        closePending({ error: `not published: ${message}` });
        lineage.emit(
          buildRunEvent({
            eventType: 'FAIL',
            runId,
            job: 'daily_batch',
            runFacets: { nominal, errorMessage: createErrorFacet(message) },
          }),
        );
        throw new Error(`${ds}: ${message}`, { cause: error });
      } finally {
        rmSync(staged.root, { recursive: true, force: true });
        removeIfEmpty(join(layout.lake, '_staging'));
      }
    });
    lineage.emit(
      buildRunEvent({ eventType: 'COMPLETE', runId, job: 'daily_batch', runFacets: { nominal } }),
    );
    return finish();
  } finally {
    duck.close();
  }

  function finish(): DayResult {
    result.durationMs = Math.round(performance.now() - started);
    if (
      options.override &&
      !result.override &&
      result.status !== 'held' &&
      result.status !== 'waiting'
    ) {
      progress(
        'accept',
        `not used: gate ${options.override.gate} ${result.stoppedAt && result.stoppedAt !== options.override.gate ? `was not reached (${result.stoppedAt} stopped the day)` : 'passed'}; nothing recorded`,
      );
    }
    if (result.status === 'published') {
      progress(
        'publish',
        `${result.filesWritten} file${result.filesWritten === 1 ? '' : 's'} written   day done in ${formatDuration(result.durationMs)}`,
      );
    }
    return result;
  }
}

/** The column names in a CSV file's header line (the landed files quote no column name). */
function readHeader(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8').split('\n')[0]!.split(',');
  } finally {
    closeSync(fd);
  }
}

/** Remove a folder when nothing is left in it. */
function removeIfEmpty(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}
