import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startResult, type CheckResult } from '../result.ts';
import { runCommand } from '../tools.ts';
import type { Validator } from './types.ts';

/** The rules script, relative to the project root (kept beside this file). */
export const PYTHON_RULES = 'src/lib/config/validators/python-rules.py';

interface ImportsChecked {
  /** Import roots resolved against an upstream API file. */
  checked: string[];
  /** Whether standard library imports were resolved with importlib. */
  stdlib: boolean;
  /** Import roots with no API file (and "relative imports"): not checked. */
  unchecked: string[];
}

interface RulesOutput {
  python: string;
  results: Array<{
    file: string;
    kinds: string[];
    problems: Array<{ line: number; message: string }>;
    imports: ImportsChecked;
  }>;
}

/** Folder of the upstream package APIs (one JSON per distribution, written by scripts/refresh-schemas.ts). */
export const PYTHON_API_DIR = 'src/lib/config/upstream/python';

/** What the AST rules check for each kind of file the script recognises. */
const KIND_CHECKS: Record<string, string> = {
  'airflow-dag':
    'Airflow rules: DAG ids are unique literals; no top-level I/O or moving dates (runs on every parse); no Airflow 2-only arguments',
  feast:
    'Feast rules: entities, feature views and services have their required arguments and unique names',
  dlt: 'dlt rules: pipelines name a pipeline_name and destination',
  python: 'AST rules: no hard-coded credentials',
};

/**
 * Import roots that have no API file, and why; the page says so instead of a bare "not checked".
 * Every other root without an API file is reported as having no name list.
 */
const NO_API_REASON: Record<string, string> = {
  airflow:
    'apache/airflow (core, task SDK and providers in one repository) is over the snapshot size limit here, so Airflow 3.3.2 and its providers have no API list yet',
  mlflow:
    'the mlflow/mlflow repository is over the snapshot size limit here, so MLflow has no API list yet',
  pandas:
    'the pandas-dev/pandas repository is over the snapshot size limit here, so pandas has no API list yet',
};

interface ApiFile {
  package: string;
  root: string;
  'x-provenance': { repository: string; ref: string };
}

/** The upstream API files in `apiDir` (relative to the root, or absolute), as {path, package, root, repository, ref}. */
function readApiFiles(
  root: string,
  apiDir: string,
): Array<{ path: string; package: string; root: string; repository: string; ref: string }> {
  const dir = resolve(root, apiDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const api = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ApiFile;
      return {
        path: `${apiDir}/${f}`,
        package: api.package,
        root: api.root,
        repository: api['x-provenance'].repository,
        ref: api['x-provenance'].ref,
      };
    });
}

/** Check descriptions and limits for what the import check resolved in one file. */
export function describeImports(
  imports: ImportsChecked,
  apis: ReturnType<typeof readApiFiles>,
  python: string,
): { checks: string[]; limits: string[] } {
  const checks: string[] = [];
  for (const importRoot of imports.checked) {
    const parts = apis.filter((a) => a.root === importRoot);
    const what = parts
      .map((a) => `${a.package} ${a.ref} (${a.path}, read from ${a.repository} at ${a.ref})`)
      .join(' and ');
    checks.push(
      `imports of ${importRoot} resolved against the modules and names of ${what}; attributes of its modules, keyword arguments of calls to its functions and classes, and methods (names and keyword arguments) called on what those calls return, checked against their signatures`,
    );
  }
  if (imports.stdlib)
    checks.push(
      `standard library imports resolved with importlib on python3 ${python} (module found, imported name defined)`,
    );
  const limits: string[] = [];
  const plain = imports.unchecked.filter((r) => !NO_API_REASON[r] && r !== 'relative imports');
  if (plain.length)
    limits.push(
      `imports of ${plain.join(', ')} not checked: no API list for ${plain.length === 1 ? 'that package' : 'those packages'}`,
    );
  for (const r of imports.unchecked)
    if (NO_API_REASON[r]) limits.push(`imports of ${r} not checked: ${NO_API_REASON[r]}`);
  if (imports.unchecked.includes('relative imports')) limits.push('relative imports not checked');
  if (imports.checked.length) {
    limits.push(
      'methods are checked only on names assigned once from a call whose return type the package declares; keyword arguments of callables whose **kwargs go to something outside the package, and members of classes with a base outside it, are not checked',
    );
  }
  return { checks, limits };
}

/**
 * Python files (Airflow DAGs, Feast definitions, dlt pipelines): py_compile on the local
 * python3, AST rules by file kind, and every import resolved: against the upstream API file of
 * its package, or the standard library through importlib, or reported as not checked. Without
 * python3 the result says "not checked". `apiDir` holds the API files (tests point it elsewhere).
 */
export function createPythonValidator(
  python = process.env['PYTHON'] ?? 'python3',
  apiDir = PYTHON_API_DIR,
): Validator {
  return async (inputs) => {
    if (inputs.length === 0) return [];
    const root = inputs[0]!.root;
    const apis = readApiFiles(root, apiDir);
    const out = await runCommand(python, [join(root, PYTHON_RULES)], {
      input: JSON.stringify({
        items: inputs.map((i) => ({ file: i.file, path: i.absPath })),
        apis: apis.map((a) => resolve(root, a.path)),
      }),
      timeoutMs: 120_000,
    });
    let parsed: RulesOutput | undefined;
    try {
      parsed = out.code === 0 ? (JSON.parse(out.stdout) as RulesOutput) : undefined;
    } catch {
      parsed = undefined;
    }
    return inputs.map((input, i) => {
      const result: CheckResult = startResult(input.file, input.entry.path, 'python');
      if (out.error) {
        result.status = 'not-checked';
        result.reason = `${python} is not installed here`;
        return result;
      }
      if (!parsed) {
        // python3 ran but our script failed: that is our bug, and must not pass silently.
        const detail = (out.stderr || out.stdout).trim().split('\n').pop() ?? '';
        result.problems.push({ file: input.file, message: `${PYTHON_RULES} failed: ${detail}` });
        return result;
      }
      const own = parsed.results[i]!;
      result.tools.push({
        name: 'python3',
        version: parsed.python,
        origin: 'py_compile + ast + importlib',
      });
      result.checks.push('byte-compiled with py_compile');
      result.badgeNotes.push(
        ['py_compile', ...own.kinds.filter((k) => k !== 'python').map((k) => `${k} rules`)].join(
          ' and ',
        ),
      );
      if (own.imports.checked.length)
        result.badgeNotes.push(`imports checked against ${own.imports.checked.join(', ')} APIs`);
      result.checks.push(...own.kinds.map((k) => KIND_CHECKS[k] ?? k));
      if (!own.kinds.includes('python')) result.checks.push(KIND_CHECKS['python']!);
      const described = describeImports(own.imports, apis, parsed.python);
      result.checks.push(...described.checks);
      result.limits.push(...described.limits);
      result.problems.push(
        ...own.problems.map((p) => ({ file: input.file, line: p.line, message: p.message })),
      );
      return result;
    });
  };
}

/** The Python validator using `python3` from PATH (or $PYTHON). */
export const validatePython: Validator = createPythonValidator();
