// Pure parts of the cross-file checks; the rules themselves run on tests/fixtures/configs/mutations-cross-file.
import { describe, expect, test } from 'vitest';
import { findHelmReleases } from '../../../src/lib/config/cross-file/helm-releases.ts';
import { namespacesNamedIn } from '../../../src/lib/config/cross-file/inventory.ts';
import { matchesSelector } from '../../../src/lib/config/cross-file/label-selectors.ts';
import { renderSupersetPods } from '../../../src/lib/config/cross-file/superset-chart-pods.ts';
import { deriveOperatorPods } from '../../../src/lib/config/cross-file/operator-pods.ts';
import type { KubeDoc } from '../../../src/lib/config/cross-file/inventory.ts';
import { parseYamlDocuments } from '../../../src/lib/config/positions.ts';
import { renderTrinoPods } from '../../../src/lib/config/cross-file/trino-chart-pods.ts';
import type { ConfigFolder } from '../../../src/lib/config/load-manifests.ts';

describe('matchesSelector', () => {
  const labels = { 'app.kubernetes.io/name': 'trino-etl', tier: 'query' };
  test('evaluates matchLabels and every matchExpressions operator', () => {
    expect(
      matchesSelector({ matchLabels: { 'app.kubernetes.io/name': 'trino-etl' } }, labels),
    ).toBe(true);
    expect(matchesSelector({ matchLabels: { 'app.kubernetes.io/name': 'trino' } }, labels)).toBe(
      false,
    );
    expect(
      matchesSelector(
        { matchExpressions: [{ key: 'tier', operator: 'In', values: ['query'] }] },
        labels,
      ),
    ).toBe(true);
    expect(
      matchesSelector(
        { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['query'] }] },
        labels,
      ),
    ).toBe(false);
    expect(
      matchesSelector({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels),
    ).toBe(false);
    expect(
      matchesSelector({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels),
    ).toBe(true);
  });
});

describe('findHelmReleases', () => {
  test('reads release, chart, namespace and values file from a run step, skipping flag values', () => {
    const folder = {
      manifest: {
        run: [
          'helm upgrade --install trino-etl trino/trino --version 1.42.2 --namespace trino-etl --create-namespace -f helm/values.yaml',
        ],
      },
    } as unknown as ConfigFolder;
    expect(findHelmReleases([folder])).toEqual([
      {
        folder,
        release: 'trino-etl',
        chart: 'trino/trino',
        namespace: 'trino-etl',
        valuesPath: 'helm/values.yaml',
      },
    ]);
  });
});

describe('renderTrinoPods', () => {
  test('labels pods with nameOverride and the release, as the chart does, and lists the ports it opens', () => {
    const release = {
      release: 'trino-etl',
      chart: 'trino/trino',
      namespace: 'trino-etl',
    } as Parameters<typeof renderTrinoPods>[0];
    const [coordinator] = renderTrinoPods(
      release,
      'values.yaml',
      'nameOverride: trino-etl\njmx:\n  exporter:\n    enabled: true\n',
    );
    expect(coordinator!.labels).toMatchObject({
      'app.kubernetes.io/name': 'trino-etl',
      'app.kubernetes.io/instance': 'trino-etl',
      'app.kubernetes.io/component': 'coordinator',
    });
    expect(coordinator!.ports.map((p) => p.port)).toEqual([8080, 5556]);
  });
});

describe('renderSupersetPods', () => {
  const release = {
    release: 'superset',
    chart: 'superset/superset',
    namespace: 'bi',
  } as Parameters<typeof renderSupersetPods>[0];
  test('labels pods app=<name><suffix> and release, as the 0.1x chart does; beat only when enabled; web listens on service.port', () => {
    const pods = renderSupersetPods(
      release,
      'values.yaml',
      'supersetCeleryBeat:\n  enabled: true\nsupersetNode:\n  podLabels:\n    team: bi\n',
    );
    expect(pods.map((p) => p.labels)).toEqual([
      { app: 'superset', release: 'superset', team: 'bi' },
      { app: 'superset-worker', release: 'superset' },
      { app: 'superset-celerybeat', release: 'superset' },
    ]);
    expect(pods[0]!.ports).toEqual([{ port: 8088, name: 'http' }]);
    expect(
      renderSupersetPods(release, 'values.yaml', 'nameOverride: bi\nservice:\n  port: 9000\n').map(
        (p) => [p.labels['app'], p.ports.map((x) => x.port)],
      ),
    ).toEqual([
      ['bi', [9000]],
      ['bi-worker', []],
    ]);
  });
});

describe('namespacesNamedIn', () => {
  test('reads one name or a list after "namespace(s)" and stops at prose', () => {
    expect(
      namespacesNamedIn(
        'A Gateway ml-gateway in namespace ml-gateway, and Prometheus scraping it.',
      ),
    ).toEqual(['ml-gateway']);
    expect(
      namespacesNamedIn('Services in namespaces etl (dbt pods), monitoring and lineage.'),
    ).toEqual(['etl', 'monitoring', 'lineage']);
    expect(namespacesNamedIn('per-namespace reader roles')).toEqual([]);
  });
});

describe('deriveOperatorPods', () => {
  const doc = (object: KubeDoc['object'], namespace: string): KubeDoc => ({
    file: 'f.yaml',
    doc: parseYamlDocuments(JSON.stringify(object)).docs[0]!,
    object,
    namespace,
  });
  test('labels Connect workers and the Kafka Exporter as Strimzi 1.2.0 does, and Flink pods as native mode does', () => {
    const pods = deriveOperatorPods([
      doc(
        {
          apiVersion: 'kafka.strimzi.io/v1',
          kind: 'KafkaConnect',
          metadata: { name: 'cdc' },
          spec: {},
        },
        'kafka',
      ),
      doc(
        {
          apiVersion: 'kafka.strimzi.io/v1',
          kind: 'Kafka',
          metadata: { name: 'blueprint' },
          spec: { kafkaExporter: {} },
        },
        'kafka',
      ),
      doc(
        {
          apiVersion: 'flink.apache.org/v1beta1',
          kind: 'FlinkDeployment',
          metadata: { name: 'orders' },
          spec: {},
        },
        'flink',
      ),
    ]);
    expect(pods.map((p) => [p.label, p.namespace])).toEqual([
      ['Strimzi KafkaConnect "cdc" workers', 'kafka'],
      ['Strimzi Kafka Exporter of "blueprint"', 'kafka'],
      ['FlinkDeployment "orders" jobmanager', 'flink'],
      ['FlinkDeployment "orders" taskmanager', 'flink'],
    ]);
    expect(pods[0]!.labels).toMatchObject({
      'strimzi.io/cluster': 'cdc',
      'strimzi.io/kind': 'KafkaConnect',
      'strimzi.io/name': 'cdc-connect',
    });
    expect(pods[0]!.ports.map((p) => p.name)).toEqual(['rest-api']);
    expect(pods[1]!.labels).toMatchObject({
      'strimzi.io/name': 'blueprint-kafka-exporter',
      'strimzi.io/kind': 'Kafka',
    });
    expect(pods[2]!.labels).toEqual({
      app: 'orders',
      type: 'flink-native-kubernetes',
      component: 'jobmanager',
    });
  });
});
