// The run summary: what a miniature run did, on which machine, with which versions. The CLI
// writes it as JSON; content/miniature/run-summary.json is one committed default run, which
// MiniatureRun.astro renders in the chapters.
import { z } from 'zod';
import { MiniatureConfigSchema } from './config.ts';
import { GATES } from './gates.ts';
import { ZONES } from './layout.ts';

const Count = z.number().int().min(0);
/** Rows per zone an erasure touched, quarantine included. */
const ZoneCounts = z
  .object({ landing: Count, quarantine: Count, bronze: Count, silver: Count, gold: Count })
  .strict();

/** Rows per source table, e.g. { customers: 5000, orders: 12000 }. */
const PerTableSchema = z.object({ customers: Count, orders: Count }).strict();

/** One logical day's run. */
export const DaySummarySchema = z
  .object({
    /** The logical day, YYYY-MM-DD. */
    ds: z.string(),
    /**
     * `published` when every gate passed; `stopped` when one failed and nothing was published;
     * `held` when the day was only ingested, to be promoted later; `waiting` when it landed but
     * an earlier day was missing from the lake, so it was not promoted (see `waitingFor`).
     */
    status: z.enum(['published', 'stopped', 'held', 'waiting']),
    /** A recorded override that let the day past a gate's blocking failures. Default none. */
    override: z
      .object({ gate: z.enum(GATES), reason: z.string(), checks: z.array(z.string()) })
      .strict()
      .nullable()
      .default(null),
    /** The earlier days a `waiting` day waited for. Default none. */
    waitingFor: z.array(z.string()).default([]),
    /** The gate that stopped the day, or null. */
    stoppedAt: z.enum(GATES).nullable(),
    /** Wall-clock time of the day's run, in milliseconds. */
    durationMs: Count,
    /** Milliseconds per step; a step a stopped day never reached is absent. */
    steps: z.partialRecord(z.enum(['ingest', 'bronze', 'silver', 'gold', 'publish']), Count),
    /** Rows delivered into landing, including rows the connector sent twice. */
    landingRows: PerTableSchema,
    /** Rows the connector delivered twice (a retried page). */
    resentRows: PerTableSchema,
    /** Versions bronze had not seen before. */
    bronzeNew: PerTableSchema,
    /** Rows the silver MERGE inserted and updated. */
    silverInserted: PerTableSchema,
    silverUpdated: PerTableSchema,
    /** Silver rows removed by delete markers of a change log (--cdc); absent when none were. */
    silverDeleted: PerTableSchema.optional(),
    /**
     * The landing contract the day's orders batch was checked against, and the reviewed version
     * its columns matched (null: none did, and the batch was stopped). Absent when no contract check ran.
     */
    contract: z.object({ name: z.string(), version: z.string().nullable() }).strict().optional(),
    checksPassed: Count,
    checksFailed: Count,
    /** Lake files written; 0 for a day that changed nothing. */
    filesWritten: Count,
  })
  .strict();
export type DaySummary = z.infer<typeof DaySummarySchema>;

/** One table of the lake after the run. */
export const ZoneTableSchema = z
  .object({
    zone: z.enum(ZONES),
    table: z.string(),
    /** Folder under the output root, e.g. "lake/silver/orders". */
    path: z.string(),
    rows: Count,
    files: Count,
    bytes: Count,
  })
  .strict();
export type ZoneTable = z.infer<typeof ZoneTableSchema>;

/** One check, summed over every day it ran. */
export const CheckSummarySchema = z
  .object({
    gate: z.enum(GATES),
    relation: z.string(),
    check: z.string(),
    /** `warn` when a failure does not stop the day. Default `error`. */
    severity: z.enum(['error', 'warn']).default('error'),
    /** How many times it ran (once per day that reached its gate). */
    runs: Count,
    passed: Count,
  })
  .strict();
export type CheckSummary = z.infer<typeof CheckSummarySchema>;

/** A job of the lineage graph with the datasets it read and wrote, over the whole run. */
export const LineageJobSchema = z
  .object({
    /** Job name in the `miniature` namespace, e.g. "silver.orders". */
    name: z.string(),
    /** Dataset ids (`namespace:name`) read and written. */
    inputs: z.array(z.string()),
    outputs: z.array(z.string()),
  })
  .strict();

/** A dataset of the lineage graph. */
export const LineageDatasetSchema = z
  .object({
    /** `namespace:name`, the id jobs refer to. */
    id: z.string(),
    namespace: z.string(),
    name: z.string(),
    /** Where it sits in the flow: the source database or a lake zone. */
    zone: z.enum(['source', ...ZONES]),
    /** Short label, e.g. "silver/orders". */
    label: z.string(),
  })
  .strict();
export type LineageDatasetSummary = z.infer<typeof LineageDatasetSchema>;

