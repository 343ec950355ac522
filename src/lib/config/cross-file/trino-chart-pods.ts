import { parse } from 'yaml';
import type { HelmRelease } from './helm-releases.ts';
import type { Workload } from './inventory.ts';

/** The chart reference the manifests install Trino from. */
export const TRINO_CHART = 'trino/trino';

/** Pinned chart whose templates the labels and ports below are read from. */
export const TRINO_CHART_SOURCE =
  'trinodb/charts trino-1.42.2 (templates/_helpers.tpl, deployment-coordinator.yaml, deployment-worker.yaml)';

interface TrinoValues {
  nameOverride?: string;
  service?: { port?: number };
  server?: { config?: { https?: { enabled?: boolean; port?: number } } };
  coordinator?: { labels?: Record<string, string> };
  worker?: { labels?: Record<string, string> };
  commonLabels?: Record<string, string>;
  jmx?: {
    enabled?: boolean;
    registryPort?: number;
    serverPort?: number;
    exporter?: { enabled?: boolean; port?: number };
  };
}

/**
 * The coordinator and worker pods a Trino chart release creates, as the chart's templates label
 * them: app.kubernetes.io/name is `trino.name` (nameOverride, else the chart name "trino"),
 * app.kubernetes.io/instance the release name, app.kubernetes.io/component the role; the
 * containers listen on service.port (http), and on the https and JMX ports when those are enabled.
 */
export function renderTrinoPods(release: HelmRelease, file: string, text: string): Workload[] {
  const values = (parse(text) ?? {}) as TrinoValues;
  const name = (values.nameOverride || 'trino').slice(0, 63).replace(/-+$/, '');
  const ports: Workload['ports'] = [{ port: values.service?.port ?? 8080, name: 'http' }];
  if (values.server?.config?.https?.enabled)
    ports.push({ port: values.server.config.https.port ?? 8443, name: 'https' });
  // Chart defaults: jmx.registryPort 9080, jmx.serverPort 9081, jmx.exporter.port 5556.
  if (values.jmx?.enabled)
    ports.push(
      { port: values.jmx.registryPort ?? 9080, name: 'jmx-registry' },
      { port: values.jmx.serverPort ?? 9081, name: 'jmx-server' },
    );
  if (values.jmx?.exporter?.enabled)
    ports.push({ port: values.jmx.exporter.port ?? 5556, name: 'jmx-exporter' });
  return (['coordinator', 'worker'] as const).map((component) => ({
    label: `trino chart release "${release.release}" (${component})`,
    file,
    namespace: release.namespace,
    labels: {
      ...values.commonLabels,
      'app.kubernetes.io/name': name,
      'app.kubernetes.io/instance': release.release,
      'app.kubernetes.io/component': component,
      ...values[component]?.labels,
    },
    ports,
  }));
}
