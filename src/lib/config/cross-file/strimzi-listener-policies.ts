import type { ConfigProblem } from '../result.ts';
import type { Inventory } from './inventory.ts';
import { problemAt } from './label-selectors.ts';

interface KafkaListener {
  name?: string;
  port?: number;
  networkPolicyPeers?: unknown[];
}

/**
 * Strimzi creates a NetworkPolicy per Kafka listener that admits every namespace unless the
 * listener sets networkPolicyPeers (strimzi/strimzi-kafka-operator 1.2.0,
 * documentation/modules/glossary/n.adoc; STRIMZI_NETWORK_POLICY_GENERATION defaults to true).
 * NetworkPolicies are additive, so where the configs restrict a Kafka namespace with their own
 * policies, a listener without peers silently reopens it.
 */
export function checkStrimziListenerPolicies(inventory: Inventory): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const doc of inventory.docs.filter(
    (d) => d.object.apiVersion?.startsWith('kafka.strimzi.io/') && d.object.kind === 'Kafka',
  )) {
    const restricting = inventory.docs.filter(
      (d) => d.object.kind === 'NetworkPolicy' && d.namespace === doc.namespace,
    );
    if (!restricting.length) continue;
    const kafka = doc.object.spec?.['kafka'] as { listeners?: KafkaListener[] } | undefined;
    (kafka?.listeners ?? []).forEach((listener, i) => {
      if (Array.isArray(listener.networkPolicyPeers) && listener.networkPolicyPeers.length) return;
      const policies = [
        ...new Set(restricting.map((p) => `${p.file} (${p.object.metadata?.name})`)),
      ]
        .slice(0, 3)
        .join(', ');
      problems.push(
        problemAt(
          doc,
          ['spec', 'kafka', 'listeners', i],
          `listener "${listener.name ?? i}" (port ${listener.port ?? '?'}) has no networkPolicyPeers, so Strimzi creates a NetworkPolicy admitting every namespace to it, which reopens what the policies restricting namespace "${doc.namespace}" close: ${policies}; set networkPolicyPeers to the clients' namespaces`,
        ),
      );
    });
  }
  return problems;
}
