import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { parseGraph } from '../graph/validate-graph.ts';
import { findManifestProblems } from './check-manifest.ts';
import { runCrossFileChecks } from './cross-file/index.ts';
import { loadSchemaRegistry } from './json-schema.ts';
import { CONFIGS_DIR, loadConfigFolders, type ConfigFolder } from './load-manifests.ts';
import type { CheckResult, ConfigProblem } from './result.ts';
import type { ValidatorId } from './schema.ts';
import { findCommittedCredentials } from './secrets.ts';
import { VALIDATORS } from './validators/index.ts';
import type { ConfigInput, Validator } from './validators/types.ts';

/** Options for a validation run; every field has a default for the real project. */
export interface ValidateOptions {
  /** Project root. Default: the current directory. */
  root?: string;
  /** Folder holding one sub-folder per component, relative to root. Default content/configs. */
  configsDir?: string;
  /** Only these component folders. Default all. */
  ids?: ReadonlyArray<string>;
  /** Only these repository-relative files (their folders' manifests are still checked). Default all. */
  files?: ReadonlyArray<string>;
  /** Component ids the folder names must match. Default: node ids of diagram/graph.yaml. */
  knownIds?: ReadonlyArray<string>;
  /** Treat "not checked offline" as a problem (for CI, where every tool must be installed). Default false. */
  requireTools?: boolean;
  /** Replace validators, e.g. to test the "not checked" path. Default the real ones. */
  validators?: Partial<Record<ValidatorId, Validator>>;
}

/** Everything a validation run found. */
export interface ConfigReport {
  /** Component folders with valid manifests. */
  folders: ConfigFolder[];
  /** One result per checked file, in folder and manifest order. */
  results: CheckResult[];
  /** Every problem: manifests, cross-checks and files, in that order. */
  problems: ConfigProblem[];
}

/** Node ids of diagram/graph.yaml under root, or [] when the project has no graph (fixtures). */
function readKnownIds(root: string): string[] {
  const file = join(root, 'diagram/graph.yaml');
  if (!existsSync(file)) return [];
  return parseGraph(readFileSync(file, 'utf8')).nodes.map((n) => n.id);
}

/**
 * Validate the config folders: manifests, the folder ↔ manifest cross-check, then every file
 * with the validator its manifest names, plus a credential scan of every file.
 */
export async function validateConfigs(options: ValidateOptions = {}): Promise<ConfigReport> {
  const root = resolve(options.root ?? process.cwd());
  const configsDir = options.configsDir ?? CONFIGS_DIR;
  const wanted = options.files?.map((f) => posix.normalize(f.replace(/\\/g, '/')));
  const ids =
    options.ids ??
    wanted
      ?.map((f) => posix.relative(configsDir, f).split('/')[0]!)
      .filter((id) => id && !id.startsWith('..'));
  const loaded = loadConfigFolders(root, configsDir, ids);
  const schemaNames = loadSchemaRegistry(root).names;
  const knownIds = options.knownIds ?? readKnownIds(root);
  const problems: ConfigProblem[] = [...loaded.problems];
  for (const folder of loaded.folders)
    problems.push(...findManifestProblems(folder, knownIds, schemaNames));

  const batches = new Map<ValidatorId, ConfigInput[]>();
  const order: ConfigInput[] = [];
  for (const folder of loaded.folders) {
    const manifestWanted =
      !wanted || wanted.includes(folder.manifestFile) || wanted.includes(folder.dir);
    for (const entry of folder.manifest.files) {
      if (!folder.files.includes(entry.path)) continue;
      const file = `${folder.dir}/${entry.path}`;
      if (!manifestWanted && !wanted?.includes(file)) continue;
      const input: ConfigInput = {
        root,
        file,
        absPath: join(root, file),
        folderDir: folder.dir,
        text: readFileSync(join(root, file), 'utf8'),
        entry,
      };
      order.push(input);
      batches.set(entry.validator, [...(batches.get(entry.validator) ?? []), input]);
    }
  }

  const byInput = new Map<ConfigInput, CheckResult>();
  for (const [id, inputs] of batches) {
    const validator = options.validators?.[id] ?? VALIDATORS[id];
    const results = await validator(inputs);
    inputs.forEach((input, i) => byInput.set(input, results[i]!));
  }
  const results = order.map((input) => {
    const result = byInput.get(input)!;
    result.checks.push('scanned for committed credentials (AWS keys, private keys, tokens)');
    result.problems.push(...findCommittedCredentials(input.file, input.text));
    // Report each file's problems top to bottom, whichever rule found them.
    result.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (result.status === 'not-checked' && options.requireTools)
      result.problems.push({
        file: input.file,
        message: `not checked: ${result.reason ?? 'no tool'} (tools are required in this run)`,
      });
    return result;
  });
  // Rules across files need every file they relate, not only those of this run: a --files run
  // reads every folder (explicit ids, as the tests pass, keep the scope they name).
  const crossFolders =
    options.ids || !wanted ? loaded.folders : loadConfigFolders(root, configsDir).folders;
  const crossFiles = crossFolders.flatMap((folder) =>
    folder.manifest.files
      .filter(
        (entry) =>
          folder.files.includes(entry.path) &&
          (entry.validator === 'kubernetes' || entry.validator === 'helm-values'),
      )
      .map((entry) => ({
        file: `${folder.dir}/${entry.path}`,
        validator: entry.validator,
        path: entry.path,
        folder,
        text: readFileSync(join(root, folder.dir, entry.path), 'utf8'),
      })),
  );
  runCrossFileChecks(crossFiles, crossFolders, results);
  for (const result of results) {
    result.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    problems.push(...result.problems);
  }
  return { folders: loaded.folders, results, problems };
}

const reports = new Map<string, Promise<ConfigReport>>();

/** The project's report, computed once per process (the build's pages and endpoints share it). */
export function getConfigReport(root = process.cwd()): Promise<ConfigReport> {
  let report = reports.get(root);
  if (!report) {
    report = validateConfigs({ root, requireTools: process.env['CONFIGS_REQUIRE_TOOLS'] === '1' });
    reports.set(root, report);
  }
  return report;
}
