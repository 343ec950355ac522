import { parseAllDocuments } from 'yaml';
import { toJsPattern } from './go-pattern.ts';

/** An OpenAPI v3 node of a CRD's structural schema (the subset Kubernetes allows). */
type OpenApiNode = Record<string, unknown>;

/** One served version of a CRD, as a strict JSON Schema. */
export interface CrdVersionSchema {
  group: string;
  version: string;
  kind: string;
  /** File name stem, e.g. "kafka.strimzi.io_v1_Kafka". */
  name: string;
  /** The JSON Schema (without provenance). */
  schema: Record<string, unknown>;
}

// ObjectMeta as the API server validates it for every resource (k8s.io/apimachinery meta/v1):
// CRD schemas declare metadata only as `type: object`, so its fields come from the API itself.
const OBJECT_META = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    generateName: { type: 'string' },
    namespace: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    finalizers: { type: 'array', items: { type: 'string' } },
    ownerReferences: { type: 'array', items: { type: 'object' } },
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    generation: { type: 'integer' },
    creationTimestamp: { type: ['string', 'null'] },
    deletionTimestamp: { type: ['string', 'null'] },
    deletionGracePeriodSeconds: { type: 'integer' },
    managedFields: { type: 'array', items: { type: 'object' } },
    selfLink: { type: 'string' },
  },
  additionalProperties: false,
};

// Keywords copied as they are; everything else (descriptions, defaults, formats, x-kubernetes-*
// list and map markers) is dropped: descriptions and defaults do not validate, and OpenAPI
// formats such as int32 or quantity are not JSON Schema formats.
const COPIED = [
  'enum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
  'required',
];

/** Counts what the JSON Schema cannot express, so results can say what was not checked. */
export interface ConversionNotes {
  /** x-kubernetes-validations (CEL) rules, evaluated by the API server only. */
  celRules: number;
  /** Go (RE2) patterns JavaScript cannot express, dropped from the schema (not checked). */
  droppedPatterns?: number;
}

/**
 * Convert one node of a CRD structural schema to JSON Schema, closing objects the way the API
 * server's strict field validation does: an object rejects fields it does not declare unless it
 * sets x-kubernetes-preserve-unknown-fields or additionalProperties. Inside anyOf/oneOf/allOf/not
 * branches (which Kubernetes requires to repeat fields declared outside) nothing is closed.
 */
export function convertNode(
  node: OpenApiNode,
  notes: ConversionNotes,
  inJunctor = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const validations = node['x-kubernetes-validations'];
  if (Array.isArray(validations)) notes.celRules += validations.length;
  for (const key of COPIED) if (node[key] !== undefined) out[key] = node[key];
  if (typeof node['pattern'] === 'string') {
    const pattern = toJsPattern(node['pattern']);
    if (pattern !== undefined) out['pattern'] = pattern;
    else notes.droppedPatterns = (notes.droppedPatterns ?? 0) + 1;
  }
  if (typeof node['minimum'] === 'number')
    out[node['exclusiveMinimum'] === true ? 'exclusiveMinimum' : 'minimum'] = node['minimum'];
  if (typeof node['maximum'] === 'number')
    out[node['exclusiveMaximum'] === true ? 'exclusiveMaximum' : 'maximum'] = node['maximum'];
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (node['x-kubernetes-int-or-string'] === true) {
    out['anyOf'] = [{ type: 'integer' }, { type: 'string' }];
  } else if (typeof node['type'] === 'string') {
    out['type'] = node['nullable'] === true ? [node['type'], 'null'] : node['type'];
  }
  if (node['enum'] && node['nullable'] === true)
    out['enum'] = [...(node['enum'] as unknown[]), null];
  const properties = node['properties'] as Record<string, OpenApiNode> | undefined;
  if (properties) {
    out['properties'] = Object.fromEntries(
      Object.entries(properties).map(([k, v]) => [k, convertNode(v, notes, inJunctor)]),
    );
  }
  const additional = node['additionalProperties'];
  if (additional !== undefined) {
    out['additionalProperties'] =
      typeof additional === 'object'
        ? convertNode(additional as OpenApiNode, notes, inJunctor)
        : additional;
  } else if (node['type'] === 'object' && !preserve && !inJunctor) {
    out['additionalProperties'] = false;
  }
  if (node['items'] && typeof node['items'] === 'object')
    out['items'] = convertNode(node['items'] as OpenApiNode, notes, inJunctor);
  for (const junctor of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = node[junctor];
    if (Array.isArray(branches)) {
      const converted = branches.map((b) => convertNode(b as OpenApiNode, notes, true));
      // int-or-string already set anyOf; both must hold, so nest the CRD's own under allOf.
      if (junctor === 'anyOf' && out['anyOf'])
        out['allOf'] = [...((out['allOf'] as unknown[]) ?? []), { anyOf: converted }];
      else if (junctor === 'allOf' && out['allOf'])
        out['allOf'] = [...(out['allOf'] as unknown[]), ...converted];
      else out[junctor] = converted;
    }
  }
  if (node['not'] && typeof node['not'] === 'object')
    out['not'] = convertNode(node['not'] as OpenApiNode, notes, true);
  return out;
}

