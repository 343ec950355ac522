import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { nearestHint } from './nearest-name.ts';
import type { ConfigProblem } from './result.ts';

/**
 * Arguments (a) and nested blocks or attributes (b), as the provider sources under
 * scripts/lib/schema-sources/ write them; the Airbyte provider's also name required
 * arguments (r), the values of enum arguments (e) and read-only attributes (ro).
 */
interface BlockSchema {
  a: string[];
  b?: Record<string, BlockSchema>;
  r?: string[];
  e?: Record<string, string[]>;
  ro?: string[];
}

/** One provider's types and arguments at the version its schema file was derived from. */
export interface ProviderSchema {
  /** Local provider name, the prefix of its types ("aws" for aws_*). */
  name: string;
  /** Registry address, for messages (e.g. "hashicorp/aws"). */
  address: string;
  providerVersion: string;
  /** Where the schema came from, for the check list (package or repository at a tag). */
  packageRef: string;
  /** The generated file, relative to the project root. */
  file: string;
  provider: BlockSchema;
  resources: Record<string, BlockSchema>;
  data: Record<string, BlockSchema>;
}

/** Providers whose schema is checked: local name, registry address and generated file. */
const PROVIDERS = [
  { name: 'aws', address: 'hashicorp/aws', file: 'src/lib/config/upstream/aws-provider.json' },
  {
    name: 'airbyte',
    address: 'airbytehq/airbyte',
    file: 'src/lib/config/upstream/airbyte-provider.json',
  },
] as const;

const cache = new Map<string, ProviderSchema>();

