import { lineOfPath } from '../positions.ts';
import type { ConfigProblem } from '../result.ts';
import type { Inventory, KubeDoc, Workload } from './inventory.ts';

/** A Kubernetes label selector (matchLabels and matchExpressions), or a Service's plain map. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Whether `labels` satisfy `selector`, as the API server evaluates it. */
export function matchesSelector(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {}))
    if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const inValues = has && (e.values ?? []).includes(labels[e.key]!);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Whether a selector selects every pod (an empty podSelector). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 &&
      (selector.matchExpressions ?? []).length === 0)
  );
}

/** Render a selector for messages, e.g. `app.kubernetes.io/name=trino, tier In (a, b)`. */
export function describeSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? [])
    parts.push(`${e.key} ${e.operator}${e.values ? ` (${e.values.join(', ')})` : ''}`);
  return parts.join(', ');
}

/** What the workloads of a namespace are labelled, for "expected" phrases. */
export function describeWorkloads(workloads: Workload[]): string {
  return workloads
    .map(
      (w) =>
        `${w.label} has ${
          ['app.kubernetes.io/name', 'app.kubernetes.io/component', 'app']
            .filter((k) => w.labels[k] !== undefined)
            .map((k) => `${k}=${w.labels[k]}`)
            .join(', ') || 'no app labels'
        }`,
    )
    .join('; ');
}

/** The workloads a pod selector in `namespace` selects. */
export function selectWorkloads(
  inventory: Inventory,
  namespace: string,
  selector: LabelSelector | undefined,
): Workload[] {
  return inventory.workloads.filter(
    (w) =>
      w.namespace === namespace &&
      (isEmptySelector(selector) || matchesSelector(selector!, w.labels)),
  );
}

/** A problem at a path of a Kubernetes document. */
export function problemAt(
  doc: KubeDoc,
  path: Array<string | number>,
  message: string,
): ConfigProblem {
  const line = lineOfPath(doc.doc, path);
  const name = `${doc.object.kind} "${doc.object.metadata?.name ?? '?'}"`;
  return line
    ? { file: doc.file, line, message: `${name}: ${message}` }
    : { file: doc.file, message: `${name}: ${message}` };
}

/**
 * Result of resolving a selector in a namespace: the workloads it selects, or why it cannot be
 * known (a chart whose pod labels we do not derive deploys there).
 */
export function resolveSelector(
  inventory: Inventory,
  namespace: string,
  selector: LabelSelector | undefined,
): { workloads: Workload[]; unknown?: string } {
  const workloads = selectWorkloads(inventory, namespace, selector);
  const opaque = inventory.opaqueNamespaces.get(namespace);
  return workloads.length || !opaque ? { workloads } : { workloads, unknown: opaque };
}
