import { lineOfPath } from '../positions.ts';
import type { KubeDoc, Workload } from './inventory.ts';

/** Where the labels below come from, for check descriptions. */
export const OPERATOR_POD_SOURCES =
  "Strimzi 1.2.0 (Labels.generateDefaultLabels, KafkaConnectResources and KafkaExporterResources component names) and Flink's native Kubernetes labels (org.apache.flink.kubernetes.utils.Constants: app, type, component)";

/** The labels Strimzi 1.2.0 puts on every pod of a component (Labels.generateDefaultLabels). */
function strimziLabels(
  kind: string,
  cluster: string,
  name: string,
  componentType: string,
): Record<string, string> {
  return {
    'strimzi.io/kind': kind,
    'strimzi.io/name': name,
    'strimzi.io/cluster': cluster,
    'strimzi.io/component-type': componentType,
    'app.kubernetes.io/name': componentType,
    'app.kubernetes.io/instance': cluster,
    'app.kubernetes.io/part-of': `strimzi-${cluster}`,
    'app.kubernetes.io/managed-by': 'strimzi-cluster-operator',
  };
}

/** Labels a resource passes on to its pods: its own metadata labels and its pod template's. */
function passedOn(doc: KubeDoc, templatePath: string[]): Record<string, string> {
  let node: unknown = doc.object.spec;
  for (const key of templatePath) node = (node as Record<string, unknown> | undefined)?.[key];
  return {
    ...(doc.object.metadata?.labels ?? {}),
    ...((node as Record<string, string> | undefined) ?? {}),
  };
}

/**
 * The pods Strimzi and the Flink Kubernetes Operator create for the custom resources of the
 * configs, with the labels they set. Only what selectors in the configs rely on is derived:
 * Kafka Connect workers, Kafka node-pool pods and the Kafka Exporter (Strimzi), and a
 * FlinkDeployment's JobManager and TaskManagers (native mode).
 */
export function deriveOperatorPods(docs: KubeDoc[]): Workload[] {
  const out: Workload[] = [];
  const add = (
    doc: KubeDoc,
    label: string,
    labels: Record<string, string>,
    ports: Workload['ports'] = [],
  ) =>
    out.push({
      label,
      file: doc.file,
      line: lineOfPath(doc.doc, ['metadata']),
      namespace: doc.namespace,
      labels,
      ports,
    });
  for (const doc of docs) {
    const { apiVersion = '', kind, metadata } = doc.object;
    const name = metadata?.name;
    if (!name) continue;
    const spec = doc.object.spec ?? {};
    if (apiVersion.startsWith('kafka.strimzi.io/') && kind === 'KafkaConnect') {
      // The metrics port exists only with metricsConfig (KafkaConnectCluster.getContainerPortList).
      const ports = [
        { port: 8083, name: 'rest-api' },
        ...(spec['metricsConfig'] ? [{ port: 9404, name: 'tcp-prometheus' }] : []),
      ];
      add(
        doc,
        `Strimzi KafkaConnect "${name}" workers`,
        {
          ...passedOn(doc, ['template', 'pod', 'metadata', 'labels']),
          ...strimziLabels('KafkaConnect', name, `${name}-connect`, 'kafka-connect'),
        },
        ports,
      );
    } else if (apiVersion.startsWith('kafka.strimzi.io/') && kind === 'KafkaNodePool') {
      const cluster = metadata?.labels?.['strimzi.io/cluster'];
      if (!cluster) continue;
      const roles = (spec['roles'] as string[] | undefined) ?? [];
      add(doc, `Strimzi KafkaNodePool "${name}" pods`, {
        ...passedOn(doc, ['template', 'pod', 'metadata', 'labels']),
        ...strimziLabels('Kafka', cluster, `${cluster}-kafka`, 'kafka'),
        'strimzi.io/pool-name': name,
        'strimzi.io/broker-role': String(roles.includes('broker')),
        'strimzi.io/controller-role': String(roles.includes('controller')),
      });
    } else if (
      apiVersion.startsWith('kafka.strimzi.io/') &&
      kind === 'Kafka' &&
      spec['kafkaExporter']
    ) {
      add(
        doc,
        `Strimzi Kafka Exporter of "${name}"`,
        strimziLabels('Kafka', name, `${name}-kafka-exporter`, 'kafka-exporter'),
        [{ port: 9404, name: 'tcp-prometheus' }],
      );
    } else if (apiVersion.startsWith('flink.apache.org/') && kind === 'FlinkDeployment') {
      for (const component of ['jobmanager', 'taskmanager'])
        add(doc, `FlinkDeployment "${name}" ${component}`, {
          ...passedOn(doc, ['podTemplate', 'metadata', 'labels']),
          app: name,
          type: 'flink-native-kubernetes',
          component,
        });
    }
  }
  return out;
}
