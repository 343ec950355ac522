import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';
import { foldingRegExp } from './pattern-case.ts';
import addFormatsModule from 'ajv-formats';
import { lineOfPath, type LocatedDocument } from './positions.ts';
import type { Locate } from './schema-errors.ts';

// ajv and ajv-formats ship CommonJS; under Node's ESM loader the exports are on `.default`.
const Ajv2020 =
  (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;
const addFormats =
  (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;

/**
 * The JSON Schema formats upstream schemas in the registry use (ODCS: date, date-time, uri). ajv
 * knows none by itself and, in strict mode, refuses a schema that names one it does not know.
 */
export const SCHEMA_FORMATS = ['date', 'date-time', 'uri'] as const;

/** Folder of the JSON Schemas we keep, relative to the project root. */
export const SCHEMA_DIR = 'src/lib/config/schemas';

/**
 * Folder of chart values schemas derived from upstream charts by scripts/refresh-schemas.ts; they
 * join the registry under their file names and replace any hand-written schema of the same name.
 */
export const HELM_SCHEMA_DIR = 'src/lib/config/upstream/helm';

/**
 * Folder of JSON Schemas taken from upstream standards by scripts/refresh-schemas.ts (for example
 * ODCS); they join the registry under their file names like the chart schemas.
 */
export const UPSTREAM_JSON_SCHEMA_DIR = 'src/lib/config/upstream/json-schema';

/** The schemas in src/lib/config/schemas, compiled once, looked up by file name without ".json". */
export interface SchemaRegistry {
  /** Schema names, sorted, for error messages. */
  names: string[];
  /** Compiled validator for a schema name, or undefined when there is no such schema. */
  get(name: string): ValidateFunction | undefined;
  /** The schema's file relative to the project root, or undefined when there is no such schema. */
  fileOf(name: string): string | undefined;
}

const registries = new Map<string, SchemaRegistry>();

/** Load and compile every schema under `<root>/src/lib/config/schemas` (cached per root). */
export function loadSchemaRegistry(root = process.cwd()): SchemaRegistry {
  const cached = registries.get(root);
  if (cached) return cached;
  // strictTypes/strictRequired are off: if/then conditions name patterns and required fields
  // without repeating their types and declarations.
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowMatchingProperties: true,
    allowUnionTypes: true,
    // Patterns' (?i:...) groups are rewritten before compiling (see pattern-case.ts); `source` keeps
    // the compiled patterns inspectable, so a test can prove it.
    code: { regExp: foldingRegExp, source: true },
  });
  // Provenance annotations of derived schemas are not validation keywords.
  ajv.addVocabulary(['x-provenance', 'x-chart']);
  addFormats(ajv, [...SCHEMA_FORMATS]);
  const files = new Map<string, string>();
  const relative = new Map<string, string>();
  for (const folder of [SCHEMA_DIR, HELM_SCHEMA_DIR, UPSTREAM_JSON_SCHEMA_DIR]) {
    if (!existsSync(join(root, folder))) continue;
    for (const f of readdirSync(join(root, folder)))
      if (f.endsWith('.json')) {
        files.set(f.slice(0, -'.json'.length), join(root, folder, f));
        relative.set(f.slice(0, -'.json'.length), `${folder}/${f}`);
      }
  }
  const names = [...files.keys()].sort();
  // Register every schema under its name first, so one can $ref another ("$ref": "dbt-properties").
  for (const name of names)
    ajv.addSchema(JSON.parse(readFileSync(files.get(name)!, 'utf8')) as object, name);
  const compiled = new Map<string, ValidateFunction>();
  for (const name of names) {
    try {
      compiled.set(name, ajv.getSchema(name)!);
    } catch (error) {
      throw new Error(`${files.get(name)}: not a valid JSON Schema: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const registry = {
    names,
    get: (name: string) => compiled.get(name),
    fileOf: (name: string) => relative.get(name),
  };
  registries.set(root, registry);
  return registry;
}

/** A Locate over a YAML or JSON document. */
export function locateIn(located: LocatedDocument): Locate {
  return (path, key) => lineOfPath(located, path, key);
}
