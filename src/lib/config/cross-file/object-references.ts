import type { ConfigProblem } from '../result.ts';
import type { Inventory } from './inventory.ts';
import { lineOfPath } from '../positions.ts';
import { problemAt } from './label-selectors.ts';

type Kind = 'Secret' | 'ConfigMap' | 'ServiceAccount';

/** A name a pod spec refers to, with where. */
interface Reference {
  kind: Kind;
  name: string;
  path: Array<string | number>;
}

/** Secrets, ConfigMaps and the service account a pod spec uses. */
function findReferences(value: unknown, path: Array<string | number> = []): Reference[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findReferences(v, [...path, i]));
  const out: Reference[] = [];
  const record = value as Record<string, unknown>;
  const named = (key: string, kind: Kind, field = 'name') => {
    const ref = record[key] as Record<string, unknown> | undefined;
    if (ref && typeof ref[field] === 'string' && ref['optional'] !== true)
      out.push({ kind, name: ref[field], path: [...path, key, field] });
  };
  named('secretKeyRef', 'Secret');
  named('secretRef', 'Secret');
  named('configMapKeyRef', 'ConfigMap');
  named('configMapRef', 'ConfigMap');
  named('secret', 'Secret', 'secretName');
  named('configMap', 'ConfigMap');
  if (typeof record['serviceAccountName'] === 'string')
    out.push({
      kind: 'ServiceAccount',
      name: record['serviceAccountName'],
      path: [...path, 'serviceAccountName'],
    });
  for (const [k, v] of Object.entries(record))
    if (typeof v === 'object') out.push(...findReferences(v, [...path, k]));
  return out;
}

/** Names each namespace defines, per kind: objects, ExternalSecret targets and Helm-made accounts. */
function definedNames(inventory: Inventory): Map<string, Set<string>> {
  const defined = new Map<string, Set<string>>();
  const add = (kind: string, namespace: string, name: string) => {
    const key = `${kind}/${namespace}`;
    defined.set(key, (defined.get(key) ?? new Set()).add(name));
  };
  for (const d of inventory.docs) {
    const name = d.object.metadata?.name;
    if (!name) continue;
    if (
      d.object.kind === 'Secret' ||
      d.object.kind === 'ConfigMap' ||
      d.object.kind === 'ServiceAccount'
    )
      add(d.object.kind, d.namespace, name);
    // External Secrets Operator creates the target Secret (spec.target.name, default the ExternalSecret's name).
    if (d.object.kind === 'ExternalSecret')
      add(
        'Secret',
        d.namespace,
        (d.object.spec?.['target'] as { name?: string } | undefined)?.name ?? name,
      );
  }
  return defined;
}

/** Whether a run step creates the object (`kubectl [-n NS] create secret|configmap|serviceaccount NAME`). */
function createdByRunStep(inventory: Inventory, kind: Kind, name: string): boolean {
  const verb: Record<Kind, string> = {
    Secret: 'secret\\s+\\S+',
    ConfigMap: 'configmap',
    ServiceAccount: 'serviceaccount',
  };
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`kubectl\\b.*\\bcreate\\s+${verb[kind]}\\s+${n}\\b`, 'i');
  return inventory.runSteps.some((step) => pattern.test(step));
}

/** Whether any manifest assumes the name exists (quoted or as a word next to its kind). */
function assumed(inventory: Inventory, kind: Kind, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words: Record<Kind, string> = {
    Secret: 'secret',
    ConfigMap: 'configmap',
    ServiceAccount: 'service account',
  };
  const pattern = new RegExp(
    `${words[kind]}s?\\s+[\`"']?${n}\\b|[\`"']${n}[\`"']|\\b${n}\\b[^.;]*${words[kind]}`,
    'i',
  );
  return inventory.assumes.some((a) => pattern.test(a));
}

/**
 * Secrets, ConfigMaps and service accounts a pod uses must be defined in the configs (in the
 * pod's namespace, directly or as an ExternalSecret target) or named under a manifest's
 * `assumes`; otherwise the pod never starts.
 */
export function checkObjectReferences(inventory: Inventory): ConfigProblem[] {
  const defined = definedNames(inventory);
  const problems: ConfigProblem[] = [];
  for (const doc of inventory.docs) {
    if (
      !['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet'].includes(
        doc.object.kind ?? '',
      )
    )
      continue;
    for (const ref of findReferences(doc.object.spec, ['spec'])) {
      if (isDefined(inventory, defined, doc.namespace, ref)) continue;
      const known = [...(defined.get(`${ref.kind}/${doc.namespace}`) ?? [])].sort();
      problems.push(
        problemAt(
          doc,
          ref.path,
          `${ref.kind} "${ref.name}" is neither defined in namespace "${doc.namespace}" by the configs nor listed under the manifest's assumes; ${known.length ? `defined there: ${known.join(', ')}` : `no ${ref.kind} is defined there`}`,
        ),
      );
    }
  }
  // Helm values hand the same references to the chart's pods, in the release's namespace.
  for (const release of inventory.releases) {
    for (const ref of findReferences(release.doc.value)) {
      if (isDefined(inventory, defined, release.namespace, ref)) continue;
      const known = [...(defined.get(`${ref.kind}/${release.namespace}`) ?? [])].sort();
      const line = lineOfPath(release.doc, ref.path);
      const message = `${ref.kind} "${ref.name}" (used by the ${release.chart} release "${release.release}") is neither defined in namespace "${release.namespace}" by the configs nor created by a run step nor listed under the manifest's assumes; ${known.length ? `defined there: ${known.join(', ')}` : `no ${ref.kind} is defined there`}`;
      problems.push(line ? { file: release.file, line, message } : { file: release.file, message });
    }
  }
  return problems;
}

/** Whether a referenced object is defined in the namespace, created by a run step, or assumed. */
function isDefined(
  inventory: Inventory,
  defined: Map<string, Set<string>>,
  namespace: string,
  ref: Reference,
): boolean {
  if (ref.kind === 'ServiceAccount' && ref.name === 'default') return true;
  return (
    defined.get(`${ref.kind}/${namespace}`)?.has(ref.name) === true ||
    createdByRunStep(inventory, ref.kind, ref.name) ||
    assumed(inventory, ref.kind, ref.name)
  );
}
