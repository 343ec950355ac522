// The quality gates, as written in content/miniature/checks.yaml. Each check is a one-key
// mapping (`not_null: [a, b]`); parsing turns it into one tagged shape per kind.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseOrThrow, parseYamlText } from '../errors/format-issues.ts';
import { GATES } from './gates.ts';

/** A column or relation name: lower-case SQL identifier, so it never needs quoting. */
const IdentifierSchema = z
  .string()
  .regex(/^[a-z_][a-z0-9_]*$/, 'expected a lower-case SQL identifier such as "order_id"');

/** A DuckDB type name such as BIGINT or DECIMAL(12, 2). */
const TypeSchema = z
  .string()
  .regex(
    /^[A-Z]+( ?\(\d+(, ?\d+)?\))?$/,
    'expected a DuckDB type such as BIGINT or DECIMAL(12, 2)',
  );

/** A semantic version, major.minor.patch, as the source contract's `version` (ODCS). */
const VersionSchema = z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version such as "1.1.0"');

/** One version of a landing contract: its columns, what changed and who reviewed it. */
const ContractVersionSchema = z
  .object({
    /** Semantic version: a new nullable column is a minor version, a rename, retype or drop a major one. */
    version: VersionSchema,
    /** What this version changed, in one line. */
    change: z.string().min(1),
    /** Who reviewed the change (producer and platform) and on which day; a version is in force only once reviewed. */
    reviewed: z
      .object({
        by: z.string().min(1),
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day written YYYY-MM-DD'),
      })
      .strict(),
    /** Exactly these columns, each value castable to its type. */
    columns: z.record(IdentifierSchema, TypeSchema),
  })
  .strict();
export type ContractVersion = z.infer<typeof ContractVersionSchema>;

/** Order two semantic versions. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! - y![i]!;
  return 0;
}

/** The payload schema of each check kind, keyed by the kind's YAML name. */
const KIND_SCHEMAS = {
  /** Exactly these columns, each value castable to its type. */
  schema: z.record(IdentifierSchema, TypeSchema),
  /**
   * A versioned landing contract: a batch must have exactly the columns of one reviewed version
   * (the newest that fits is reported), each value castable to its type. Versions are listed
   * oldest first.
   */
  contract: z
    .object({ name: z.string().min(1), versions: z.array(ContractVersionSchema).min(1) })
    .strict()
    .refine(
      (c) =>
        c.versions.every(
          (v, i) => i === 0 || compareVersions(c.versions[i - 1]!.version, v.version) < 0,
        ),
      {
        message: 'expected versions oldest first, each newer than the one before',
        path: ['versions'],
      },
    ),
  /** At least `min_rows` rows (default 1) and, if set, at most `max_drop_pct` % below the median of earlier on-time batches. */
  volume: z
    .object({
      min_rows: z.number().int().min(0).default(1),
      max_drop_pct: z.number().min(0).max(100).optional(),
    })
    .strict(),
  /** None of these columns is NULL. */
  not_null: z.array(IdentifierSchema).min(1),
  /** No two rows share a value of these columns. */
  unique: z.object({ columns: z.array(IdentifierSchema).min(1) }).strict(),
  /** The column holds only these values (NULL is the business of not_null). */
  accepted_values: z
    .object({ column: IdentifierSchema, values: z.array(z.string()).min(1) })
    .strict(),
  /** A SQL condition every row meets; rows where it is false are failures. */
  row_condition: z.object({ name: z.string().min(1), expect: z.string().min(1) }).strict(),
  /** Every non-NULL value of `column` exists in `to`.`field` (referential integrity). */
  references: z
    .object({ column: IdentifierSchema, to: IdentifierSchema, field: IdentifierSchema })
    .strict(),
  /** The newest `column` value is at most `max_age_hours` older than the end of the run's day. */
  freshness: z.object({ column: IdentifierSchema, max_age_hours: z.number().positive() }).strict(),
  /** A query in content/miniature/sql/<file>.sql whose rows are failures. */
  sql: z.object({ name: z.string().min(1), file: z.string().regex(/^[a-z0-9-]+$/) }).strict(),
} as const;

/** Names of the check kinds. */
export type CheckKind = keyof typeof KIND_SCHEMAS;
export const CHECK_KINDS = Object.keys(KIND_SCHEMAS) as CheckKind[];

/** One parsed check: its kind and that kind's settings. */
export type Check = {
  [K in CheckKind]: { kind: K; spec: z.output<(typeof KIND_SCHEMAS)[K]> };
}[CheckKind];

