import { z } from 'zod';
import { IdSchema } from '../graph/schema.ts';

/** A calendar date as `YYYY-MM-DD`. */
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A publication date as precise as the source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
const LooseDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');

const HttpsUrlSchema = z.url({ protocol: /^https$/, error: 'expected an https:// URL' });

/** What a figure counts; decides how it is printed and how ratios are worded. */
export const UnitSchema = z.enum(['ms', 's', 'bytes', 'count', 'MB/s', 'x'], {
  error: 'expected one of ms, s, bytes, count, MB/s, x',
});
export type Unit = z.infer<typeof UnitSchema>;

/** Which direction is good for a measure. */
export const BetterSchema = z.enum(['lower', 'higher', 'none'], {
  error: 'expected one of lower, higher, none',
});
export type Better = z.infer<typeof BetterSchema>;

/** One column of a result table: a quantity measured or quoted for every row. */
export const MeasureSchema = z.object({
  /** Id of the measure, unique in its table; cells are keyed by it. */
  id: IdSchema,
  /** Column heading, e.g. "Two-column projection". */
  label: z.string().min(1),
  /** Unit of every figure in the column. */
  unit: UnitSchema,
  /** Which direction is good. Default "lower" (times and sizes). */
  better: BetterSchema.default('lower'),
  /** Whether the table's comparison gives this column a ratio. Default true. */
  ratio: z.boolean().default(true),
});
export type Measure = z.infer<typeof MeasureSchema>;

/**
 * One figure: a number quoted once, `{ "runs": [...] }` for every measured run, or null when the
 * source has no figure. Normalised to `{ runs }` or null.
 */
export const CellSchema = z
  .union(
    [
      z.number().nonnegative(),
      z.object({
        /** Every measured run after the warm-up, in the order they ran. */
        runs: z.array(z.number().nonnegative()).min(1, 'expected at least one run'),
      }),
      z.null(),
    ],
    { error: 'expected a number ≥ 0, { "runs": [numbers ≥ 0] } or null' },
  )
  .transform((cell) => (typeof cell === 'number' ? { runs: [cell] } : cell));
export type Cell = z.infer<typeof CellSchema>;

/** One row of a result table: a format, a layout, an engine or a published system. */
export const RowSchema = z.object({
  /** Id of the row, unique in its table. */
  id: IdSchema,
  /** Row heading, e.g. "Parquet (zstd)". */
  label: z.string().min(1),
  /** One line on how this row was set up or what limits it. Default none. */
  note: z.string().min(1).optional(),
  /** Published figures: id of the source in `sources` this row comes from. Default: the only source. */
  source: IdSchema.optional(),
  /** Published figures: date of this row's result (YYYY-MM-DD), used to flag old results. */
  date: DaySchema.optional(),
  /** Published figures: link to this row's own result, e.g. a result file at a commit. */
  url: HttpsUrlSchema.optional(),
  /** Figures keyed by measure id; a missing key means "not measured". */
  cells: z.record(IdSchema, CellSchema),
});
export type Row = z.infer<typeof RowSchema>;

/**
 * What the ratios compare: every row against one baseline row (`{ "row": "csv" }`), or within each
 * row, every column of the same unit against one baseline column (`{ "measure": "reload" }`).
 */
export const CompareSchema = z.union(
  [
    z.object({ /** Baseline row id. */ row: IdSchema }).strict(),
    z.object({ /** Baseline measure id. */ measure: IdSchema }).strict(),
  ],
  { error: 'expected { "row": "<row id>" } or { "measure": "<measure id>" }' },
);
export type Compare = z.infer<typeof CompareSchema>;

/** A chart drawn beside the table, from the medians of one or more columns of the same unit. */
export const ChartSchema = z.object({
  /** Measure ids to draw, as grouped bars per row. */
  measures: z.array(IdSchema).min(1),
  /** Scale of the value axis. Default "auto": logarithmic when values span more than 100×. */
  scale: z
    .enum(['auto', 'linear', 'log'], { error: 'expected one of auto, linear, log' })
    .default('auto'),
});
export type Chart = z.infer<typeof ChartSchema>;

