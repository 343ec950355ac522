import { findLine } from '../positions.ts';
import type { ConfigProblem } from '../result.ts';
import { isPlaceholder, isSecretName } from '../secrets.ts';

/** A parsed Terraform file: its path, text and hcl2json output. */
export interface ParsedTfFile {
  file: string;
  text: string;
  json: Record<string, unknown>;
}

type Blocks = Record<string, Array<Record<string, unknown>>>;

/** Providers that ship with Terraform itself and need no required_providers entry. */
const BUILT_IN_PROVIDERS = new Set(['terraform']);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Local provider name of a resource or data source type: its prefix before the first "_". */
function providerOfType(type: string): string {
  return type.split('_')[0]!;
}

/** True when a version constraint has an upper bound (~>, =, <, or an exact version). */
export function isPinned(constraint: string): boolean {
  return constraint
    .split(',')
    .map((c) => c.trim())
    .some((c) => /^(~>|=|<|<=)\s*\d/.test(c) || /^\d+(\.\d+){0,2}$/.test(c));
}

/** Required provider declarations of a module: local name → { source, version }. */
function requiredProviders(
  files: ReadonlyArray<ParsedTfFile>,
): Map<string, { source?: string; version?: string; file: string }> {
  const out = new Map<string, { source?: string; version?: string; file: string }>();
  for (const f of files) {
    for (const block of (f.json['terraform'] as Array<Record<string, unknown>> | undefined) ?? []) {
      for (const rp of (block['required_providers'] as
        Array<Record<string, unknown>> | undefined) ?? []) {
        for (const [name, spec] of Object.entries(rp)) {
          const s = (typeof spec === 'object' && spec ? spec : {}) as {
            source?: string;
            version?: string;
          };
          out.set(name, { ...s, file: f.file });
        }
      }
    }
  }
  return out;
}

/** Providers a module uses: resource/data prefixes and provider blocks, with where each appears. */
function usedProviders(
  files: ReadonlyArray<ParsedTfFile>,
): Map<string, { file: string; line: number | undefined }> {
  const used = new Map<string, { file: string; line: number | undefined }>();
  const note = (name: string, file: ParsedTfFile, pattern: RegExp) => {
    if (!used.has(name) && !BUILT_IN_PROVIDERS.has(name))
      used.set(name, { file: file.file, line: findLine(file.text, pattern) });
  };
  for (const f of files) {
    for (const section of ['resource', 'data'] as const) {
      for (const type of Object.keys((f.json[section] as Blocks | undefined) ?? {}))
        note(providerOfType(type), f, new RegExp(`^\\s*${section}\\s+"${escape(type)}"`));
    }
    for (const name of Object.keys((f.json['provider'] as Blocks | undefined) ?? {}))
      note(name, f, new RegExp(`^\\s*provider\\s+"${escape(name)}"`));
  }
  return used;
}

/** A module is a root when it configures a backend or providers; roots pin exact ranges. */
function isRootModule(files: ReadonlyArray<ParsedTfFile>): boolean {
  return files.some(
    (f) =>
      f.json['provider'] !== undefined ||
      ((f.json['terraform'] as Array<Record<string, unknown>> | undefined) ?? []).some(
        (b) => b['backend'] !== undefined,
      ),
  );
}

/**
 * Module rules: Terraform version constrained, every provider used declared with a source and a
 * version (roots with an upper bound), registry modules pinned to a version.
 */
