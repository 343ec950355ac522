// OpenLineage run events for every step of the miniature, built as plain objects. A step emits
// START when it begins and COMPLETE or FAIL when it ends; a day's run is the parent of its steps.
import { randomBytes } from 'node:crypto';

/** The OpenLineage spec version the events follow. */
export const OPENLINEAGE_SCHEMA_URL =
  'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
/** Who produced the events: this project's miniature runner. */
export const PRODUCER =
  'https://github.com/data-architecture-blueprint/blueprint/tree/main/scripts/miniature';
/** Job namespace of every miniature job. */
export const JOB_NAMESPACE = 'miniature';
const FACETS = 'https://openlineage.io/spec/facets';

/** Run states OpenLineage defines. */
export type EventType = 'START' | 'RUNNING' | 'COMPLETE' | 'ABORT' | 'FAIL' | 'OTHER';

/** A facet: any fields plus who made it and the schema it follows. */
export type Facet = { _producer: string; _schemaURL: string } & Record<string, unknown>;

/** A dataset as OpenLineage names it, with optional facets. */
export interface LineageDataset {
  namespace: string;
  name: string;
  facets?: Record<string, Facet>;
  inputFacets?: Record<string, Facet>;
  outputFacets?: Record<string, Facet>;
}

/** One OpenLineage run event. */
export interface RunEvent {
  eventType: EventType;
  eventTime: string;
  run: { runId: string; facets?: Record<string, Facet> };
  job: { namespace: string; name: string; facets?: Record<string, Facet> };
  inputs: LineageDataset[];
  outputs: LineageDataset[];
  producer: string;
  schemaURL: string;
}

/**
 * A UUID version 7: 48 bits of Unix milliseconds, then random bits. OpenLineage recommends v7
 * run ids because they sort by start time.
 */
export function createRunId(
  now: number = Date.now(),
  random: Uint8Array = randomBytes(10),
): string {
  const hex = now.toString(16).padStart(12, '0').slice(-12);
  const r = Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
  const variant = ((parseInt(r.slice(4, 5), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${r.slice(0, 3)}-${variant}${r.slice(5, 8)}-${r.slice(8, 20)}`;
}

/** A facet with this producer and the given spec file, e.g. "1-0-1/ErrorMessageRunFacet". */
function createFacet(spec: string, fields: Record<string, unknown>): Facet {
  const name = spec.split('/')[1];
  return { _producer: PRODUCER, _schemaURL: `${FACETS}/${spec}.json#/$defs/${name}`, ...fields };
}

/** The run this one belongs to: the day's batch run. */
export function createParentFacet(runId: string, jobName: string): Facet {
  return createFacet('1-1-0/ParentRunFacet', {
    run: { runId },
    job: { namespace: JOB_NAMESPACE, name: jobName },
  });
}

/** The logical period the run processed: the day `ds`, in UTC. */
export function createNominalTimeFacet(start: string, end: string): Facet {
  return createFacet('1-0-1/NominalTimeRunFacet', { nominalStartTime: start, nominalEndTime: end });
}

/** Why the run failed. */
export function createErrorFacet(message: string): Facet {
  return createFacet('1-0-1/ErrorMessageRunFacet', { message, programmingLanguage: 'SQL' });
}

/** The engine that ran the step. */
export function createProcessingEngineFacet(version: string): Facet {
  return createFacet('1-1-1/ProcessingEngineRunFacet', { name: 'DuckDB', version });
}

/** A batch task of the miniature. */
export function createJobTypeFacet(jobType: 'JOB' | 'TASK'): Facet {
  return createFacet('2-0-3/JobTypeJobFacet', {
    processingType: 'BATCH',
    integration: 'MINIATURE',
    jobType,
  });
}

/** The SQL the step ran. */
export function createSqlFacet(query: string, dialect: string): Facet {
  return createFacet('1-1-0/SQLJobFacet', { query, dialect });
}

/** A dataset's columns and types. */
export function createSchemaFacet(fields: ReadonlyArray<{ name: string; type: string }>): Facet {
  return createFacet('1-1-1/SchemaDatasetFacet', { fields });
}

/** What a step wrote: rows, and bytes and files where the output is already a file. */
export function createOutputStatisticsFacet(
  rowCount: number,
  size?: number,
  fileCount?: number,
): Facet {
  return createFacet('1-0-2/OutputStatisticsOutputDatasetFacet', {
    rowCount,
    ...(size === undefined ? {} : { size }),
    ...(fileCount === undefined ? {} : { fileCount }),
  });
}

/** The quality checks run on an input dataset and whether each passed. */
export function createAssertionsFacet(
  assertions: ReadonlyArray<{ assertion: string; success: boolean; column?: string }>,
): Facet {
  return createFacet('1-0-0/DataQualityAssertionsDatasetFacet', { assertions });
}

/**
 * The input datasets of a check job, each with the assertions made about it. `datasetOf` names
 * the dataset a checked relation stands for.
 */
export function toAssertionInputs(
  results: ReadonlyArray<{
    relation: string;
    check: string;
    passed: boolean;
    contract?: { version: string | null } | undefined;
  }>,
  datasetOf: (relation: string) => { namespace: string; name: string },
): LineageDataset[] {
  const byName = new Map<
    string,
    {
      dataset: { namespace: string; name: string };
      assertions: Array<{ assertion: string; success: boolean }>;
    }
  >();
  for (const r of results) {
    const dataset = datasetOf(r.relation);
    const entry = byName.get(dataset.name) ?? { dataset, assertions: [] };
    // A contract check names the version the batch matched, or that none did.
    const version = r.contract
      ? ` (${r.contract.version === null ? 'no reviewed version matched' : `version ${r.contract.version}`})`
      : '';
    entry.assertions.push({ assertion: `${r.relation}: ${r.check}${version}`, success: r.passed });
    byName.set(dataset.name, entry);
  }
  return [...byName.values()].map((e) => ({
    ...e.dataset,
    inputFacets: { dataQualityAssertions: createAssertionsFacet(e.assertions) },
  }));
}

/** Build one run event of job `name` in the miniature's namespace. */
export function buildRunEvent(options: {
  eventType: EventType;
  runId: string;
  job: string;
  eventTime?: Date;
  runFacets?: Record<string, Facet>;
  jobFacets?: Record<string, Facet>;
  inputs?: LineageDataset[];
  outputs?: LineageDataset[];
}): RunEvent {
  return {
    eventType: options.eventType,
    eventTime: (options.eventTime ?? new Date()).toISOString(),
    run: { runId: options.runId, ...(options.runFacets ? { facets: options.runFacets } : {}) },
    job: {
      namespace: JOB_NAMESPACE,
      name: options.job,
      ...(options.jobFacets ? { facets: options.jobFacets } : {}),
    },
    inputs: options.inputs ?? [],
    outputs: options.outputs ?? [],
    producer: PRODUCER,
    schemaURL: OPENLINEAGE_SCHEMA_URL,
  };
}

/**
 * OpenLineage name of a lake folder: namespace `file` and the path as the run saw it, relative
 * to the working directory when inside it (so names match across machines).
 */
export function toFileDataset(
  path: string,
  cwd: string = process.cwd(),
): { namespace: string; name: string } {
  const normalised = path.replaceAll('\\', '/');
  const base = cwd.replaceAll('\\', '/').replace(/\/$/, '');
  const name = normalised.startsWith(`${base}/`) ? normalised.slice(base.length + 1) : normalised;
  return { namespace: 'file', name };
}
