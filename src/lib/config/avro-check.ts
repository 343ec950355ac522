import { createRequire } from 'node:module';
import { editDistance } from '../lens/suggest-ids.ts';
import { nearestName } from './nearest-name.ts';
import type { ConfigProblem } from './result.ts';
import type { Locate } from './schema-errors.ts';
import { findPackageDir } from './tools.ts';

/**
 * Attributes the Avro 1.12 specification defines for each kind of schema
 * (https://avro.apache.org/docs/1.12.0/specification/). Others are legal metadata, which is why
 * a misspelt "defualt" passes every Avro library: we report those within two edits of a
 * defined attribute.
 */
const SPEC_ATTRIBUTES: Record<string, string[]> = {
  record: ['type', 'name', 'namespace', 'doc', 'aliases', 'fields'],
  error: ['type', 'name', 'namespace', 'doc', 'aliases', 'fields'],
  field: ['name', 'doc', 'type', 'order', 'aliases', 'default'],
  enum: ['type', 'name', 'namespace', 'aliases', 'doc', 'symbols', 'default'],
  array: ['type', 'items', 'default'],
  map: ['type', 'values', 'default'],
  fixed: ['type', 'name', 'namespace', 'aliases', 'size', 'logicalType', 'precision', 'scale'],
  primitive: ['type', 'logicalType', 'precision', 'scale'],
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Attributes within two edits of a defined one, walked through the whole schema. */
export function findMisspeltAvroAttributes(
  schema: unknown,
  path: Array<string | number> = [],
): Array<{ path: Array<string | number>; key: string; nearest: string }> {
  const out: Array<{ path: Array<string | number>; key: string; nearest: string }> = [];
  const visit = (node: unknown, at: Array<string | number>, kind?: string): void => {
    if (Array.isArray(node)) return node.forEach((branch, i) => visit(branch, [...at, i]));
    if (!isObject(node)) return;
    const type = typeof node['type'] === 'string' ? node['type'] : undefined;
    const k = kind ?? (type && type in SPEC_ATTRIBUTES ? type : 'primitive');
    const defined = SPEC_ATTRIBUTES[k]!;
    for (const key of Object.keys(node)) {
      if (defined.includes(key)) continue;
      const nearest = nearestName(key, defined)!;
      if (editDistance(key, nearest) <= 2) out.push({ path: at, key, nearest });
    }
    if (kind === 'field') return visit(node['type'], [...at, 'type']);
    if (Array.isArray(node['fields']))
      node['fields'].forEach((f, i) => visit(f, [...at, 'fields', i], 'field'));
    if (isObject(node['type']) || Array.isArray(node['type'])) visit(node['type'], [...at, 'type']);
    if (node['items'] !== undefined) visit(node['items'], [...at, 'items']);
    if (node['values'] !== undefined) visit(node['values'], [...at, 'values']);
  };
  visit(schema, path);
  return out;
}

type Avsc = { Type: { forSchema(schema: unknown, opts?: object): unknown } };

const PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];

/** Names of the record, enum and fixed types a schema defines, short and full. */
function definedNames(schema: unknown, namespace = ''): string[] {
  const out: string[] = [];
  const visit = (node: unknown, ns: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, ns));
    if (!isObject(node)) return;
    const own = typeof node['namespace'] === 'string' ? node['namespace'] : ns;
    if (
      typeof node['name'] === 'string' &&
      ['record', 'error', 'enum', 'fixed'].includes(String(node['type']))
    ) {
      out.push(node['name'], own ? `${own}.${node['name']}` : node['name']);
    }
    for (const key of ['type', 'items', 'values'])
      if (node[key] !== undefined) visit(node[key], own);
    if (Array.isArray(node['fields'])) node['fields'].forEach((f) => visit(f, own));
  };
  visit(schema, namespace);
  return out;
}

/** The first line of `text` matching `pattern`, 1-based. */
function lineMatching(text: string, pattern: RegExp): number | undefined {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  return index < 0 ? undefined : index + 1;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parse the schema with avsc (names, types, unions, defaults) and look for misspelt attributes. */
export function checkAvroSchema(
  file: string,
  text: string,
  schema: unknown,
  locate: Locate | undefined,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const avsc = createRequire(`${findPackageDir('avsc')}/`)('./') as Avsc;
  try {
    avsc.Type.forSchema(schema);
  } catch (error) {
    const message = (error as Error).message;
    const undefinedName = /undefined type name: (\S+)/.exec(message)?.[1];
    const badDefault = /incompatible field default (.+?) \(/.exec(message)?.[1];
    let line: number | undefined;
    let hint = '';
    if (undefinedName) {
      line = lineMatching(text, new RegExp(`"${escape(undefinedName)}"`));
      hint = `; nearest valid: "${nearestName(undefinedName, [...PRIMITIVES, ...definedNames(schema)])}"`;
    } else if (badDefault) {
      line = lineMatching(text, new RegExp(`"default"\\s*:\\s*${escape(badDefault)}`));
      hint = "; the default must be a value of the field's type (of the first branch, for a union)";
    }
    const problem = { file, message: `avsc rejects the schema: ${message}${hint}` };
    problems.push(line ? { ...problem, line } : problem);
  }
  for (const { path, key, nearest } of findMisspeltAvroAttributes(schema)) {
    const where = path.length ? `${path.join('.')}: ` : '';
    const line = locate?.(path, key);
    const message = `${where}attribute "${key}" is not defined by the Avro specification for this schema (Avro would keep it as metadata and ignore it); nearest valid: "${nearest}"`;
    problems.push(line ? { file, line, message } : { file, message });
  }
  return problems;
}