export function findModuleProblems(files: ReadonlyArray<ParsedTfFile>): ConfigProblem[] {
  const tfFiles = files.filter((f) => f.file.endsWith('.tf'));
  if (tfFiles.length === 0) return [];
  const problems: ConfigProblem[] = [];
  const first = tfFiles[0]!;
  const dir = first.file.slice(0, first.file.lastIndexOf('/') + 1);
  const root = isRootModule(tfFiles);
  const hasRequiredVersion = tfFiles.some((f) =>
    ((f.json['terraform'] as Array<Record<string, unknown>> | undefined) ?? []).some(
      (b) => typeof b['required_version'] === 'string',
    ),
  );
  if (!hasRequiredVersion)
    problems.push({
      file: first.file,
      message: `module ${dir} sets no terraform { required_version }; add e.g. ">= 1.10, < 2.0"`,
    });

  const required = requiredProviders(tfFiles);
  for (const [name, where] of usedProviders(tfFiles)) {
    const spec = required.get(name);
    const at = where.line ? { file: where.file, line: where.line } : { file: where.file };
    if (!spec) {
      problems.push({
        ...at,
        message: `provider "${name}" is used but not in required_providers of ${dir}; declare its source and version`,
      });
    } else if (!spec.source || !spec.version) {
      const missing = [!spec.source && 'source', !spec.version && 'version']
        .filter(Boolean)
        .join(' and ');
      const f = tfFiles.find((x) => x.file === spec.file)!;
      problems.push({
        file: spec.file,
        line: findLine(f.text, new RegExp(`^\\s*${escape(name)}\\s*=`)) ?? 1,
        message: `required_providers.${name} has no ${missing}`,
      });
    } else if (root && !isPinned(spec.version)) {
      const f = tfFiles.find((x) => x.file === spec.file)!;
      problems.push({
        file: spec.file,
        line: findLine(f.text, new RegExp(`^\\s*${escape(name)}\\s*=`)) ?? 1,
        message: `required_providers.${name}.version "${spec.version}" has no upper bound; a root module pins providers, e.g. "~> 6.0"`,
      });
    }
  }

  for (const f of tfFiles) {
    for (const [name, blocks] of Object.entries((f.json['module'] as Blocks | undefined) ?? {})) {
      // hcl2json gives a module's source as a string; a missing or non-string source is no source.
      const written = blocks[0]?.['source'];
      const source = typeof written === 'string' ? written : '';
      const local = /^(\.\.?\/|git::|github\.com\/|https?:|s3::|gcs::)/.test(source);
      if (!local && blocks[0]?.['version'] === undefined)
        problems.push({
          file: f.file,
          line: findLine(f.text, new RegExp(`^\\s*module\\s+"${escape(name)}"`)) ?? 1,
          message: `module "${name}" uses registry source "${source}" without a version; pin one, e.g. version = "~> 21.0"`,
        });
    }
  }
  return problems;
}

/** Walk hcl2json output and report secret-named attributes holding literal strings. */
function walkSecrets(value: unknown, visit: (key: string, literal: string) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walkSecrets(v, visit));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && isSecretName(key) && !isPlaceholder(child))
        visit(key, child);
      else walkSecrets(child, visit);
    }
  }
}

/** File rules: no literal credentials; secret-named variables and outputs marked sensitive. */
export function findSecretProblems(f: ParsedTfFile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { variable, output, ...rest } = f.json as { variable?: Blocks; output?: Blocks } & Record<
    string,
    unknown
  >;
  walkSecrets(rest, (key) =>
    problems.push({
      file: f.file,
      line: findLine(f.text, new RegExp(`^\\s*"?${escape(key)}"?\\s*=\\s*"`)) ?? 1,
      message: `"${key}" holds a hard-coded value; read it from a sensitive variable or a secret store`,
    }),
  );
  for (const [kind, blocks] of [
    ['variable', variable],
    ['output', output],
  ] as const) {
    for (const [name, list] of Object.entries(blocks ?? {})) {
      if (isSecretName(name) && list[0]?.['sensitive'] !== true)
        problems.push({
          file: f.file,
          line: findLine(f.text, new RegExp(`^\\s*${kind}\\s+"${escape(name)}"`)) ?? 1,
          message: `${kind} "${name}" holds a credential but is not marked sensitive = true`,
        });
      if (
        kind === 'variable' &&
        typeof list[0]?.['default'] === 'string' &&
        isSecretName(name) &&
        !isPlaceholder(list[0]['default'])
      )
        problems.push({
          file: f.file,
          line: findLine(f.text, new RegExp(`^\\s*variable\\s+"${escape(name)}"`)) ?? 1,
          message: `variable "${name}" has a hard-coded default; leave it unset and pass it at apply time`,
        });
    }
  }
  return problems;
}
