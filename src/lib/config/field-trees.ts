import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';

// ajv ships CommonJS; under Node's ESM loader the class is on `.default`.
const Ajv2020 =
  (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;

/**
 * Folder of the field trees of built-in kinds (property names only, objects closed), derived by
 * scripts/refresh-schemas.ts from the kubernetes-models type declarations.
 */
export const FIELD_TREE_DIR = 'src/lib/config/upstream/kubernetes';

/** Field trees on disk, compiled on first use per kind. */
export interface FieldTrees {
  /** Where the trees came from, e.g. "kubernetes-models@5.1.0". */
  source: string | undefined;
  /** Strict field validator for a built-in kind, or undefined when we have no tree for it. */
  validator(apiVersion: string, kind: string): ValidateFunction | undefined;
}

const cache = new Map<string, FieldTrees>();

/** Load the field trees under `<root>/src/lib/config/upstream/kubernetes` (cached per root). */
export function loadFieldTrees(root = process.cwd()): FieldTrees {
  const cached = cache.get(root);
  if (cached) return cached;
  const dir = join(root, FIELD_TREE_DIR);
  const byKey = new Map<string, object>();
  let source: string | undefined;
  for (const f of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
    const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      'x-kind': { apiVersion: string; kind: string };
      'x-provenance': { ref: string };
    };
    byKey.set(`${raw['x-kind'].apiVersion} ${raw['x-kind'].kind}`, raw);
    source = raw['x-provenance'].ref;
  }
  // x-kind and x-provenance are annotations, not keywords.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  const compiled = new Map<string, ValidateFunction>();
  const trees: FieldTrees = {
    source,
    validator(apiVersion, kind) {
      const key = `${apiVersion} ${kind}`;
      const schema = byKey.get(key);
      if (!schema) return undefined;
      if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
      return compiled.get(key);
    },
  };
  cache.set(root, trees);
  return trees;
}
