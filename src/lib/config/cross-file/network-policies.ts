import type { ConfigProblem } from '../result.ts';
import type { Inventory, KubeDoc, Workload } from './inventory.ts';
import {
  describeSelector,
  describeWorkloads,
  isEmptySelector,
  problemAt,
  resolveSelector,
  type LabelSelector,
} from './label-selectors.ts';

interface PolicyPort {
  port?: number | string;
  protocol?: string;
}

interface NetworkPolicySpec {
  podSelector?: LabelSelector;
  ingress?: Array<{
    from?: Array<{ podSelector?: LabelSelector; namespaceSelector?: LabelSelector }>;
    ports?: PolicyPort[];
  }>;
}

/** Whether a workload listens on a policy port (by number or container port name). */
function listensOn(workload: Workload, port: number | string): boolean {
  return workload.ports.some((p) => p.port === port || p.name === port);
}

/**
 * NetworkPolicies against the pods the configs create: a pod selector must select some pod in
 * the policy's namespace (else the policy protects nothing), and an ingress port must be one
 * the selected pods listen on (else it admits traffic nothing receives, and the real port stays
 * closed). Namespaces where a chart we cannot render deploys are skipped and counted.
 */
export function checkNetworkPolicies(inventory: Inventory): {
  problems: ConfigProblem[];
  skipped: string[];
} {
  const problems: ConfigProblem[] = [];
  const skipped: string[] = [];
  for (const doc of inventory.docs.filter((d: KubeDoc) => d.object.kind === 'NetworkPolicy')) {
    const spec = (doc.object.spec ?? {}) as NetworkPolicySpec;
    const inNamespace = inventory.workloads.filter((w) => w.namespace === doc.namespace);
    const { workloads, unknown } = resolveSelector(inventory, doc.namespace, spec.podSelector);
    if (unknown) {
      skipped.push(
        `${doc.file}: NetworkPolicy "${doc.object.metadata?.name}" in ${doc.namespace} (pods of the ${unknown} are not derived)`,
      );
      continue;
    }
    if (!workloads.length) {
      if (isEmptySelector(spec.podSelector) && !inventory.namespaces.has(doc.namespace)) {
        problems.push(
          problemAt(
            doc,
            ['metadata', 'namespace'],
            `namespace "${doc.namespace}": no config deploys anything there and no manifest assumes it; namespaces the configs deploy to: ${[...inventory.namespaces].sort().join(', ')}`,
          ),
        );
      } else if (!isEmptySelector(spec.podSelector)) {
        const where = inNamespace.length
          ? `pods in ${doc.namespace}: ${describeWorkloads(inNamespace)}`
          : `no config deploys pods to namespace "${doc.namespace}"${describeElsewhere(inventory, spec.podSelector!)}`;
        problems.push(
          problemAt(
            doc,
            ['spec', 'podSelector'],
            `podSelector {${describeSelector(spec.podSelector!)}} matches no pod in namespace "${doc.namespace}"; ${where}`,
          ),
        );
      }
      continue;
    }
    (spec.ingress ?? []).forEach((rule, r) =>
      (rule.ports ?? []).forEach((p, i) => {
        if (p.port === undefined || workloads.some((w) => listensOn(w, p.port!))) return;
        if (typeof p.port === 'number' && workloads.every((w) => !w.ports.length)) return;
        const listening = [...new Set(workloads.flatMap((w) => w.ports.map((x) => x.port)))].sort(
          (a, b) => a - b,
        );
        problems.push(
          problemAt(
            doc,
            ['spec', 'ingress', r, 'ports', i],
            `ingress port ${p.port}: no selected pod listens on it; ${workloads.map((w) => w.label).join(', ')} listen on ${listening.join(', ') || 'no declared port'}`,
          ),
        );
      }),
    );
  }
  return { problems, skipped };
}

/** Where pods matching a selector do run, if anywhere else, for the message. */
function describeElsewhere(inventory: Inventory, selector: LabelSelector): string {
  // Pods whose values for the selector's keys start like the selector's (trino -> trino-etl).
  const others = inventory.workloads.filter((w) =>
    Object.entries(selector.matchLabels ?? {}).every(([k, v]) => w.labels[k]?.startsWith(v)),
  );
  if (!others.length) return '';
  const names = [
    ...new Set(
      others.map(
        (w) =>
          `${w.namespace} (${Object.entries(selector.matchLabels ?? {})
            .map(([k]) => `${k}=${w.labels[k]}`)
            .join(', ')})`,
      ),
    ),
  ];
  return `; pods labelled like that run in ${names.join(', ')}`;
}
