import type { ConfigProblem } from '../result.ts';
import type { Inventory } from './inventory.ts';
import { problemAt, type LabelSelector } from './label-selectors.ts';

const NAME_LABEL = 'kubernetes.io/metadata.name';

// Namespaces every cluster has (created by Kubernetes itself).
const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

interface Peer {
  namespaceSelector?: LabelSelector;
}

/** Namespace names a selector picks by the kubernetes.io/metadata.name label, with where in it. */
function namedNamespaces(
  selector: LabelSelector,
): Array<{ name: string; path: Array<string | number> }> {
  const out: Array<{ name: string; path: Array<string | number> }> = [];
  const label = selector.matchLabels?.[NAME_LABEL];
  if (label) out.push({ name: label, path: ['matchLabels', NAME_LABEL] });
  (selector.matchExpressions ?? []).forEach((e, i) => {
    if (e.key === NAME_LABEL && e.operator === 'In')
      for (const v of e.values ?? [])
        out.push({ name: v, path: ['matchExpressions', i, 'values'] });
  });
  return out;
}

/**
 * NetworkPolicy peers that name namespaces (by the kubernetes.io/metadata.name label Kubernetes
 * sets) must name namespaces something in the configs deploys to or creates, or a manifest
 * assumes; a misspelt or missing namespace silently admits or reaches nothing.
 */
export function checkPeerNamespaces(inventory: Inventory): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const doc of inventory.docs.filter((d) => d.object.kind === 'NetworkPolicy')) {
    const spec = (doc.object.spec ?? {}) as {
      ingress?: Array<{ from?: Peer[] }>;
      egress?: Array<{ to?: Peer[] }>;
    };
    const rules = [
      ...(spec.ingress ?? []).map((r, i) => ({
        peers: r.from ?? [],
        path: ['spec', 'ingress', i, 'from'] as Array<string | number>,
      })),
      ...(spec.egress ?? []).map((r, i) => ({
        peers: r.to ?? [],
        path: ['spec', 'egress', i, 'to'] as Array<string | number>,
      })),
    ];
    for (const rule of rules)
      rule.peers.forEach((peer, p) => {
        if (!peer.namespaceSelector) return;
        for (const { name, path } of namedNamespaces(peer.namespaceSelector)) {
          if (inventory.namespaces.has(name) || SYSTEM_NAMESPACES.has(name)) continue;
          problems.push(
            problemAt(
              doc,
              [...rule.path, p, 'namespaceSelector', ...path],
              `namespace "${name}": no config deploys to or creates it and no manifest assumes it; known namespaces: ${[...inventory.namespaces].sort().join(', ')}`,
            ),
          );
        }
      });
  }
  return problems;
}
