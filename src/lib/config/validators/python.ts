import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startResult, type CheckResult } from '../result.ts';
import { runCommand } from '../tools.ts';
import type { Validator } from './types.ts';

/** The rules script, relative to the project root (kept beside this file). */
export const PYTHON_RULES = 'src/lib/config/validators/python-rules.py';

interface RulesOutput {
  python: string;
  results: Array<{ file: string; kinds: string[]; problems: Array<{ line: number; message: string }> }>;
}

/** Upstream package APIs (scripts/lib/schema-sources) that imports and keyword arguments are resolved against. */
const UPSTREAM_APIS = ['src/lib/config/upstream/feast-api.json'];

/** What the AST rules check for each kind of file the script recognises. */
const KIND_CHECKS: Record<string, string> = {
  'airflow-dag': 'Airflow rules: DAG ids are unique literals; no top-level I/O or moving dates (runs on every parse); no Airflow 2-only arguments',
  feast: 'Feast rules: entities, feature views and services have their required arguments and unique names',
  dlt: 'dlt rules: pipelines name a pipeline_name and destination',
  python: 'AST rules: no hard-coded credentials',
  'feast-api':
    'imports from feast resolved against the modules and names of feast {feast} (src/lib/config/upstream/feast-api.json), and keyword arguments of calls to what they import checked against its constructors and functions',
};

/**
 * Python files (Airflow DAGs, Feast definitions, dlt pipelines): py_compile on the local
 * python3, then AST rules by file kind. Without python3 the result says "not checked".
 */
export function createPythonValidator(python = process.env['PYTHON'] ?? 'python3'): Validator {
  return async (inputs) => {
    if (inputs.length === 0) return [];
    const root = inputs[0]!.root;
    const out = await runCommand(python, [join(root, PYTHON_RULES)], {
      input: JSON.stringify({ items: inputs.map((i) => ({ file: i.file, path: i.absPath })), apis: UPSTREAM_APIS.map((a) => join(root, a)) }),
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
      const feastRef = (JSON.parse(readFileSync(join(root, UPSTREAM_APIS[0]!), 'utf8')) as { 'x-provenance': { ref: string } })['x-provenance'].ref;
      result.tools.push({ name: 'python3', version: parsed.python, origin: 'py_compile + ast' });
      result.checks.push('byte-compiled with py_compile');
      result.badgeNotes.push(['py_compile', ...own.kinds.filter((k) => k !== 'python').map((k) => `${k} rules`)].join(' and '));
      result.checks.push(...own.kinds.map((k) => (KIND_CHECKS[k] ?? k).replace('{feast}', feastRef)));
      if (!own.kinds.includes('python')) result.checks.push(KIND_CHECKS['python']!);
      result.limits.push(
        own.kinds.includes('feast-api')
          ? 'imports of packages other than feast are not resolved (apache/airflow is over the snapshot size limit here; dlt, mlflow and the rest have no name list); classes without an __init__ of their own (dataclasses) have their keyword arguments unchecked'
          : 'imports are not resolved: no name list for Airflow (apache/airflow is over the snapshot size limit here), dlt, Superset or the other packages imported',
      );
      result.problems.push(...own.problems.map((p) => ({ file: input.file, line: p.line, message: p.message })));
      return result;
    });
  };
}

/** The Python validator using `python3` from PATH (or $PYTHON). */
export const validatePython: Validator = createPythonValidator();
