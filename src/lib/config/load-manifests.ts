// Manifests are read straight from content/configs rather than through an Astro content
// collection: the same code must run in plain Node (scripts/validate-configs.ts, Vitest) where
// astro:content does not exist, and validation needs the raw YAML positions for line numbers.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { formatFieldPath } from './schema-errors.ts';
import { lineOfPath, parseYamlDocuments, type LocatedDocument } from './positions.ts';
import type { ConfigProblem } from './result.ts';
import { ConfigManifestSchema, type ConfigManifest } from './schema.ts';

/** Where component config folders live, relative to the project root. */
export const CONFIGS_DIR = 'content/configs';

/** The manifest's file name inside each component folder. */
export const MANIFEST_NAME = 'manifest.yaml';

/** A component's config folder with its parsed manifest. */
export interface ConfigFolder {
  /** Component id: the folder name, also the graph node id and chapter slug. */
  id: string;
  /** Folder path relative to the project root, e.g. "content/configs/orchestration". */
  dir: string;
  /** Manifest path relative to the project root. */
  manifestFile: string;
  /** The validated manifest. */
  manifest: ConfigManifest;
  /** The manifest's YAML document, to point problems at lines. */
  manifestDoc: LocatedDocument;
  /** Every file in the folder except the manifest, relative to the folder, sorted. */
  files: string[];
}

/** Generated files that are never configs: OS clutter and Python byte-code caches. */
const IGNORED = new Set(['.DS_Store', '__pycache__']);

/** Files under `dir`, relative to it with "/" separators, sorted; skips OS clutter and caches. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (IGNORED.has(entry.name) || entry.name.endsWith('.pyc')) continue;
    const rel = prefix ? posix.join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/** Parse one manifest's text; returns the manifest or problems with their lines. */
export function parseManifest(
  text: string,
  file: string,
): { manifest?: ConfigManifest; doc?: LocatedDocument; problems: ConfigProblem[] } {
  const { docs, errors } = parseYamlDocuments(text);
  if (errors.length)
    return {
      problems: errors.map((e) => ({
        file,
        line: e.line,
        message: `not valid YAML: ${e.message}`,
      })),
    };
  const doc = docs[0];
  if (!doc || docs.length > 1)
    return {
      problems: [
        { file, message: 'expected exactly one YAML document with title, summary and files' },
      ],
    };
  const result = ConfigManifestSchema.safeParse(doc.value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      const field = formatFieldPath(path) || '(root)';
      const line = lineOfPath(doc, path);
      // zod says "expected string, received undefined" for a missing field; say it plainly.
      const message = /received undefined$/.test(issue.message)
        ? 'missing; this field is required'
        : issue.message;
      return { file, ...(line ? { line } : {}), message: `${field}: ${message}` };
    });
    return { doc, problems };
  }
  return { manifest: result.data, doc, problems: [] };
}

/**
 * Read every component folder under `<root>/<configsDir>` (or only `ids`). Folders that are empty
 * are skipped: git does not keep them, so they exist only while someone is writing one.
 */
export function loadConfigFolders(
  root: string,
  configsDir = CONFIGS_DIR,
  ids?: ReadonlyArray<string>,
): { folders: ConfigFolder[]; problems: ConfigProblem[] } {
  const base = join(root, configsDir);
  const folders: ConfigFolder[] = [];
  const problems: ConfigProblem[] = [];
  if (!existsSync(base)) return { folders, problems };
  const names = readdirSync(base)
    .filter((name) => statSync(join(base, name)).isDirectory())
    .filter((name) => !ids || ids.includes(name))
    .sort();
  for (const id of names) {
    const dir = posix.join(configsDir, id);
    const all = listFiles(join(base, id));
    if (all.length === 0) continue;
    const manifestFile = posix.join(dir, MANIFEST_NAME);
    if (!all.includes(MANIFEST_NAME)) {
      problems.push({
        file: `${dir}/`,
        message: `has no ${MANIFEST_NAME}; every config folder lists its files there`,
      });
      continue;
    }
    const parsed = parseManifest(readFileSync(join(root, manifestFile), 'utf8'), manifestFile);
    problems.push(...parsed.problems);
    if (!parsed.manifest || !parsed.doc) continue;
    folders.push({
      id,
      dir,
      manifestFile,
      manifest: parsed.manifest,
      manifestDoc: parsed.doc,
      files: all.filter((f) => f !== MANIFEST_NAME),
    });
  }
  return { folders, problems };
}
