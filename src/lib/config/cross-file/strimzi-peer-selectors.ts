import type { ConfigProblem } from '../result.ts';
import type { Inventory, Workload } from './inventory.ts';
import {
  describeSelector,
  matchesSelector,
  problemAt,
  type LabelSelector,
} from './label-selectors.ts';
import { deriveOperatorPods } from './operator-pods.ts';

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
}

/** The namespace a peer's namespaceSelector names by kubernetes.io/metadata.name, if it names one. */
function namedNamespace(peer: Peer, own: string): string | undefined {
  if (!peer.namespaceSelector) return own;
  return peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'];
}

/**
 * A podSelector in a Strimzi listener's networkPolicyPeers must select pods the configs create
 * in the namespace it applies to: Strimzi copies the peers into the listener's NetworkPolicy, so a
 * selector that matches nothing shuts the client out. Pods of custom resources are derived from
 * the labels their operators set (operator-pods.ts); a namespace where something else we do not
 * derive creates pods is skipped.
 */
export function checkStrimziPeerSelectors(inventory: Inventory): {
  problems: ConfigProblem[];
  skipped: string[];
} {
  const problems: ConfigProblem[] = [];
  const skipped: string[] = [];
  const pods: Workload[] = [...inventory.workloads, ...deriveOperatorPods(inventory.docs)];
  for (const doc of inventory.docs.filter(
    (d) => d.object.apiVersion?.startsWith('kafka.strimzi.io/') && d.object.kind === 'Kafka',
  )) {
    const listeners =
      (
        doc.object.spec?.['kafka'] as
          { listeners?: Array<{ networkPolicyPeers?: Peer[] }> } | undefined
      )?.listeners ?? [];
    listeners.forEach((listener, l) =>
      (listener.networkPolicyPeers ?? []).forEach((peer, p) => {
        if (!peer.podSelector) return;
        const namespace = namedNamespace(peer, doc.namespace);
        if (!namespace) return;
        const inNamespace = pods.filter((w) => w.namespace === namespace);
        if (inNamespace.some((w) => matchesSelector(peer.podSelector!, w.labels))) return;
        const opaque = inventory.opaqueNamespaces.get(namespace);
        const derived = inNamespace.length > 0;
        if (!derived && opaque) {
          skipped.push(
            `${doc.file}: networkPolicyPeers ${p} of listener ${l} (pods of the ${opaque} in ${namespace} are not derived)`,
          );
          return;
        }
        // Show each pod's values for the keys the selector uses: the nearest valid selector.
        const keys = [
          ...Object.keys(peer.podSelector.matchLabels ?? {}),
          ...(peer.podSelector.matchExpressions ?? []).map((e) => e.key),
        ];
        const labelled = (w: Workload) =>
          keys
            .map((k) => (w.labels[k] === undefined ? `no ${k}` : `${k}=${w.labels[k]}`))
            .join(', ');
        const where = derived
          ? `pods there: ${inNamespace.map((w) => `${w.label} (${labelled(w)})`).join('; ')}`
          : `no config creates pods in namespace "${namespace}"`;
        problems.push(
          problemAt(
            doc,
            ['spec', 'kafka', 'listeners', l, 'networkPolicyPeers', p, 'podSelector'],
            `networkPolicyPeers podSelector {${describeSelector(peer.podSelector)}} matches no pod in namespace "${namespace}", so Strimzi's NetworkPolicy admits nothing through it; ${where}`,
          ),
        );
      }),
    );
  }
  return { problems, skipped };
}