/** The lineage of the run, read from its OpenLineage events. */
export const LineageSummarySchema = z
  .object({
    /** The JSON-lines file the events went to, relative to the repository. */
    file: z.string(),
    events: Count,
    /** Job runs (one START and one COMPLETE or FAIL each). */
    runs: Count,
    /** True when every event matched the OpenLineage schema the project keeps. */
    valid: z.boolean(),
    jobs: z.array(LineageJobSchema),
    datasets: z.array(LineageDatasetSchema),
  })
  .strict();
export type LineageSummary = z.infer<typeof LineageSummarySchema>;

/** The whole summary file. */
export const RunSummarySchema = z
  .object({
    /** Provenance line: which script wrote the file. */
    generatedBy: z.string(),
    /** The command that produced it. */
    command: z.string(),
    /** When the run finished, ISO 8601. */
    date: z.string(),
    machine: z
      .object({
        os: z.string(),
        arch: z.string(),
        cpu: z.string(),
        cores: Count,
        memoryGiB: z.number(),
        /** One-minute load average when the run ended; above `cores` the machine was busy. */
        loadAverage: z.number().min(0),
      })
      .strict(),
    versions: z
      .object({
        node: z.string(),
        duckdb: z.string(),
        duckdbNodeApi: z.string(),
        /** The source engine and its version, or null when no batch had to be extracted. */
        source: z.string().nullable(),
      })
      .strict(),
    /** Milliseconds to start the source and load the shop's writes; null when it was not needed. */
    sourceStartMs: Count.nullable(),
    config: MiniatureConfigSchema,
    /** Whole invocation, wall clock, in milliseconds. */
    durationMs: Count,
    /** CPU time the process used, in milliseconds (user + system). */
    cpuMs: Count,
    days: z.array(DaySummarySchema),
    zones: z.array(ZoneTableSchema),
    /**
     * Days of the run missing from the lake after the invocation, with why (never ran, landed
     * but not promoted, stopped by a gate). Default none.
     */
    gaps: z
      .array(
        z
          .object({
            ds: z.string(),
            reason: z.enum(['never ran', 'landed, not promoted', 'stopped by a gate']),
          })
          .strict(),
      )
      .default([]),
    /**
     * With --cdc only: the replication slot and plugin the changes came from, and per day what
     * the cursor extract, taken at the same moment, would have lost (see
     * content/miniature/sql/cdc-cursor-comparison.sql). Absent from a cursor run.
     */
    cdc: z
      .object({
        slot: z.string(),
        plugin: z.literal('test_decoding'),
        /** Creates and updates CDC delivered over the run. */
        versions: Count,
        /** Of those, versions no cursor extract of any day returned. */
        versionsCursorMissed: Count,
        /** Delete markers CDC delivered; a cursor extract sees none. */
        deletes: Count,
        /** Deleted orders a cursor extract had returned, which a cursor-fed lake would keep. */
        deletesOfExtracted: Count,
        days: z.array(
          z
            .object({
              ds: z.string(),
              versions: Count,
              versionsCursorMissed: Count,
              deletes: Count,
              deletesOfExtracted: Count,
            })
            .strict(),
        ),
      })
      .strict()
      .optional(),
    /**
     * With --evolve only: the day the shop's release added a column to orders, the column, and
     * the landing contract versions in force for this invocation (without the newest one when
     * its review was simulated as missing, `reviewed` false). Absent otherwise.
     */
    evolution: z
      .object({
        ds: z.string(),
        column: z.string(),
        reviewed: z.boolean(),
        contractVersions: z.array(z.string()),
      })
      .strict()
      .optional(),
    /**
     * With --erase-customer only: the customer erased, their orders, the rows removed per zone,
     * the landing and quarantine batches rewritten, and the check that scanned every file
     * afterwards (`remaining` all zero when the erasure is complete). Absent otherwise.
     */
    erasure: z
      .object({
        customerId: Count,
        orders: Count,
        removed: ZoneCounts,
        batchesRewritten: Count,
        remaining: ZoneCounts,
        filesScanned: Count,
      })
      .strict()
      .optional(),
    /**
     * Customers erased from this lake by earlier runs (and from its simulated source), and the
     * rows of theirs a scan of every file found after this run's days; all zero when none came
     * back. Absent when the lake has no erasure.
     */
    erasedChecks: z
      .array(z.object({ customerId: Count, remaining: ZoneCounts, filesScanned: Count }).strict())
      .optional(),
    checks: z.array(CheckSummarySchema),
    lineage: LineageSummarySchema,
    /** A published day run again: it must write nothing and leave every table as it was. */
    rerun: z
      .object({ ds: z.string(), durationMs: Count, filesWritten: Count, unchanged: z.boolean() })
      .strict()
      .nullable(),
  })
  .strict();
export type RunSummary = z.infer<typeof RunSummarySchema>;