/** Every served version of every CustomResourceDefinition in a YAML stream, as strict JSON Schemas. */
export function convertCrds(
  text: string,
): Array<CrdVersionSchema & { notes: ConversionNotes; deprecated: boolean }> {
  const out: Array<CrdVersionSchema & { notes: ConversionNotes; deprecated: boolean }> = [];
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS() as {
      kind?: string;
      spec?: {
        group: string;
        names: { kind: string };
        versions: Array<{
          name: string;
          served: boolean;
          deprecated?: boolean;
          schema?: { openAPIV3Schema?: OpenApiNode };
        }>;
      };
    } | null;
    if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
    const { group, names, versions } = crd.spec;
    for (const v of versions) {
      if (!v.served || !v.schema?.openAPIV3Schema) continue;
      const notes: ConversionNotes = { celRules: 0 };
      const body = convertNode(v.schema.openAPIV3Schema, notes);
      const properties = { ...(body['properties'] as Record<string, unknown>) };
      properties['apiVersion'] = { const: `${group}/${v.name}` };
      properties['kind'] = { const: names.kind };
      properties['metadata'] = OBJECT_META;
      const required = [
        ...new Set(['apiVersion', 'kind', ...((body['required'] as string[]) ?? [])]),
      ];
      const schema = { ...body, type: 'object', properties, required, additionalProperties: false };
      out.push({
        group,
        version: v.name,
        kind: names.kind,
        name: `${group}_${v.name}_${names.kind}`,
        schema,
        notes,
        deprecated: v.deprecated === true,
      });
    }
  }
  return out;
}

/** Folder of the generated CRD schemas, relative to the project root. */
export const CRD_OUTPUT_DIR = 'src/lib/config/upstream/crds';

/** What a CRD source module declares: where the CRDs are and which kinds we keep. */
export interface CrdSourceSpec {
  /** Operator (product) name shown on config pages, e.g. "Strimzi". */
  operator: string;
  /** Paths of CRD YAML files in the repository at the pinned ref. */
  paths: string[];
  /** Kinds to keep (the rest of a multi-CRD file is skipped to keep the output small). */
  kinds: string[];
}

/**
 * Move subtrees that occur more than once (pod templates, container and volume specs repeat
 * dozens of times in KServe and Flink CRDs) into $defs, so ajv compiles each once: the KServe
 * schema otherwise takes over ten seconds to compile on a shared CI core.
 */
export function shareRepeatedSubtrees(
  schema: Record<string, unknown>,
  minChars = 800,
): Record<string, unknown> {
  type Node = Record<string, unknown>;
  /** Apply `fn` to each sub-schema of a schema (not to `properties` maps, enums or consts). */
  const mapChildren = (node: Node, fn: (child: Node) => unknown): Node => {
    const out: Node = { ...node };
    if (node['properties'])
      out['properties'] = Object.fromEntries(
        Object.entries(node['properties'] as Record<string, Node>).map(([k, v]) => [k, fn(v)]),
      );
    for (const key of ['items', 'additionalProperties', 'not'])
      if (node[key] && typeof node[key] === 'object') out[key] = fn(node[key] as Node);
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      if (Array.isArray(node[key])) out[key] = (node[key] as Node[]).map(fn);
    return out;
  };
  const counts = new Map<string, number>();
  const count = (node: Node): Node => {
    const key = JSON.stringify(node);
    if (key.length >= minChars) counts.set(key, (counts.get(key) ?? 0) + 1);
    return mapChildren(node, count);
  };
  count(schema);
  const defs: Record<string, unknown> = {};
  const names = new Map<string, string>();
  const rewrite = (node: Node): unknown => {
    const key = JSON.stringify(node);
    if ((counts.get(key) ?? 0) > 1) {
      let name = names.get(key);
      if (!name) {
        name = `shared${names.size + 1}`;
        names.set(key, name);
        defs[name] = mapChildren(node, rewrite);
      }
      return { $ref: `#/$defs/${name}` };
    }
    return mapChildren(node, rewrite);
  };
  const out = mapChildren(schema, rewrite);
  return names.size ? { ...out, $defs: defs } : out;
}