/** One check, written as a mapping with exactly one key: the kind. */
export const CheckSchema = z.record(z.string(), z.unknown()).transform((input, ctx): Check => {
  const keys = Object.keys(input);
  const kind = keys[0] as CheckKind | undefined;
  if (keys.length !== 1 || !kind || !CHECK_KINDS.includes(kind)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected exactly one check kind, one of ${CHECK_KINDS.join(', ')}; got ${keys.map((k) => `"${k}"`).join(', ') || 'none'}`,
    });
    return z.NEVER;
  }
  const parsed = KIND_SCHEMAS[kind].safeParse(input[kind]);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: [kind, ...issue.path] });
    }
    return z.NEVER;
  }
  return { kind, spec: parsed.data } as Check;
});

export { GATES, type GateName } from './gates.ts';

/** The checks one gate runs on one relation. */
export const RelationChecksSchema = z
  .object({
    /** Table or view the checks query, e.g. bronze_orders_batch. */
    relation: IdentifierSchema,
    /** Landing batch to quarantine when a check here fails; none means nothing is quarantined. */
    batch: z.enum(['customers', 'orders']).optional(),
    /**
     * `error` (the default): a failure stops the day. `warn`: a failure is reported and audited
     * but the day goes on; for drift, which is often a real change rather than wrong data.
     */
    severity: z.enum(['error', 'warn']).default('error'),
    /**
     * Only when orders are captured this way: `cursor` (the incremental extract of a default
     * run) or `cdc` (the change log of --cdc), whose landing and bronze relations have other
     * columns. Default: both.
     */
    capture: z.enum(['cursor', 'cdc']).optional(),
    /** The checks, run in order; all of them run even after one fails. */
    checks: z.array(CheckSchema).min(1),
  })
  .strict();
export type RelationChecks = z.infer<typeof RelationChecksSchema>;

/** One gate: its name, the question it answers, and its checks. */
export const GateSchema = z
  .object({
    /** Which promotion the gate guards. */
    gate: z.enum(GATES),
    /** The question the gate answers, in one line. */
    description: z.string().min(1),
    relations: z.array(RelationChecksSchema).min(1),
  })
  .strict();
export type Gate = z.infer<typeof GateSchema>;

/** The whole checks file: every gate once, in promotion order. */
export const ChecksFileSchema = z
  .object({ gates: z.array(GateSchema) })
  .strict()
  .refine((file) => file.gates.map((g) => g.gate).join() === GATES.join(), {
    message: `expected the gates ${GATES.join(', ')}, once each and in that order`,
    path: ['gates'],
  });
export type ChecksFile = z.infer<typeof ChecksFileSchema>;

/** Default location of the checks file. */
export const CHECKS_FILE = fileURLToPath(
  new URL('../../../content/miniature/checks.yaml', import.meta.url),
);

/** Parse checks YAML text; errors name the file and the field. */
export function parseChecks(text: string, file = 'content/miniature/checks.yaml'): ChecksFile {
  return parseOrThrow(ChecksFileSchema, parseYamlText(text, file), file);
}

/** How the orders are captured: the cursor's incremental extract, or log-based CDC. */
export type Capture = 'cursor' | 'cdc';

/** The checks that apply when orders are captured with `capture`. */
export function selectChecks(file: ChecksFile, capture: Capture): ChecksFile {
  return {
    gates: file.gates.map((g) => ({
      ...g,
      relations: g.relations.filter((r) => (r.capture ?? capture) === capture),
    })),
  };
}

/**
 * The checks as they were before the newest version of each landing contract was reviewed:
 * what --evolve=DAY:unreviewed runs with, a release that shipped ahead of its contract change.
 */
export function withoutNewestContractVersions(file: ChecksFile): ChecksFile {
  return {
    gates: file.gates.map((g) => ({
      ...g,
      relations: g.relations.map((r) => ({
        ...r,
        checks: r.checks.map((c): Check =>
          c.kind === 'contract' && c.spec.versions.length > 1
            ? { kind: 'contract', spec: { ...c.spec, versions: c.spec.versions.slice(0, -1) } }
            : c,
        ),
      })),
    })),
  };
}

/** Read and parse the checks file. */
export function loadChecks(path: string = CHECKS_FILE): ChecksFile {
  return parseChecks(readFileSync(path, 'utf8'));
}
