import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { lineOfPath, pointerToPath, type LocatedDocument } from './positions.ts';
import type { ConfigProblem } from './result.ts';

// ajv ships CommonJS; under Node's ESM loader the class is on `.default`.
const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;

/** Folder of the JSON Schemas we keep, relative to the project root. */
export const SCHEMA_DIR = 'src/lib/config/schemas';

/** The schemas in src/lib/config/schemas, compiled once, looked up by file name without ".json". */
export interface SchemaRegistry {
  /** Schema names, sorted, for error messages. */
  names: string[];
  /** Compiled validator for a schema name, or undefined when there is no such schema. */
  get(name: string): ValidateFunction | undefined;
}

const registries = new Map<string, SchemaRegistry>();

/** Load and compile every schema under `<root>/src/lib/config/schemas` (cached per root). */
export function loadSchemaRegistry(root = process.cwd()): SchemaRegistry {
  const cached = registries.get(root);
  if (cached) return cached;
  const dir = join(root, SCHEMA_DIR);
  // strictTypes/strictRequired are off: if/then conditions name patterns and required fields
  // without repeating their types and declarations.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false, allowMatchingProperties: true, allowUnionTypes: true });
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  // Register every schema under its name first, so one can $ref another ("$ref": "dbt-properties").
  for (const name of names) ajv.addSchema(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as object, name);
  const compiled = new Map<string, ValidateFunction>();
  for (const name of names) {
    try {
      compiled.set(name, ajv.getSchema(name)!);
    } catch (error) {
      throw new Error(`${SCHEMA_DIR}/${name}.json: not a valid JSON Schema: ${(error as Error).message}`);
    }
  }
  const registry = { names, get: (name: string) => compiled.get(name) };
  registries.set(root, registry);
  return registry;
}

/** Render a path such as ["spec", "containers", "0", "image"] as `spec.containers[0].image`. */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
  return path
    .map((s, i) => (/^\d+$/.test(String(s)) ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join('');
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Drop errors that only summarise others (oneOf/anyOf/if), keeping the specific ones when present. */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const summaries = new Set(['if', 'oneOf', 'anyOf']);
  const specific = errors.filter((e) => !summaries.has(e.keyword));
  const kept = specific.length ? errors.filter((e) => e.keyword !== 'if') : errors;
  // For oneOf/anyOf, sub-errors of every branch are noise when the summary is kept: report the
  // summary when no branch error lies below it, else the branch errors.
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One readable sentence for an ajv error, quoting the bad value and listing the valid ones. */
export function describeSchemaError(error: ErrorObject): { path: string[]; key?: string; message: string } {
  const path = pointerToPath(error.instancePath);
  const field = formatFieldPath(path);
  const at = field ? `${field}: ` : '';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(p['missingProperty']);
      return { path, message: `${at}missing required field "${missing}"` };
    }
    case 'additionalProperties': {
      const extra = String(p['additionalProperty']);
      const props = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
      const allowed = props ? `; allowed: ${Object.keys(props).join(', ')}` : '';
      return { path, key: extra, message: `${at}unknown field "${extra}"${allowed}` };
    }
    case 'enum':
      return {
        path,
        message: `${at}is ${show(error.data)}; expected one of ${(p['allowedValues'] as unknown[]).map((v) => show(v)).join(', ')}`,
      };
    case 'const':
      return { path, message: `${at}is ${show(error.data)}; expected ${show(p['allowedValue'])}` };
    case 'type':
      return { path, message: `${at}is ${show(error.data)}; expected ${String(p['type'])}` };
    case 'pattern':
      return { path, message: `${at}is ${show(error.data)}; expected text matching ${String(p['pattern'])}` };
    default: {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      const hint = error.keyword === 'not' && description ? ` (${description})` : '';
      const data = typeof error.data === 'object' ? '' : `is ${show(error.data)}; `;
      return { path, message: `${at}${data}${error.message ?? 'is invalid'}${hint}` };
    }
  }
}

/** Finds the line of a field (or of `key` inside it) in the file being checked. */
export type Locate = (path: ReadonlyArray<string | number>, key?: string) => number | undefined;

/** A Locate over a YAML or JSON document. */
export function locateIn(located: LocatedDocument): Locate {
  return (path, key) => lineOfPath(located, path, key);
}

/** Turn ajv errors into problems, each with the line `locate` finds for its field. */
export function schemaErrorsToProblems(
  file: string,
  errors: ErrorObject[] | null | undefined,
  locate: Locate | undefined,
  prefix = '',
): ConfigProblem[] {
  return pickErrors(errors ?? []).map((e) => {
    const { path, key, message } = describeSchemaError(e);
    const line = locate?.(path, key);
    return line ? { file, line, message: prefix + message } : { file, message: prefix + message };
  });
}
