import type { ErrorObject } from 'ajv';

/** A kubernetes-models class: construct with the object, then validate() throws on schema errors. */
type ModelClass = new (data: object) => { validate(): void };

// One static import per API group/version so bundlers can see them; importing the package's
// index instead loads every schema (~4 s on a CI core).
const LOADERS: Record<string, () => Promise<Record<string, unknown>>> = {
  v1: () => import('kubernetes-models/v1'),
  'apps/v1': () => import('kubernetes-models/apps/v1'),
  'batch/v1': () => import('kubernetes-models/batch/v1'),
  'autoscaling/v1': () => import('kubernetes-models/autoscaling/v1'),
  'autoscaling/v2': () => import('kubernetes-models/autoscaling/v2'),
  'networking.k8s.io/v1': () => import('kubernetes-models/networking.k8s.io/v1'),
  'policy/v1': () => import('kubernetes-models/policy/v1'),
  'rbac.authorization.k8s.io/v1': () => import('kubernetes-models/rbac.authorization.k8s.io/v1'),
  'storage.k8s.io/v1': () => import('kubernetes-models/storage.k8s.io/v1'),
  'scheduling.k8s.io/v1': () => import('kubernetes-models/scheduling.k8s.io/v1'),
  'apiextensions.k8s.io/v1': () => import('kubernetes-models/apiextensions.k8s.io/v1'),
  'admissionregistration.k8s.io/v1': () =>
    import('kubernetes-models/admissionregistration.k8s.io/v1'),
  'coordination.k8s.io/v1': () => import('kubernetes-models/coordination.k8s.io/v1'),
  'discovery.k8s.io/v1': () => import('kubernetes-models/discovery.k8s.io/v1'),
  'node.k8s.io/v1': () => import('kubernetes-models/node.k8s.io/v1'),
  'certificates.k8s.io/v1': () => import('kubernetes-models/certificates.k8s.io/v1'),
  'flowcontrol.apiserver.k8s.io/v1': () =>
    import('kubernetes-models/flowcontrol.apiserver.k8s.io/v1'),
  'resource.k8s.io/v1': () => import('kubernetes-models/resource.k8s.io/v1'),
  'events.k8s.io/v1': () => import('kubernetes-models/events.k8s.io/v1'),
};

/** Built-in API versions we validate with kubernetes-models. */
export const BUILT_IN_API_VERSIONS = Object.keys(LOADERS);

/**
 * API versions removed from Kubernetes, with their replacement. Source: the Kubernetes deprecated
 * API migration guide, https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 */
export const REMOVED_API_VERSIONS: Record<string, string> = {
  'extensions/v1beta1': 'removed in 1.16/1.22; use apps/v1 or networking.k8s.io/v1',
  'apps/v1beta1': 'removed in 1.16; use apps/v1',
  'apps/v1beta2': 'removed in 1.16; use apps/v1',
  'batch/v1beta1': 'removed in 1.25; use batch/v1',
  'policy/v1beta1':
    'removed in 1.25; use policy/v1 (PodSecurityPolicy has no replacement: use Pod Security Admission)',
  'autoscaling/v2beta1': 'removed in 1.25; use autoscaling/v2',
  'autoscaling/v2beta2': 'removed in 1.26; use autoscaling/v2',
  'networking.k8s.io/v1beta1': 'removed in 1.22; use networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1': 'removed in 1.22; use rbac.authorization.k8s.io/v1',
  'storage.k8s.io/v1beta1': 'CSIStorageCapacity v1beta1 removed in 1.27; use storage.k8s.io/v1',
  'apiextensions.k8s.io/v1beta1': 'removed in 1.22; use apiextensions.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta3': 'removed in 1.32; use flowcontrol.apiserver.k8s.io/v1',
};

/** Outcome of validating one object with kubernetes-models. */
export type BuiltInOutcome =
  | { kind: 'unknown-version' }
  | { kind: 'unknown-kind'; kinds: string[] }
  | { kind: 'valid' }
  | { kind: 'invalid'; errors: ErrorObject[] };

/** Validate an object of a built-in API version against the Kubernetes OpenAPI schema. */
export async function validateBuiltIn(
  apiVersion: string,
  kind: string,
  object: object,
): Promise<BuiltInOutcome> {
  const load = LOADERS[apiVersion];
  if (!load) return { kind: 'unknown-version' };
  const module = await load();
  // Only top-level resources carry a static `kind`; nested types such as Container do not.
  const isResource = (value: unknown): value is ModelClass =>
    typeof value === 'function' && typeof (value as { kind?: unknown }).kind === 'string';
  const Model = module[kind];
  if (!isResource(Model)) {
    const kinds = Object.entries(module)
      .filter(([name, value]) => isResource(value) && !name.endsWith('List'))
      .map(([name]) => name);
    return { kind: 'unknown-kind', kinds };
  }
  try {
    new Model(object).validate();
    return { kind: 'valid' };
  } catch (error) {
    const errors = (error as { errors?: ErrorObject[] }).errors;
    if (!errors) throw error;
    return { kind: 'invalid', errors };
  }
}