/** Load one provider's generated schema (cached per root and file). */
function loadProviderSchema(root: string, spec: (typeof PROVIDERS)[number]): ProviderSchema {
  const key = `${root}|${spec.file}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const raw = JSON.parse(readFileSync(join(root, spec.file), 'utf8')) as Omit<
    ProviderSchema,
    'name' | 'address' | 'packageRef' | 'file'
  > & {
    'x-provenance': { repository: string; ref: string };
  };
  const prov = raw['x-provenance'];
  // The AWS schema comes from an npm package whose ref already says so; others from a repository tag.
  const packageRef = prov.ref.startsWith('npm ') ? prov.ref : `${prov.repository}@${prov.ref}`;
  const schema: ProviderSchema = { ...raw, ...spec, packageRef };
  cache.set(key, schema);
  return schema;
}

/** Every provider schema the terraform validator checks against, AWS first. */
export function loadProviderSchemas(root: string): ProviderSchema[] {
  return PROVIDERS.map((spec) => loadProviderSchema(root, spec));
}

/** A parsed Terraform file, as the terraform validator holds it. */
export interface TfFile {
  file: string;
  text: string;
  json: Record<string, unknown>;
}

type Body = Record<string, unknown>;
const isBody = (v: unknown): v is Body => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Terraform's meta-arguments, valid in every resource (and data) block whatever the provider. */
const META = {
  resource: [
    'count',
    'for_each',
    'provider',
    'depends_on',
    'lifecycle',
    'provisioner',
    'connection',
  ],
  data: ['count', 'for_each', 'provider', 'depends_on', 'lifecycle'],
};
/** Keys of a module block that are Terraform's, not the module's inputs. */
const MODULE_META = ['source', 'version', 'providers', 'count', 'for_each', 'depends_on'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** First line at or after `from` (1-based) matching `pattern`. */
function lineFrom(text: string, from: number, pattern: RegExp): number | undefined {
  const lines = text.split('\n');
  for (let i = Math.max(0, from - 1); i < lines.length; i++)
    if (pattern.test(lines[i]!)) return i + 1;
  return undefined;
}

/** Check one block body against its schema, recursing into nested blocks and dynamic blocks. */
function checkBody(
  f: TfFile,
  body: Body,
  schema: BlockSchema,
  where: string,
  from: number,
  meta: string[],
  label: string,
  out: ConfigProblem[],
): void {
  const blocks = schema.b ?? {};
  const valid = [...schema.a, ...Object.keys(blocks), ...meta];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'dynamic' && isBody(value)) {
      for (const [name, dyns] of Object.entries(value)) {
        const line =
          lineFrom(f.text, from, new RegExp(`^\\s*dynamic\\s+"${escape(name)}"`)) ?? from;
        const nested = blocks[name];
        if (!nested) {
          out.push({
            file: f.file,
            line,
            message: `${where}: unknown block "${name}" in dynamic (${label})${nearestHint(name, Object.keys(blocks))}`,
          });
          continue;
        }
        for (const d of Array.isArray(dyns) ? dyns : [dyns])
          for (const content of (isBody(d) && Array.isArray(d['content'])
            ? d['content']
            : []) as unknown[])
            if (isBody(content))
              checkBody(f, content, nested, `${where}.${name}`, line, [], label, out);
      }
      continue;
    }
    if (meta.includes(key)) continue;
    const line = lineFrom(f.text, from, new RegExp(`^\\s*"?${escape(key)}"?\\s*(=|\\{)`)) ?? from;
    if (schema.ro?.includes(key)) {
      out.push({
        file: f.file,
        line,
        message: `${where}: "${key}" is read-only (computed by the provider; remove it from the configuration) (${label})`,
      });
      continue;
    }
    if (!valid.includes(key)) {
      out.push({
        file: f.file,
        line,
        message: `${where}: unknown argument or block "${key}" (${label})${nearestHint(key, [...schema.a, ...Object.keys(blocks)])}`,
      });
      continue;
    }
    const allowed = schema.e?.[key];
    // Only literal strings: "${...}" is an expression whose value is known at plan time.
    if (allowed && typeof value === 'string' && !value.includes('${') && !allowed.includes(value))
      out.push({
        file: f.file,
        line,
        message: `${where}.${key}: "${value}" is not one of ${allowed.map((v) => `"${v}"`).join(', ')} (${label})${nearestHint(value, allowed)}`,
      });
    const nested = blocks[key];
    if (!nested) continue;
    for (const item of Array.isArray(value) ? value : [value])
      if (isBody(item)) checkBody(f, item, nested, `${where}.${key}`, line, [], label, out);
  }
  // A resource's body starts the line after its header; a nested attribute's on its own line.
  for (const name of schema.r ?? [])
    if (!(name in body))
      out.push({
        file: f.file,
        line: meta.length ? from - 1 : from,
        message: `${where}: missing required argument "${name}" (${label})`,
      });
}

/** Resource and data-source types of one provider, their arguments and blocks, and its provider block, against its schema. */
export function findProviderSchemaProblems(f: TfFile, provider: ProviderSchema): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const label = `${provider.address} ${provider.providerVersion}`;
  for (const section of ['resource', 'data'] as const) {
    const known = section === 'resource' ? provider.resources : provider.data;
    for (const [type, named] of Object.entries(
      (f.json[section] as Record<string, Record<string, unknown[]>> | undefined) ?? {},
    )) {
      if (!type.startsWith(`${provider.name}_`)) continue;
      for (const [name, bodies] of Object.entries(named)) {
        const header =
          lineFrom(
            f.text,
            1,
            new RegExp(`^\\s*${section}\\s+"${escape(type)}"\\s+"${escape(name)}"`),
          ) ?? 1;
        const schema = known[type];
        if (!schema) {
          out.push({
            file: f.file,
            line: header,
            message: `unknown ${section === 'resource' ? 'resource' : 'data source'} type "${type}" in ${label}${nearestHint(type, Object.keys(known))}`,
          });
          continue;
        }
        for (const body of bodies)
          if (isBody(body))
            checkBody(
              f,
              body,
              schema,
              `${section === 'data' ? 'data.' : ''}${type}.${name}`,
              header + 1,
              META[section],
              label,
              out,
            );
      }
    }
  }
  for (const block of (f.json['provider'] as Record<string, unknown[]> | undefined)?.[
    provider.name
  ] ?? []) {
    const header =
      lineFrom(f.text, 1, new RegExp(`^\\s*provider\\s+"${escape(provider.name)}"`)) ?? 1;
    if (isBody(block))
      checkBody(
        f,
        block,
        provider.provider,
        `provider.${provider.name}`,
        header + 1,
        ['alias'],
        label,
        out,
      );
  }
  return out;
}

/** What a module folder declares: variables (and whether each is required), locals, modules, outputs. */
interface ModuleDecl {
  variables: Map<string, { required: boolean }>;
  locals: Set<string>;
  modules: Map<string, { source: string; inputs: string[]; file: TfFile }>;
  outputs: Set<string>;
}

function declarations(files: ReadonlyArray<TfFile>): ModuleDecl {
  const decl: ModuleDecl = {
    variables: new Map(),
    locals: new Set(),
    modules: new Map(),
    outputs: new Set(),
  };
  for (const f of files) {
    for (const [name, bodies] of Object.entries(
      (f.json['variable'] as Record<string, Body[]> | undefined) ?? {},
    ))
      decl.variables.set(name, { required: !bodies.some((b) => 'default' in b) });
    for (const block of (f.json['locals'] as Body[] | undefined) ?? [])
      Object.keys(block).forEach((k) => decl.locals.add(k));
    for (const name of Object.keys((f.json['output'] as Body | undefined) ?? {}))
      decl.outputs.add(name);
    for (const [name, bodies] of Object.entries(
      (f.json['module'] as Record<string, Body[]> | undefined) ?? {},
    )) {
      const body = bodies[0] ?? {};
      decl.modules.set(name, {
        source: typeof body['source'] === 'string' ? body['source'] : '',
        inputs: Object.keys(body).filter((k) => !MODULE_META.includes(k)),
        file: f,
      });
    }
  }
  return decl;
}

/**
 * Text with comments and the literal parts of strings blanked out (newlines kept, so lines still
 * count), leaving only expressions: a commented-out var.x, or "module.network" written in an
 * error_message, is not a reference, while "${module.network.id}" in a string is. Quoted strings
 * and heredocs both keep their ${...} and %{...} parts.
 */
export function code(text: string): string {
  let out = '';
  let i = 0;
  /** Copy the expression that starts at i (after "${" or "%{") up to its closing brace. */
  const expression = (): void => {
    let depth = 1;
    while (i < text.length && depth > 0) {
      const c = text[i]!;
      if (c === '"') {
        out += c;
        i++;
        literal('"');
        continue;
      }
      if (c === '{') depth++;
      if (c === '}') depth--;
      out += c;
      i++;
    }
  };
  /** Blank a string's literal text up to `end` (a quote, or a heredoc's closing line). */
  const literal = (end: string): void => {
    while (i < text.length) {
      if (end === '"' && text[i] === '\\') {
        out += '  ';
        i += 2;
        continue;
      }
      if (end === '"' && text[i] === '"') {
        out += '"';
        i++;
        return;
      }
      // A heredoc ends at a line holding only its marker (indented, for <<-).
      const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
      if (end !== '"' && text[i - 1] === '\n' && text.slice(i, lineEnd).trim() === end) {
        out += text.slice(i, lineEnd);
        i = lineEnd;
        return;
      }
      if ((text[i] === '$' || text[i] === '%') && text[i + 1] === '{') {
        out += text.slice(i, i + 2);
        i += 2;
        expression();
        continue;
      }
      out += text[i] === '\n' ? '\n' : ' ';
      i++;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const stop = close < 0 ? text.length : close + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"') {
      out += c;
      i++;
      literal('"');
    } else if (c === '<' && text[i + 1] === '<') {
      const heredoc = /^<<-?([A-Za-z_]\w*)[^\n]*\n/.exec(text.slice(i));
      if (!heredoc) {
        out += c;
        i++;
        continue;
      }
      out += heredoc[0];
      i += heredoc[0].length;
      literal(heredoc[1]!);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * References inside each module folder: var.*, local.* and module.* must be declared, module.X.Y
 * must be an output of module X, and a local module's inputs must be its variables (required
 * ones present). Modules are the folders of `files`; local sources resolve among them.
 */
export function findReferenceProblems(files: ReadonlyArray<TfFile>): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const byDir = new Map<string, TfFile[]>();
  for (const f of files)
    byDir.set(posix.dirname(f.file), [...(byDir.get(posix.dirname(f.file)) ?? []), f]);
  const decls = new Map([...byDir].map(([dir, fs]) => [dir, declarations(fs)]));
  for (const [dir, dirFiles] of byDir) {
    const decl = decls.get(dir)!;
    for (const f of dirFiles) {
      const lines = code(f.text).split('\n');
      lines.forEach((text, i) => {
        const line = i + 1;
        for (const m of text.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g))
          if (!decl.variables.has(m[1]!))
            out.push({
              file: f.file,
              line,
              message: `var.${m[1]} is not declared in this module${nearestHint(m[1]!, decl.variables.keys(), 'nearest variable')}`,
            });
        for (const m of text.matchAll(/\blocal\.([A-Za-z_][\w-]*)/g))
          if (!decl.locals.has(m[1]!))
            out.push({
              file: f.file,
              line,
              message: `local.${m[1]} is not defined in this module${nearestHint(m[1]!, decl.locals, 'nearest local')}`,
            });
        for (const m of text.matchAll(/\bmodule\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g)) {
          const called = decl.modules.get(m[1]!);
          if (!called) {
            out.push({
              file: f.file,
              line,
              message: `module.${m[1]} is not a module block in this module${nearestHint(m[1]!, decl.modules.keys(), 'nearest module')}`,
            });
            continue;
          }
          const target = called.source.startsWith('.')
            ? decls.get(posix.normalize(posix.join(dir, called.source)))
            : undefined;
          if (m[2] && target && !target.outputs.has(m[2]))
            out.push({
              file: f.file,
              line,
              message: `module.${m[1]}.${m[2]}: "${m[2]}" is not an output of ${called.source}${nearestHint(m[2], target.outputs, 'nearest output')}`,
            });
        }
      });
    }
    for (const [name, called] of decl.modules) {
      if (!called.source.startsWith('.')) continue;
      const targetDir = posix.normalize(posix.join(dir, called.source));
      const target = decls.get(targetDir);
      const header =
        lineFrom(called.file.text, 1, new RegExp(`^\\s*module\\s+"${escape(name)}"`)) ?? 1;
      if (!target) {
        out.push({
          file: called.file.file,
          line: header,
          message: `module "${name}": source ${called.source} holds no .tf file that parses (${targetDir}); point it at the module's folder`,
        });
        continue;
      }
      for (const input of called.inputs)
        if (!target.variables.has(input))
          out.push({
            file: called.file.file,
            line:
              lineFrom(called.file.text, header, new RegExp(`^\\s*${escape(input)}\\s*=`)) ??
              header,
            message: `module "${name}": input "${input}" is not a variable of ${called.source}${nearestHint(input, target.variables.keys(), 'nearest variable')}`,
          });
      for (const [variable, { required }] of target.variables)
        if (required && !called.inputs.includes(variable))
          out.push({
            file: called.file.file,
            line: header,
            message: `module "${name}": missing required input "${variable}" (a variable of ${called.source} without a default)`,
          });
    }
  }
  return out;
}
