import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';

// ajv ships CommonJS; under Node's ESM loader the class is on `.default`.
const Ajv2020 =
  (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;

/** Folder of the strict CRD schemas derived by scripts/refresh-schemas.ts, relative to the root. */
export const CRD_SCHEMA_DIR = 'src/lib/config/upstream/crds';

/** Where a CRD schema came from, as recorded in its x-crd and x-provenance. */
export interface CrdInfo {
  /** Operator as users know it, e.g. "Strimzi". */
  operator: string;
  /** Upstream tag the CRD was read at, e.g. "1.2.0". */
  operatorVersion: string;
  /** Repository the CRD came from. */
  repository: string;
  /** Path of the CRD file in the repository. */
  path: string;
  /** x-kubernetes-validations (CEL) rules in the CRD, which only the API server evaluates. */
  celRules: number;
  /** Go (RE2) `pattern`s of the CRD that JavaScript cannot express, so they are not checked. */
  droppedPatterns: number;
  /** The version is served but marked deprecated. */
  deprecated: boolean;
  /** Repository-relative path of the schema file. */
  file: string;
}

/** The CRD schemas on disk, compiled on first use per kind. */
export interface CrdRegistry {
  /** "<apiVersion> <kind>" of every custom resource we can check, sorted. */
  keys: string[];
  /** Provenance of a custom resource's schema, or undefined when we have none. */
  info(apiVersion: string, kind: string): CrdInfo | undefined;
  /** Compiled strict validator for a custom resource, or undefined when we have none. */
  validator(apiVersion: string, kind: string): ValidateFunction | undefined;
}

const registries = new Map<string, CrdRegistry>();

interface SchemaFile {
  'x-crd': {
    operator: string;
    operatorVersion: string;
    group: string;
    version: string;
    kind: string;
    celRules: number;
    droppedPatterns?: number;
    deprecated: boolean;
  };
  'x-provenance': { repository: string; paths: string[] };
}

/** Load the CRD schemas under `<root>/src/lib/config/upstream/crds` (cached per root). */
export function loadCrdRegistry(root = process.cwd()): CrdRegistry {
  const cached = registries.get(root);
  if (cached) return cached;
  const dir = join(root, CRD_SCHEMA_DIR);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  const byKey = new Map<string, { info: CrdInfo; raw: () => SchemaFile }>();
  for (const f of files) {
    const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as SchemaFile;
    const crd = raw['x-crd'];
    byKey.set(`${crd.group}/${crd.version} ${crd.kind}`, {
      info: {
        operator: crd.operator,
        operatorVersion: crd.operatorVersion,
        repository: raw['x-provenance'].repository,
        path: raw['x-provenance'].paths.join(', '),
        celRules: crd.celRules,
        droppedPatterns: crd.droppedPatterns ?? 0,
        deprecated: crd.deprecated,
        file: `${CRD_SCHEMA_DIR}/${f}`,
      },
      raw: () => raw,
    });
  }
  // x-crd and x-provenance are annotations, not keywords; OpenAPI formats (int32, quantity) were
  // dropped when the schemas were derived.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true });
  const compiled = new Map<string, ValidateFunction>();
  const registry: CrdRegistry = {
    keys: [...byKey.keys()].sort(),
    info: (apiVersion, kind) => byKey.get(`${apiVersion} ${kind}`)?.info,
    validator(apiVersion, kind) {
      const key = `${apiVersion} ${kind}`;
      const entry = byKey.get(key);
      if (!entry) return undefined;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(entry.raw() as object);
        compiled.set(key, validate);
      }
      return validate;
    },
  };
  registries.set(root, registry);
  return registry;
}
