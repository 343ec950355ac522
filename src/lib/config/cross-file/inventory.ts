import type { ConfigFolder } from '../load-manifests.ts';
import { lineOfPath, parseYamlDocuments, type LocatedDocument } from '../positions.ts';
import { findHelmReleases } from './helm-releases.ts';
import { renderSupersetPods, SUPERSET_CHART } from './superset-chart-pods.ts';
import { renderTrinoPods, TRINO_CHART } from './trino-chart-pods.ts';

/** A pod template the configs create, with what other objects can select and reach. */
export interface Workload {
  /** What creates it, e.g. `Deployment "mlflow"` or `trino chart release "trino-etl" (coordinator)`. */
  label: string;
  file: string;
  line?: number | undefined;
  namespace: string;
  labels: Record<string, string>;
  /** Container ports, by number and by name. */
  ports: Array<{ port: number; name?: string }>;
}

/** An object of a Kubernetes file, kept with its document for lines. */
export interface KubeDoc {
  file: string;
  doc: LocatedDocument;
  object: {
    apiVersion?: string;
    kind?: string;
    metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
    spec?: Record<string, unknown>;
  };
  /** Namespace the object goes to ("default" when the file names none). */
  namespace: string;
}

/** Everything the configs define that cross-file rules look things up in. */
export interface Inventory {
  workloads: Workload[];
  /** Kubernetes objects of files checked by the kubernetes validator. */
  docs: KubeDoc[];
  /** Namespaces that something in the configs deploys to or creates. */
  namespaces: Set<string>;
  /** Namespaces where a chart or operator whose pod labels we do not derive creates pods, with what does. */
  opaqueNamespaces: Map<string, string>;
  /** Every `assumes` line of every manifest, for names that exist outside the configs. */
  assumes: string[];
  /** Helm values files installed by a manifest's run step, with the release's namespace. */
  releases: Array<{
    file: string;
    doc: LocatedDocument;
    namespace: string;
    release: string;
    chart: string;
  }>;
  /** Run steps of every manifest (objects created by kubectl count as defined). */
  runSteps: string[];
}

/** A config file of the run with its text. */
export interface InventoryFile {
  file: string;
  validator: string;
  text: string;
  folder: ConfigFolder;
  path: string;
}

// Custom resources whose operator creates pods with labels of its own choosing (Strimzi, the Flink
// operator, KServe): we do not derive those labels, so selectors in their namespaces are skipped.
const POD_CREATING_RESOURCES: Record<string, string> = {
  'kafka.strimzi.io Kafka': 'Strimzi',
  'kafka.strimzi.io KafkaNodePool': 'Strimzi',
  'kafka.strimzi.io KafkaConnect': 'Strimzi',
  'flink.apache.org FlinkDeployment': 'Flink Kubernetes Operator',
  'serving.kserve.io InferenceService': 'KServe',
};

// Words that follow "namespace" in prose without being a namespace's name.
const NOT_NAMES = new Set([
  'in',
  'and',
  'or',
  'the',
  'with',
  'per',
  'for',
  'of',
  'is',
  'that',
  'label',
  'labels',
]);

const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** Pod template of a workload object, or undefined. */
function podTemplate(
  object: KubeDoc['object'],
): { labels: Record<string, string>; spec: Record<string, unknown>; path: string[] } | undefined {
  if (object.kind === 'Pod')
    return { labels: object.metadata?.labels ?? {}, spec: object.spec ?? {}, path: ['spec'] };
  if (!POD_TEMPLATE_KINDS.has(object.kind ?? '')) return undefined;
  const template = object.spec?.['template'] as
    { metadata?: { labels?: Record<string, string> }; spec?: Record<string, unknown> } | undefined;
  return template
    ? {
        labels: template.metadata?.labels ?? {},
        spec: template.spec ?? {},
        path: ['spec', 'template', 'spec'],
      }
    : undefined;
}

