import type { ConfigProblem } from '../result.ts';
import type { Inventory } from './inventory.ts';
import { describeWorkloads, problemAt, resolveSelector } from './label-selectors.ts';

interface ServiceSpec {
  selector?: Record<string, string>;
  ports?: Array<{ port?: number; targetPort?: number | string }>;
}

/**
 * Services against the pods the configs create: the selector must select a pod in the Service's
 * namespace, and each targetPort (default: port) must be a port those pods declare (a number is
 * not checked against pods that declare no ports, since declaring is optional).
 */
export function checkServices(inventory: Inventory): {
  problems: ConfigProblem[];
  skipped: string[];
} {
  const problems: ConfigProblem[] = [];
  const skipped: string[] = [];
  for (const doc of inventory.docs.filter((d) => d.object.kind === 'Service')) {
    const spec = (doc.object.spec ?? {}) as ServiceSpec;
    if (!spec.selector || !Object.keys(spec.selector).length) continue; // selector-less Services point at manual Endpoints
    const { workloads, unknown } = resolveSelector(inventory, doc.namespace, {
      matchLabels: spec.selector,
    });
    if (unknown) {
      skipped.push(
        `${doc.file}: Service "${doc.object.metadata?.name}" (pods of the ${unknown} are not derived)`,
      );
      continue;
    }
    if (!workloads.length) {
      const inNamespace = inventory.workloads.filter((w) => w.namespace === doc.namespace);
      const selector = Object.entries(spec.selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      problems.push(
        problemAt(
          doc,
          ['spec', 'selector'],
          `selector {${selector}} matches no pod in namespace "${doc.namespace}"; ${inNamespace.length ? `pods there: ${describeWorkloads(inNamespace)}` : 'no config deploys pods there'}`,
        ),
      );
      continue;
    }
    (spec.ports ?? []).forEach((p, i) => {
      const target = p.targetPort ?? p.port;
      if (
        target === undefined ||
        workloads.some((w) => w.ports.some((x) => x.port === target || x.name === target))
      )
        return;
      // A container may listen on a port it does not declare; only a name must be declared.
      if (typeof target === 'number' && workloads.every((w) => !w.ports.length)) return;
      const declared = workloads.flatMap((w) =>
        w.ports.map((x) => (x.name ? `${x.port} (${x.name})` : String(x.port))),
      );
      problems.push(
        problemAt(
          doc,
          ['spec', 'ports', i, p.targetPort === undefined ? 'port' : 'targetPort'],
          `targetPort ${JSON.stringify(target)}: the selected pods declare no such port; they declare ${[...new Set(declared)].join(', ') || 'none'}`,
        ),
      );
    });
  }
  return { problems, skipped };
}
