import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, formatIssues } from '../errors/format-issues.ts';
import { IdSchema } from '../graph/schema.ts';
import { BenchmarkSchema, type Benchmark } from './schema.ts';

/** A benchmark file read from disk: its id (the file name), path, raw JSON and validated data. */
export interface BenchmarkFile {
  id: string;
  file: string;
  raw: Record<string, unknown>;
  data: Benchmark;
}

/** Parse and validate one benchmark file's text; returns the problems instead of throwing. */
export function checkBenchmarkText(
  text: string,
  file: string,
): { ok: true; raw: Record<string, unknown>; data: Benchmark } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: [`${file}: (root): expected a JSON object`] };
  const result = BenchmarkSchema.safeParse(raw);
  if (!result.success)
    return { ok: false, problems: formatIssues(file, result.error.issues).split('\n') };
  return { ok: true, raw: raw as Record<string, unknown>, data: result.data };
}

/** Parse and validate one benchmark file's text, or throw a DataError naming the file, field and expectation. */
export function parseBenchmarkText(text: string, file: string): Benchmark {
  const result = checkBenchmarkText(text, file);
  if (!result.ok) throw new DataError(result.problems.join('\n'));
  return result.data;
}

/** Options for the cross-checks a benchmark gets beyond its schema. */
export interface CrossCheckOptions {
  /** Component ids from diagram/graph.yaml. */
  componentIds: ReadonlyArray<string>;
  /** Reject quick-mode results (true for content/benchmarks, where only full runs belong). */
  requireFullRuns: boolean;
}

/** Cross-check a benchmark against the graph and the publishing rules; one message per problem. */
export function findBenchmarkProblems(
  file: string,
  data: Benchmark,
  options: CrossCheckOptions,
): string[] {
  const problems: string[] = [];
  const known = new Set(options.componentIds);
  data.components.forEach((id, i) => {
    if (!known.has(id))
      problems.push(
        `${file}: components[${i}]: "${id}" is not a component in diagram/graph.yaml. Known components: ${[...known].join(', ')}`,
      );
  });
  if (options.requireFullRuns && data.kind === 'measured' && data.provenance.mode !== 'full')
    problems.push(
      `${file}: provenance.mode: is "${data.provenance.mode}"; only full runs are published. Run \`npm run bench\` without --quick.`,
    );
  return problems;
}

/** The benchmark id of a file name: "file-formats.json" → "file-formats"; undefined when not a kebab-case .json name. */
export function benchmarkIdOf(fileName: string): string | undefined {
  const match = /^(.+)\.json$/.exec(fileName);
  return match && IdSchema.safeParse(match[1]).success ? match[1] : undefined;
}

/**
 * Read every `*.json` in `dir`, validate each against the schema and the cross-checks, and return
 * them sorted by id. Throws one DataError listing every problem in every file.
 */
export function loadBenchmarkDir(dir: string, options: CrossCheckOptions): BenchmarkFile[] {
  const problems: string[] = [];
  const files: BenchmarkFile[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = join(dir, name).replace(/^\.\//, '');
    const id = benchmarkIdOf(name);
    if (!id) {
      problems.push(`${file}: the file name must be a kebab-case id such as "file-formats.json"`);
      continue;
    }
    const result = checkBenchmarkText(readFileSync(join(dir, name), 'utf8'), file);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    problems.push(...findBenchmarkProblems(file, result.data, options));
    files.push({ id, file, raw: result.raw, data: result.data });
  }
  if (problems.length) throw new DataError(problems.join('\n'));
  return files;
}

/** Message for a benchmark id that has no file, listing the ones that exist. */
export function unknownBenchmarkMessage(id: string, known: ReadonlyArray<string>): string {
  return `No benchmark "${id}": expected content/benchmarks/${id}.json. Known benchmarks: ${[...known].sort().join(', ')}`;
}