/** Container ports of a pod spec. */
export function containerPorts(
  spec: Record<string, unknown>,
): Array<{ port: number; name?: string }> {
  const containers = [
    ...((spec['containers'] as unknown[]) ?? []),
    ...((spec['initContainers'] as unknown[]) ?? []),
  ] as Array<{ ports?: Array<{ containerPort?: number; name?: string }> }>;
  return containers.flatMap((c) =>
    (c.ports ?? [])
      .filter((p) => typeof p.containerPort === 'number')
      .map((p) => ({ port: p.containerPort!, ...(p.name ? { name: p.name } : {}) })),
  );
}

/**
 * Namespace names an `assumes` line gives after "namespace(s)": one name, or a list separated by
 * commas and "and" (parenthetical notes allowed), up to the end of the sentence.
 */
export function namespacesNamedIn(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/(?<![-\w])namespaces?\s+([^.;]*)/g)) {
    for (const item of m[1]!.replace(/\([^)]*\)/g, '').split(/,|\band\b/)) {
      const name = item.trim().replace(/^[`"']|[`"']$/g, '');
      if (!/^[a-z0-9][-a-z0-9]*$/.test(name) || NOT_NAMES.has(name)) break;
      out.push(name);
    }
  }
  return out;
}

/** Build the inventory of the files in a run. */
export function buildInventory(files: InventoryFile[], folders: ConfigFolder[]): Inventory {
  const inventory: Inventory = {
    workloads: [],
    docs: [],
    namespaces: new Set(),
    opaqueNamespaces: new Map(),
    assumes: folders.flatMap((f) => f.manifest.assumes),
    releases: [],
    runSteps: folders.flatMap((f) => f.manifest.run),
  };
  for (const f of files.filter((f) => f.validator === 'kubernetes')) {
    const { docs } = parseYamlDocuments(f.text);
    for (const doc of docs) {
      const object = doc.value as KubeDoc['object'];
      if (!object || typeof object !== 'object') continue;
      const namespace = object.metadata?.namespace ?? 'default';
      inventory.docs.push({ file: f.file, doc, object, namespace });
      // A policy does not make a namespace exist: only what runs or is created there does.
      if (object.kind === 'Namespace' && object.metadata?.name)
        inventory.namespaces.add(object.metadata.name);
      else if (object.kind !== 'NetworkPolicy' && object.metadata?.namespace)
        inventory.namespaces.add(namespace);
      const operator = POD_CREATING_RESOURCES[`${object.apiVersion?.split('/')[0]} ${object.kind}`];
      if (operator)
        inventory.opaqueNamespaces.set(
          namespace,
          `${operator} ${object.kind} "${object.metadata?.name ?? '?'}"`,
        );
      const pod = podTemplate(object);
      if (pod)
        inventory.workloads.push({
          label: `${object.kind} "${object.metadata?.name ?? '?'}"`,
          file: f.file,
          line: lineOfPath(doc, ['metadata']),
          namespace,
          labels: pod.labels,
          ports: containerPorts(pod.spec),
        });
    }
  }
  for (const release of findHelmReleases(folders)) {
    inventory.namespaces.add(release.namespace);
    const values = files.find((f) => f.folder === release.folder && f.path === release.valuesPath);
    const [valuesDoc] = values ? parseYamlDocuments(values.text).docs : [];
    if (values && valuesDoc)
      inventory.releases.push({
        file: values.file,
        doc: valuesDoc,
        namespace: release.namespace,
        release: release.release,
        chart: release.chart,
      });
    if (release.chart === TRINO_CHART && values) {
      inventory.workloads.push(...renderTrinoPods(release, values.file, values.text));
    } else if (release.chart === SUPERSET_CHART && values) {
      inventory.workloads.push(...renderSupersetPods(release, values.file, values.text));
    } else {
      inventory.opaqueNamespaces.set(
        release.namespace,
        `${release.chart} release "${release.release}"`,
      );
    }
  }
  // A namespace a manifest assumes (something runs there that the configs do not define) exists,
  // but its pods are unknown.
  for (const line of inventory.assumes)
    for (const ns of namespacesNamedIn(line)) {
      inventory.namespaces.add(ns);
      if (
        !inventory.workloads.some((w) => w.namespace === ns) &&
        !inventory.opaqueNamespaces.has(ns)
      )
        inventory.opaqueNamespaces.set(ns, `workloads a manifest assumes in namespace ${ns}`);
    }
  return inventory;
}
