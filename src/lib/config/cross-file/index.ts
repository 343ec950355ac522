import type { ConfigFolder } from '../load-manifests.ts';
import type { CheckResult, ConfigProblem } from '../result.ts';
import { buildInventory, type InventoryFile } from './inventory.ts';
import { checkNetworkPolicies } from './network-policies.ts';
import { checkObjectReferences } from './object-references.ts';
import { checkPeerNamespaces } from './peer-namespaces.ts';
import { checkPodMonitors } from './pod-monitors.ts';
import { checkServices } from './services.ts';
import { checkStrimziListenerPolicies } from './strimzi-listener-policies.ts';
import { SUPERSET_CHART_SOURCE } from './superset-chart-pods.ts';
import { OPERATOR_POD_SOURCES } from './operator-pods.ts';
import { checkStrimziPeerSelectors } from './strimzi-peer-selectors.ts';
import { TRINO_CHART_SOURCE } from './trino-chart-pods.ts';

/** Check names recorded on the results of the files each rule read. */
const CHECKS = {
  networkPolicies: `cross-file: NetworkPolicy pod selectors, namespaces named in peers, and ingress ports matched against the pods the configs create (Kubernetes objects, Trino chart releases labelled as ${TRINO_CHART_SOURCE}, and Superset chart releases labelled as ${SUPERSET_CHART_SOURCE})`,
  strimzi:
    'cross-file: Strimzi Kafka listeners in a namespace the configs restrict with NetworkPolicies must set networkPolicyPeers (Strimzi 1.2.0 otherwise admits every namespace)',
  strimziPeers: `cross-file: pod selectors in Strimzi listeners' networkPolicyPeers matched against the pods the configs create, with the labels of ${OPERATOR_POD_SOURCES}`,
  podMonitors: `cross-file: PodMonitor selectors and named ports matched against the pods the configs create, with the labels of ${OPERATOR_POD_SOURCES}`,
  services:
    'cross-file: Service selectors and target ports matched against the pods the configs create',
  references:
    "cross-file: Secrets, ConfigMaps and service accounts used by pods (or handed to a chart's pods in its values) must be defined in the configs, created by a run step or listed under the manifest's assumes",
};

/**
 * Rules that need more than one file: run after the per-file checks on every Kubernetes and Helm
 * values file of the run, adding their problems (and what they checked or skipped) to the
 * results of the files they concern.
 */
export function runCrossFileChecks(
  files: InventoryFile[],
  folders: ConfigFolder[],
  results: CheckResult[],
): ConfigProblem[] {
  const relevant = files.filter(
    (f) => f.validator === 'kubernetes' || f.validator === 'helm-values',
  );
  if (!relevant.length) return [];
  const inventory = buildInventory(relevant, folders);
  const policies = checkNetworkPolicies(inventory);
  const services = checkServices(inventory);
  const peers = checkStrimziPeerSelectors(inventory);
  const monitors = checkPodMonitors(inventory);
  const problems = [
    ...policies.problems,
    ...services.problems,
    ...peers.problems,
    ...monitors.problems,
    ...checkObjectReferences(inventory),
    ...checkStrimziListenerPolicies(inventory),
    ...checkPeerNamespaces(inventory),
  ];
  for (const result of results) {
    const docs = inventory.docs.filter((d) => d.file === result.file);
    if (docs.some((d) => d.object.kind === 'NetworkPolicy'))
      result.checks.push(CHECKS.networkPolicies);
    if (docs.some((d) => d.object.kind === 'Service')) result.checks.push(CHECKS.services);
    if (
      docs.some(
        (d) =>
          d.object.kind === 'PodMonitor' &&
          d.object.apiVersion?.startsWith('monitoring.coreos.com/'),
      )
    )
      result.checks.push(CHECKS.podMonitors);
    if (
      docs.some(
        (d) => d.object.kind === 'Kafka' && d.object.apiVersion?.startsWith('kafka.strimzi.io/'),
      )
    )
      result.checks.push(CHECKS.strimzi, CHECKS.strimziPeers);
    if (
      docs.some((d) =>
        ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'].includes(
          d.object.kind ?? '',
        ),
      )
    )
      result.checks.push(CHECKS.references);
    if (inventory.releases.some((r) => r.file === result.file)) {
      result.checks.push(CHECKS.references);
      result.limits.push(
        'cross-file: in values only Kubernetes-shaped references (secretRef, secretKeyRef, configMapRef, secret and configMap volumes, serviceAccountName) are followed; chart-specific keys such as *SecretName are not',
      );
    }
    for (const s of [
      ...policies.skipped,
      ...services.skipped,
      ...peers.skipped,
      ...monitors.skipped,
    ])
      if (s.startsWith(`${result.file}: `))
        result.limits.push(`cross-file: ${s.slice(result.file.length + 2)} not checked`);
    result.problems.push(...problems.filter((p) => p.file === result.file));
  }
  return problems;
}