/** One result table: rows × measures, with an optional comparison and chart. */
export const TableSchema = z
  .object({
    /** Id of the table, unique in its benchmark; chapters embed a table by it. */
    id: IdSchema,
    /** Caption, e.g. "Query time by file format". */
    title: z.string().min(1),
    /** What was done, in a sentence or two, so the table reads on its own. */
    description: z.string().min(1),
    /** Heading of the row-label column, e.g. "Format" or "System". Default "Variant". */
    rowLabel: z.string().min(1).default('Variant'),
    /** What the ratios compare. Default: no ratios, absolute figures only. */
    compare: CompareSchema.optional(),
    /** The chart drawn with the table. Default: none. */
    chart: ChartSchema.optional(),
    /** Columns, in display order. */
    measures: z.array(MeasureSchema).min(1),
    /** Rows, in display order. */
    rows: z.array(RowSchema).min(1),
    /** Notes printed under the table. Default none. */
    notes: z.array(z.string().min(1)).default([]),
  })
  .superRefine((table, ctx) => {
    const measures = new Set(table.measures.map((m) => m.id));
    const rows = new Set(table.rows.map((r) => r.id));
    const known = (set: Set<string>) => [...set].join(', ');
    const dup = (ids: string[], what: string, key: 'measures' | 'rows') =>
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          ctx.addIssue({
            code: 'custom',
            path: [key, i, 'id'],
            message: `${what} id "${id}" is used twice`,
          });
      });
    dup(
      table.measures.map((m) => m.id),
      'measure',
      'measures',
    );
    dup(
      table.rows.map((r) => r.id),
      'row',
      'rows',
    );
    table.rows.forEach((row, i) => {
      for (const key of Object.keys(row.cells))
        if (!measures.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['rows', i, 'cells', key],
            message: `"${key}" is not a measure of this table. Known measures: ${known(measures)}`,
          });
    });
    if (table.compare && 'row' in table.compare && !rows.has(table.compare.row))
      ctx.addIssue({
        code: 'custom',
        path: ['compare', 'row'],
        message: `"${table.compare.row}" is not a row of this table. Known rows: ${known(rows)}`,
      });
    if (table.compare && 'measure' in table.compare && !measures.has(table.compare.measure))
      ctx.addIssue({
        code: 'custom',
        path: ['compare', 'measure'],
        message: `"${table.compare.measure}" is not a measure of this table. Known measures: ${known(measures)}`,
      });
    const units = new Set<string>();
    table.chart?.measures.forEach((id, i) => {
      const measure = table.measures.find((m) => m.id === id);
      if (!measure)
        ctx.addIssue({
          code: 'custom',
          path: ['chart', 'measures', i],
          message: `"${id}" is not a measure of this table. Known measures: ${known(measures)}`,
        });
      else units.add(measure.unit);
    });
    if (units.size > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['chart', 'measures'],
        message: `charted measures must share one unit; got ${[...units].join(', ')}`,
      });
  });
export type Table = z.infer<typeof TableSchema>;

/** The machine a measured benchmark ran on. */
export const MachineSchema = z.object({
  /** CPU model as the OS reports it, e.g. "AMD EPYC 7R13 Processor". */
  cpu: z.string().min(1),
  /** Logical cores available to the process. */
  cores: z.number().int().min(1),
  /** Physical memory in bytes. */
  memoryBytes: z.number().int().min(1),
  /** Operating system and kernel, e.g. "Debian GNU/Linux 12 (bookworm), Linux 6.1.0". */
  os: z.string().min(1),
  /** CPU architecture as Node names it, e.g. "x64". */
  arch: z.string().min(1),
  /** VM or host type from /sys/class/dmi/id (vendor and product), e.g. "Amazon EC2 c6a.large"; "unknown" where unreadable. */
  host: z.string().min(1).optional(),
  /** File system of the directory the data files were written to, e.g. "ext4" or "tmpfs". */
  fileSystem: z.string().min(1).optional(),
  /** Block device behind that directory and what it is, e.g. "/dev/nvme1n1 (Amazon EBS, SSD)". */
  disk: z.string().min(1).optional(),
  /** Load average (1, 5, 15 minutes) when the run started and ended; 0s on systems without one. */
  loadAverage: z.object({
    /** When the run that wrote the result started, before its first benchmark (a later benchmark's own start would count the previous one). */
    start: z.tuple([z.number(), z.number(), z.number()]),
    /** After the last measurement. It includes the benchmark's own work, so the gate reads otherCpu instead. */
    end: z.tuple([z.number(), z.number(), z.number()]),
  }),
  /**
   * CPU that processes other than the benchmark (and the servers it started) used while it ran, as an
   * average number of cores, from /proc/stat less the run's own CPU time; absent where not measurable.
   */
  otherCpu: z.number().min(0).optional(),
});
export type Machine = z.infer<typeof MachineSchema>;

