import { locateIn } from '../json-schema.ts';
import { schemaErrorsToProblems } from '../schema-errors.ts';
import { lineOfPath, type LocatedDocument } from '../positions.ts';
import { startResult, type CheckResult } from '../result.ts';
import { npmTool } from '../tools.ts';
import { loadCrdRegistry } from '../crd-schemas.ts';
import {
  findUnknownOperatorOptions,
  loadOperatorOptions,
  OPERATOR_PREFIXES,
} from '../flink-operator-options.ts';
import { FIELD_TREE_DIR, loadFieldTrees } from '../field-trees.ts';
import { REMOVED_API_VERSIONS, validateBuiltIn } from './kubernetes-models.ts';
import type { ConfigInput, Validator } from './types.ts';
import { parseYamlInto } from './yaml.ts';

interface KubeObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; generateName?: unknown; namespace?: unknown };
}

/** Containers of any pod-bearing object, with their path in the document. */
function findContainers(
  value: unknown,
  path: Array<string | number> = [],
): Array<{ path: Array<string | number>; image: unknown }> {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findContainers(v, [...path, i]));
  const out: Array<{ path: Array<string | number>; image: unknown }> = [];
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) {
      child.forEach((c: { image?: unknown }, i) =>
        out.push({ path: [...path, key, i], image: c?.image }),
      );
    } else {
      out.push(...findContainers(child, [...path, key]));
    }
  }
  return out;
}

/** Project rules every manifest keeps: a name, and images pinned to a tag or digest. */
function checkProjectRules(
  result: CheckResult,
  doc: LocatedDocument,
  object: KubeObject,
  label: string,
): void {
  const at = (path: Array<string | number>, message: string) => {
    const line = lineOfPath(doc, path);
    result.problems.push(
      line
        ? { file: result.file, line, message: `${label}${message}` }
        : { file: result.file, message: `${label}${message}` },
    );
  };
  if (
    typeof object.metadata?.name !== 'string' &&
    typeof object.metadata?.generateName !== 'string'
  )
    at(['metadata'], 'metadata.name: missing; every object needs a name');
  for (const c of findContainers(object)) {
    if (typeof c.image !== 'string') continue;
    const image = c.image;
    const tag = /^(?:[^/]+\/)*[^/:@]+(?::([^@/]+))?(?:@sha256:[0-9a-f]{64})?$/.exec(image);
    if (!image.includes('@sha256:') && (!tag?.[1] || tag[1] === 'latest'))
      at(
        [...c.path, 'image'],
        `image "${image}" is not pinned; name a version tag or a digest, not "latest"`,
      );
  }
}

/** Sample value a `${NAME}` placeholder is checked as (must fit names, hosts and label values). */
export const PLACEHOLDER_SAMPLE = 'placeholder';

/**
 * Replace `${NAME}` placeholders (filled by envsubst before `kubectl apply`, as the manifests'
 * run steps do) with a sample value, counting them, so the text around them is still checked.
 */
function fillPlaceholders(value: unknown, found: Set<string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_m, name: string) => {
      found.add(name);
      return PLACEHOLDER_SAMPLE;
    });
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, found));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, found)]),
    );
  return value;
}

