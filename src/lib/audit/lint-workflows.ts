// Finds every workflow the repository holds; the linting itself is the config validator's
// (src/lib/config/validators/github-actions.ts), so both checks accept the same findings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { WorkflowProblem } from '../config/validators/github-actions.ts';

export { lintWorkflow, type WorkflowProblem } from '../config/validators/github-actions.ts';

/** The files a config manifest (content/configs/<id>/manifest.yaml) says are checked as workflows. */
export function workflowsInManifest(manifestText: string): string[] {
  const manifest = parse(manifestText) as {
    files?: { path?: unknown; validator?: unknown }[];
  } | null;
  return (manifest?.files ?? [])
    .filter((f) => f.validator === 'github-actions' && typeof f.path === 'string')
    .map((f) => f.path as string);
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
    return workflowsInManifest(readFileSync(manifest, 'utf8')).map(
      (path) => `content/configs/${id}/${path}`,
    );
  });
  return [...ours, ...reference].sort();
}

/** Format a problem as "file:line:col  message [rule]". */
export function formatWorkflowProblem(p: WorkflowProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.message} [${p.rule}]`;
}
