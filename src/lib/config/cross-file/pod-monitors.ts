import type { ConfigProblem } from '../result.ts';
import type { Inventory, Workload } from './inventory.ts';
import {
  describeSelector,
  matchesSelector,
  problemAt,
  type LabelSelector,
} from './label-selectors.ts';
import { deriveOperatorPods } from './operator-pods.ts';

interface PodMonitorSpec {
  selector?: LabelSelector;
  namespaceSelector?: { any?: boolean; matchNames?: string[] };
  podMetricsEndpoints?: Array<{ port?: string; portNumber?: number }>;
}

/**
 * A Prometheus Operator PodMonitor must select pods the configs create (in its own namespace, or
 * those its namespaceSelector names), and a named endpoint port must be a port those pods
 * declare: otherwise Prometheus scrapes nothing and every alert on those metrics stays silent.
 * Pods of Strimzi and Flink resources carry the labels their operators set (operator-pods.ts);
 * namespaces where something we do not derive creates pods are skipped.
 */
export function checkPodMonitors(inventory: Inventory): {
  problems: ConfigProblem[];
  skipped: string[];
} {
  const problems: ConfigProblem[] = [];
  const skipped: string[] = [];
  const pods: Workload[] = [...inventory.workloads, ...deriveOperatorPods(inventory.docs)];
  for (const doc of inventory.docs.filter(
    (d) =>
      d.object.apiVersion?.startsWith('monitoring.coreos.com/') && d.object.kind === 'PodMonitor',
  )) {
    const spec = (doc.object.spec ?? {}) as PodMonitorSpec;
    if (spec.namespaceSelector?.any || !spec.selector) continue;
    const namespaces = spec.namespaceSelector?.matchNames?.length
      ? spec.namespaceSelector.matchNames
      : [doc.namespace];
    const candidates = pods.filter((w) => namespaces.includes(w.namespace));
    const selected = candidates.filter((w) => matchesSelector(spec.selector!, w.labels));
    if (!selected.length) {
      const opaque = namespaces.map((n) => inventory.opaqueNamespaces.get(n)).find(Boolean);
      if (!candidates.length && opaque) {
        skipped.push(
          `${doc.file}: PodMonitor "${doc.object.metadata?.name}" (pods of the ${opaque} are not derived)`,
        );
        continue;
      }
      const keys = [
        ...Object.keys(spec.selector.matchLabels ?? {}),
        ...(spec.selector.matchExpressions ?? []).map((e) => e.key),
      ];
      const labelled = (w: Workload) =>
        keys.map((k) => (w.labels[k] === undefined ? `no ${k}` : `${k}=${w.labels[k]}`)).join(', ');
      const where = candidates.length
        ? `pods there: ${candidates.map((w) => `${w.label} (${labelled(w)})`).join('; ')}`
        : 'no config creates pods there';
      problems.push(
        problemAt(
          doc,
          ['spec', 'selector'],
          `selector {${describeSelector(spec.selector)}} matches no pod in ${namespaces.join(', ')}, so nothing is scraped; ${where}`,
        ),
      );
      continue;
    }
    (spec.podMetricsEndpoints ?? []).forEach((endpoint, i) => {
      if (!endpoint.port) return;
      const missing = selected.filter((w) => !w.ports.some((p) => p.name === endpoint.port));
      if (!missing.length) return;
      const names = [
        ...new Set(missing.flatMap((w) => w.ports.flatMap((p) => (p.name ? [p.name] : [])))),
      ];
      problems.push(
        problemAt(
          doc,
          ['spec', 'podMetricsEndpoints', i, 'port'],
          `port "${endpoint.port}": ${missing.map((w) => w.label).join(', ')} declare no port of that name; named ports there: ${names.join(', ') || 'none'} (use portNumber for a port the pods do not declare)`,
        ),
      );
    });
  }
  return { problems, skipped };
}