async function checkDocument(
  result: CheckResult,
  input: ConfigInput,
  doc: LocatedDocument,
  label: string,
  placeholders: Set<string>,
): Promise<void> {
  const object = fillPlaceholders(doc.value, placeholders) as KubeObject;
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    result.problems.push({
      file: input.file,
      line: lineOfPath(doc, []) ?? 1,
      message: `${label}expected a Kubernetes object (a map with apiVersion and kind)`,
    });
    return;
  }
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    result.problems.push({
      file: input.file,
      line: lineOfPath(doc, []) ?? 1,
      message: `${label}missing apiVersion or kind`,
    });
    return;
  }
  // A name written as a YAML number or boolean is still shown as written; a mapping or list is no name.
  const metadataName = object.metadata?.name;
  const shownName =
    typeof metadataName === 'string' ||
    typeof metadataName === 'number' ||
    typeof metadataName === 'boolean'
      ? String(metadataName)
      : '?';
  const name = `${label}${kind} "${shownName}": `;
  const removed = REMOVED_API_VERSIONS[apiVersion];
  if (removed) {
    result.problems.push({
      file: input.file,
      line: lineOfPath(doc, ['apiVersion']) ?? 1,
      message: `${name}apiVersion "${apiVersion}" is ${removed}`,
    });
    return;
  }
  checkProjectRules(result, doc, object, name);
  const builtIn = await validateBuiltIn(apiVersion, kind, object);
  if (builtIn.kind === 'invalid') {
    result.problems.push(
      ...schemaErrorsToProblems(input.file, builtIn.errors, locateIn(doc), name, object),
    );
  }
  if (builtIn.kind === 'invalid' || builtIn.kind === 'valid') {
    // kubernetes-models checks types and required fields but leaves objects open; the field
    // tree closes them, as the API server's strict field validation does.
    const fields = loadFieldTrees(input.root).validator(apiVersion, kind);
    if (fields && !fields(object))
      result.problems.push(
        ...schemaErrorsToProblems(input.file, fields.errors, locateIn(doc), name, object),
      );
    else if (!fields) {
      const limit = `${apiVersion} ${kind}: no field tree, so unknown fields are not rejected`;
      if (!result.limits.includes(limit)) result.limits.push(limit);
    }
  } else if (builtIn.kind === 'unknown-kind') {
    result.problems.push({
      file: input.file,
      line: lineOfPath(doc, ['kind']) ?? 1,
      message: `${name}kind "${kind}" does not exist in ${apiVersion}. Kinds there: ${builtIn.kinds.join(', ')}`,
    });
  } else if (builtIn.kind === 'unknown-version') {
    checkCustomResource(result, input, doc, object, apiVersion, kind, name);
  }
}

/** A custom resource against the strict schema derived from its operator's CRD at the pinned tag. */
function checkCustomResource(
  result: CheckResult,
  input: ConfigInput,
  doc: LocatedDocument,
  object: KubeObject,
  apiVersion: string,
  kind: string,
  name: string,
): void {
  const registry = loadCrdRegistry(input.root);
  const validate = registry.validator(apiVersion, kind);
  const info = registry.info(apiVersion, kind);
  if (!validate || !info) {
    const sameKind = registry.keys.filter((k) => k.endsWith(` ${kind}`));
    const hint = sameKind.length
      ? `; ${kind} is checked as ${sameKind.map((k) => k.split(' ')[0]).join(', ')}`
      : '';
    result.problems.push({
      file: input.file,
      line: lineOfPath(doc, ['apiVersion']) ?? 1,
      message: `${name}no CRD schema for ${apiVersion} ${kind}: it is neither a built-in API version nor a custom resource we derive from its operator's CRD${hint}. Custom resources we check: ${registry.keys.join(', ')}. Add a module under scripts/lib/schema-sources/ and run scripts/refresh-schemas.ts`,
    });
    return;
  }
  if (!result.tools.some((t) => t.name === 'ajv')) result.tools.push(npmTool('ajv'));
  const check = `${apiVersion} ${kind} validated against the ${info.operator} ${info.operatorVersion} CRD (${info.repository} ${info.path}); unknown fields rejected as the API server's strict field validation does`;
  if (!result.checks.includes(check)) result.checks.push(check);
  if (info.celRules) {
    const limit = `${kind}: ${info.celRules} CEL rule(s) (x-kubernetes-validations) in the ${info.operator} CRD are evaluated only by the API server, not here`;
    if (!result.limits.includes(limit)) result.limits.push(limit);
  }
  if (info.droppedPatterns) {
    const limit = `${kind}: ${info.droppedPatterns} pattern(s) in the ${info.operator} CRD use Go regular-expression syntax JavaScript cannot express and are not checked here`;
    if (!result.limits.includes(limit)) result.limits.push(limit);
  }
  if (info.deprecated)
    result.problems.push({
      file: input.file,
      line: lineOfPath(doc, ['apiVersion']) ?? 1,
      message: `${name}${apiVersion} ${kind} is deprecated in ${info.operator} ${info.operatorVersion}`,
    });
  if (!validate(object))
    result.problems.push(
      ...schemaErrorsToProblems(input.file, validate.errors, locateIn(doc), name, object),
    );
  if (
    apiVersion.startsWith('flink.apache.org/') &&
    (kind === 'FlinkDeployment' || kind === 'FlinkSessionJob')
  )
    checkFlinkConfiguration(result, input, doc, object, name);
}

