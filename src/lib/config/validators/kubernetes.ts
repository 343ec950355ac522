import { locateIn } from '../json-schema.ts';
import { schemaErrorsToProblems } from '../schema-errors.ts';
import { lineOfPath, type LocatedDocument } from '../positions.ts';
import { startResult, type CheckResult } from '../result.ts';
import { npmTool } from '../tools.ts';
import { applySchema } from './apply-schema.ts';
import { CUSTOM_RESOURCE_SCHEMAS, findCustomResourceSchema } from './custom-resources.ts';
import { REMOVED_API_VERSIONS, validateBuiltIn } from './kubernetes-models.ts';
import type { ConfigInput, Validator } from './types.ts';
import { parseYamlInto } from './yaml.ts';

interface KubeObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; generateName?: unknown; namespace?: unknown };
}

/** Containers of any pod-bearing object, with their path in the document. */
function findContainers(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; image: unknown }> {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findContainers(v, [...path, i]));
  const out: Array<{ path: Array<string | number>; image: unknown }> = [];
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) {
      child.forEach((c: { image?: unknown }, i) => out.push({ path: [...path, key, i], image: c?.image }));
    } else {
      out.push(...findContainers(child, [...path, key]));
    }
  }
  return out;
}

/** Project rules every manifest keeps: a name, and images pinned to a tag or digest. */
function checkProjectRules(result: CheckResult, doc: LocatedDocument, object: KubeObject, label: string): void {
  const at = (path: Array<string | number>, message: string) => {
    const line = lineOfPath(doc, path);
    result.problems.push(line ? { file: result.file, line, message: `${label}${message}` } : { file: result.file, message: `${label}${message}` });
  };
  if (typeof object.metadata?.name !== 'string' && typeof object.metadata?.generateName !== 'string')
    at(['metadata'], 'metadata.name: missing; every object needs a name');
  for (const c of findContainers(object)) {
    if (typeof c.image !== 'string') continue;
    const image = c.image;
    const tag = /^(?:[^/]+\/)*[^/:@]+(?::([^@/]+))?(?:@sha256:[0-9a-f]{64})?$/.exec(image);
    if (!image.includes('@sha256:') && (!tag?.[1] || tag[1] === 'latest'))
      at([...c.path, 'image'], `image "${image}" is not pinned; name a version tag or a digest, not "latest"`);
  }
}

async function checkDocument(result: CheckResult, input: ConfigInput, doc: LocatedDocument, label: string): Promise<void> {
  const object = doc.value as KubeObject;
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    result.problems.push({ file: input.file, line: lineOfPath(doc, []) ?? 1, message: `${label}expected a Kubernetes object (a map with apiVersion and kind)` });
    return;
  }
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    result.problems.push({ file: input.file, line: lineOfPath(doc, []) ?? 1, message: `${label}missing apiVersion or kind` });
    return;
  }
  const name = `${label}${kind} "${String(object.metadata?.name ?? '?')}": `;
  const removed = REMOVED_API_VERSIONS[apiVersion];
  if (removed) {
    result.problems.push({ file: input.file, line: lineOfPath(doc, ['apiVersion']) ?? 1, message: `${name}apiVersion "${apiVersion}" is ${removed}` });
    return;
  }
  checkProjectRules(result, doc, object, name);
  const builtIn = await validateBuiltIn(apiVersion, kind, object);
  if (builtIn.kind === 'invalid') {
    result.problems.push(...schemaErrorsToProblems(input.file, builtIn.errors, locateIn(doc), name, object));
  } else if (builtIn.kind === 'unknown-kind') {
    result.problems.push({
      file: input.file,
      line: lineOfPath(doc, ['kind']) ?? 1,
      message: `${name}kind "${kind}" does not exist in ${apiVersion}. Kinds there: ${builtIn.kinds.join(', ')}`,
    });
  } else if (builtIn.kind === 'unknown-version') {
    const schema = findCustomResourceSchema(apiVersion, kind);
    if (schema) {
      applySchema(result, input.root, schema, object, locateIn(doc), name);
    } else {
      result.problems.push({
        file: input.file,
        line: lineOfPath(doc, ['apiVersion']) ?? 1,
        message: `${name}no schema for ${apiVersion} ${kind}; it is neither a built-in API version nor a custom resource we check (${Object.keys(CUSTOM_RESOURCE_SCHEMAS).join(', ')}). Add a schema in src/lib/config/validators/custom-resources.ts`,
      });
    }
  }
}

/**
 * Kubernetes manifests (multi-document YAML): built-in kinds against the Kubernetes OpenAPI
 * schemas shipped by kubernetes-models, custom resources against the CRD schemas we keep, plus
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
        'custom resources validated against the CRD schemas we keep',
        'every object named; container images pinned to a tag or digest; no removed API versions',
      );
      result.badgeNotes.push('Kubernetes OpenAPI schemas and CRD schemas');
      result.limits.push('unknown fields are not rejected (the schemas shipped by kubernetes-models leave them open)');
      for (const [i, doc] of docs.entries()) await checkDocument(result, input, doc, docs.length > 1 ? `document ${i + 1}: ` : '');
    }
    results.push(result);
  }
  return results;
};