/** A piece of software and its exact version. */
export const SoftwareSchema = z.object({
  /** Name, e.g. "DuckDB" or "@duckdb/node-api". */
  name: z.string().min(1),
  /** Version as the software reports it, e.g. "v1.5.6". */
  version: z.string().min(1),
});
export type Software = z.infer<typeof SoftwareSchema>;

/** A named setting that shapes the figures, e.g. threads or durability. */
export const SettingSchema = z.object({
  /** What is set, e.g. "DuckDB threads". */
  name: z.string().min(1),
  /** Its value, e.g. "2". */
  value: z.string().min(1),
});

/** Where, when and how a measured benchmark ran: everything needed to judge and repeat it. */
export const ProvenanceSchema = z.object({
  /** When the run started, as an ISO 8601 timestamp. */
  date: z.iso.datetime({
    offset: true,
    error: 'expected an ISO 8601 timestamp such as 2026-11-28T06:00:00.000Z',
  }),
  /** The commit the scripts ran from. */
  commit: z.object({
    /** Full or abbreviated SHA, or "unknown" outside a git checkout. */
    sha: z.string().regex(/^([0-9a-f]{7,40}|unknown)$/, 'expected a git SHA or "unknown"'),
    /** True when the tooling had uncommitted changes (content/benchmarks/ excluded: runs write there). */
    dirty: z.boolean(),
    /** The uncommitted paths, as `git status --porcelain` lists them. Default none. */
    dirtyPaths: z.array(z.string().min(1)).default([]),
  }),
  /** "full" for publishable runs; "quick" for the test suite's smoke runs. */
  mode: z.enum(['full', 'quick'], { error: 'expected one of full, quick' }),
  /** The machine. */
  machine: MachineSchema,
  /** Node.js version, e.g. "v24.21.0". */
  node: z.string().min(1),
  /** Engines and libraries that did the work, with versions. */
  software: z.array(SoftwareSchema).min(1),
  /** The data the benchmark ran on. */
  dataset: z.object({
    /** Short name, e.g. "orders". */
    name: z.string().min(1),
    /** What the rows look like and how they were generated. */
    description: z.string().min(1),
    /** Number of rows. */
    rows: z.number().int().min(1),
    /** Seed of the deterministic generator; same seed and same engine version, same rows. */
    seed: z.number().int(),
    /** File holding the generator, from the repository root. */
    generator: z.string().min(1),
  }),
  /** How many times each figure ran. */
  plan: z.object({
    /** Unmeasured runs first, to warm caches and code paths. */
    warmup: z.number().int().min(0),
    /** Measured runs; medians and ranges come from these. */
    runs: z.number().int().min(1),
  }),
  /** Settings that shape the figures. Default none. */
  settings: z.array(SettingSchema).default([]),
  /** Wall-clock seconds the whole benchmark took, setup included. */
  durationSeconds: z.number().nonnegative(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Who published a figure, relative to the systems compared. */
export const StanceSchema = z.enum(['vendor', 'independent', 'open-benchmark'], {
  error: 'expected one of vendor, independent, open-benchmark',
});
export type Stance = z.infer<typeof StanceSchema>;

/** A publication that published figures: cited, never copied wholesale. */
export const SourceSchema = z.object({
  /** Id of the source, unique in its benchmark; rows point at it. */
  id: IdSchema,
  /** Title as published. */
  title: z.string().min(1),
  /** Where to read it. */
  url: HttpsUrlSchema,
  /** Who published it, with any affiliation that matters, e.g. "Confluent (vendor of Kafka)". */
  publisher: z.string().min(1),
  /** Named authors. Default none. */
  authors: z.array(z.string().min(1)).default([]),
  /** Publication date as precise as the source gives it. Default: undated. */
  date: LooseDateSchema.optional(),
  /** "vendor" sells one of the systems compared (or the author works for one); "independent" does not; "open-benchmark" is a public, re-runnable benchmark repository. */
  stance: StanceSchema,
  /** Licence of the source, and how its figures are used here. */
  licence: z.string().min(1),
  /** What to keep in mind when reading its figures. Default none. */
  caveats: z.array(z.string().min(1)).default([]),
});
export type Source = z.infer<typeof SourceSchema>;

const CommonFields = {
  /** Page and embed title, e.g. "File formats and compression". */
  title: z.string().min(1),
  /** One or two sentences: the question this benchmark answers. */
  summary: z.string().min(20).max(400),
  /** Component ids (diagram/graph.yaml) whose decisions this evidence informs; the map links from them. */
  components: z.array(IdSchema).min(1),
  /** Result tables, in display order. */
  tables: z.array(TableSchema).min(1),
  /** What the figures do not show, in plain words. Default none. */
  caveats: z.array(z.string().min(1)).default([]),
};

/** Fewest measured runs (after warm-up) behind a publishable figure. */
export const MIN_PUBLISHED_RUNS = 10;

/** Highest 1-minute load average before the run, as a share of the cores, at which a full run may be published. */
export const MAX_LOAD_PER_CORE = 0.5;

const roundCores = (n: number) => Math.round(n * 100) / 100;

/** Most CPU other processes may use during a published run, as a share of the cores (0.2 cores on 2). */
export const MAX_OTHER_CPU_PER_CORE = 0.1;

/**
 * A result that does not pass the publishing gate but is kept, visibly labelled, until it is rerun:
 * e.g. measured on a busy machine from a dirty checkout.
 */
export const ResultStatusSchema = z.object({
  /** The only non-final state: shown as "Provisional" on the page and in every embed. */
  state: z.literal('provisional', {
    error: 'expected "provisional" (omit status for a publishable result)',
  }),
  /** Why it is not publishable, in plain words, e.g. "measured on a busy machine (load 2.3–2.8 on 2 cores)". */
  reason: z.string().min(20, 'say why the result is not publishable (at least 20 characters)'),
});
export type ResultStatus = z.infer<typeof ResultStatusSchema>;

/** Why a full measured result fails the publishing gate; empty when it passes. */
export function publishingGateFailures(p: {
  mode: string;
  commit: { dirty: boolean; dirtyPaths?: string[] };
  /** otherCpu is undefined before a run starts (only the start load is known then). */
  machine: { cores: number; loadAverage: { start: number[] }; otherCpu?: number | undefined };
  plan: { runs: number };
  /** False before the run, when other processes' CPU cannot be known yet. */
  finished?: boolean;
}): string[] {
  if (p.mode !== 'full') return [];
  const limit = p.machine.cores * MAX_LOAD_PER_CORE;
  const failures: string[] = [];
  if (p.commit.dirty)
    failures.push(
      `the tooling had uncommitted changes (${(p.commit.dirtyPaths ?? []).join(', ') || 'paths not recorded'}); commit them and rerun`,
    );
  // The load average at the end counts the benchmark itself (DuckDB's threads keep both cores busy), so
  // only the start is held to it; during the run, what matters is the CPU other processes took.
  const load = p.machine.loadAverage.start[0]!;
  if (load > limit)
    failures.push(
      `1-minute load average at start was ${load} on ${p.machine.cores} cores; expected at most ${limit} (half the cores)`,
    );
  if (p.finished !== false) {
    const otherLimit = roundCores(p.machine.cores * MAX_OTHER_CPU_PER_CORE);
    if (p.machine.otherCpu === undefined)
      failures.push(
        'the CPU used by other processes during the run was not recorded (it is read from /proc/stat on Linux)',
      );
    else if (p.machine.otherCpu > otherLimit)
      failures.push(
        `other processes used ${p.machine.otherCpu} cores on average during the run; expected at most ${otherLimit} (a tenth of the ${p.machine.cores} cores)`,
      );
  }
  if (p.plan.runs < MIN_PUBLISHED_RUNS)
    failures.push(
      `${p.plan.runs} measured runs; expected at least ${MIN_PUBLISHED_RUNS} after warm-up`,
    );
  return failures;
}

/** A benchmark this project measured with `npm run bench`; written by scripts/bench, never by hand. */
export const MeasuredBenchmarkSchema = z
  .object({
    /** Measured here. */
    kind: z.literal('measured'),
    /** Absent for a result that passed the publishing gate; "provisional" with a reason otherwise. */
    status: ResultStatusSchema.optional(),
    /** What was measured and on what, and what it is not, e.g. "DuckDB on a local disk, not Trino over S3". */
    scope: z.string().min(20).optional(),
    ...CommonFields,
    /** The command that reproduces the file, e.g. "npm run bench -- --only=file-formats". */
    reproduce: z.string().min(1),
    /** The script that wrote the file, e.g. "scripts/bench/run.ts". */
    generatedBy: z.string().min(1),
    /** Where, when and how it ran. */
    provenance: ProvenanceSchema,
  })
  .superRefine((b, ctx) => {
    // The publishing gate: a full result that is dirty, noisy or thin is accepted only as provisional.
    if (b.status) return;
    for (const failure of publishingGateFailures(b.provenance))
      ctx.addIssue({
        code: 'custom',
        path: ['provenance'],
        message: `not publishable: ${failure}. Rerun on an idle machine from a clean checkout, or mark the result { "status": { "state": "provisional", "reason": "…" } }`,
      });
  });
export type MeasuredBenchmark = z.infer<typeof MeasuredBenchmarkSchema>;

/** Figures published elsewhere, quoted as facts with their source, date and licence. */
export const PublishedBenchmarkSchema = z
  .object({
    /** Published by others. */
    kind: z.literal('published'),
    ...CommonFields,
    /** When the figures were read from their sources (YYYY-MM-DD). */
    retrieved: DaySchema,
    /** Licence of the figures on this page when it is not the site's MIT licence, e.g. derived from a CC BY-NC-SA source. Default: none beyond the sources'. */
    licence: z.string().min(1).optional(),
    /** How the figures were derived from the sources, if not copied as printed. Default: as printed. */
    method: z.string().min(1).optional(),
    /** How a reader can check or re-run the figures. Default: read the sources. */
    reproduce: z.string().min(1).optional(),
    /** Row results older than this many years before `retrieved` are flagged as old. Default 2. */
    staleAfterYears: z.number().positive().default(2),
    /** The publications the figures come from. */
    sources: z.array(SourceSchema).min(1),
  })
  .superRefine((benchmark, ctx) => {
    const ids = new Set(benchmark.sources.map((s) => s.id));
    benchmark.tables.forEach((table, t) =>
      table.rows.forEach((row, r) => {
        if (row.source && !ids.has(row.source))
          ctx.addIssue({
            code: 'custom',
            path: ['tables', t, 'rows', r, 'source'],
            message: `"${row.source}" is not a source of this benchmark. Known sources: ${[...ids].join(', ')}`,
          });
        if (!row.source && ids.size > 1)
          ctx.addIssue({
            code: 'custom',
            path: ['tables', t, 'rows', r, 'source'],
            message: `required when a benchmark has several sources; one of ${[...ids].join(', ')}`,
          });
      }),
    );
  });
export type PublishedBenchmark = z.infer<typeof PublishedBenchmarkSchema>;

/** One file in content/benchmarks/: measured here or published elsewhere. The file name is its id. */
export const BenchmarkSchema = z.discriminatedUnion(
  'kind',
  [MeasuredBenchmarkSchema, PublishedBenchmarkSchema],
  {
    error: 'expected kind "measured" or "published"',
  },
);
export type Benchmark = z.infer<typeof BenchmarkSchema>;
/** The input shape of a benchmark file, before defaults and normalisation. */
export type BenchmarkInput = z.input<typeof BenchmarkSchema>;