/**
 * The CRD leaves flinkConfiguration open; hold the operator's and autoscaler's keys in it to the
 * option list of the pinned operator release, and say that Flink's own keys are not checked.
 */
function checkFlinkConfiguration(
  result: CheckResult,
  input: ConfigInput,
  doc: LocatedDocument,
  object: KubeObject,
  name: string,
): void {
  const options = loadOperatorOptions(input.root);
  const configuration = (object as { spec?: { flinkConfiguration?: unknown } }).spec
    ?.flinkConfiguration;
  if (!options || configuration === undefined) return;
  const release = options['x-provenance'].ref;
  const check = `flinkConfiguration: ${OPERATOR_PREFIXES.map((p) => `${p}*`).join(' and ')} keys checked against the option tables of the Flink Kubernetes Operator ${release} (${options['x-provenance'].repository} docs/layouts/shortcodes/generated)`;
  if (!result.checks.includes(check)) result.checks.push(check);
  const limit =
    "flinkConfiguration: Flink's own keys (state.*, execution.*, metrics.* and the rest) are not checked against Flink's option list";
  if (!result.limits.includes(limit)) result.limits.push(limit);
  for (const unknown of findUnknownOperatorOptions(configuration, options.keys, release)) {
    const line =
      lineOfPath(doc, ['spec', 'flinkConfiguration', ...unknown.path]) ??
      lineOfPath(doc, ['spec', 'flinkConfiguration']) ??
      1;
    result.problems.push({ file: input.file, line, message: `${name}${unknown.message}` });
  }
}

/**
 * Kubernetes manifests (multi-document YAML): built-in kinds against the Kubernetes OpenAPI
 * schemas shipped by kubernetes-models, custom resources against strict schemas derived from their
 * operators' CRDs at pinned tags (src/lib/config/upstream/crds/), plus
 * project rules. Unknown kinds fail rather than pass unchecked.
 */
export const validateKubernetes: Validator = async (inputs) => {
  const results: CheckResult[] = [];
  for (const input of inputs) {
    const result = startResult(input.file, input.entry.path, 'kubernetes');
    const docs = parseYamlInto(result, input);
    if (docs) {
      result.tools.push(npmTool('kubernetes-models'));
      result.checks.push(
        'built-in kinds validated against the Kubernetes OpenAPI schema (types, required fields, enums)',
        `built-in kinds: unknown fields rejected against the field names in the ${loadFieldTrees(input.root).source ?? 'kubernetes-models'} type declarations (${FIELD_TREE_DIR})`,
        'every object named; container images pinned to a tag or digest; no removed API versions',
      );
      result.badgeNotes.push('Kubernetes OpenAPI schemas and CRD schemas');
      const placeholders = new Set<string>();
      for (const [i, doc] of docs.entries())
        await checkDocument(
          result,
          input,
          doc,
          docs.length > 1 ? `document ${i + 1}: ` : '',
          placeholders,
        );
      if (placeholders.size)
        result.limits.push(
          `\${…} placeholders (${[...placeholders].sort().join(', ')}) checked as the sample value "${PLACEHOLDER_SAMPLE}": the values envsubst fills in at apply time are not checked`,
        );
    }
    results.push(result);
  }
  return results;
};
