import { parse } from 'yaml';
import type { HelmRelease } from './helm-releases.ts';
import type { Workload } from './inventory.ts';

/** The chart reference the manifests install Superset from. */
export const SUPERSET_CHART = 'superset/superset';

/**
 * Where the labels below are read from. apache/superset is larger than a snapshot may be here, so
 * the chart's tag superset-helm-chart-0.17.2 could not be read whole; the templates were read from
 * the search index's stored versions, which carry the same labels (app, release) that the closed
 * refactor (PR 38597) lists as the ones the 0.15.x charts set. Chart versions from 0.20.0 on label
 * pods app.kubernetes.io/*, so this renderer is for the 0.1x charts only.
 */
export const SUPERSET_CHART_SOURCE =
  'apache/superset helm/superset 0.1x templates (_helpers.tpl selectorLabels, deployment.yaml, deployment-worker.yaml; stored versions, not the 0.17.2 tag)';

interface SupersetValues {
  nameOverride?: string;
  service?: { port?: number };
  supersetNode?: { podLabels?: Record<string, string> };
  supersetWorker?: { podLabels?: Record<string, string> };
  supersetCeleryBeat?: { enabled?: boolean; podLabels?: Record<string, string> };
  supersetCeleryFlower?: { enabled?: boolean; podLabels?: Record<string, string> };
  supersetWebsockets?: { enabled?: boolean; podLabels?: Record<string, string> };
}

/**
 * The pods a Superset chart release (0.1x) creates, as its templates label them: `app` is
 * `superset.name` (nameOverride, else the chart name "superset") with a suffix per component
 * (none for web, -worker, -celerybeat, -flower, -ws) and `release` the release name, plus each
 * component's podLabels. Web pods listen on service.port (named http); the other components' ports
 * are not derived (an ingress port on them is not checked), nor are the init job's pods.
 */
export function renderSupersetPods(release: HelmRelease, file: string, text: string): Workload[] {
  const values = (parse(text) ?? {}) as SupersetValues;
  const name = (values.nameOverride || 'superset').slice(0, 63).replace(/-+$/, '');
  const pod = (
    component: string,
    suffix: string,
    podLabels: Record<string, string> | undefined,
    ports: Workload['ports'],
  ): Workload => ({
    label: `superset chart release "${release.release}" (${component})`,
    file,
    namespace: release.namespace,
    labels: { app: `${name}${suffix}`, release: release.release, ...podLabels },
    ports,
  });
  const out = [
    pod('web', '', values.supersetNode?.podLabels, [
      { port: values.service?.port ?? 8088, name: 'http' },
    ]),
    pod('worker', '-worker', values.supersetWorker?.podLabels, []),
  ];
  if (values.supersetCeleryBeat?.enabled)
    out.push(pod('celerybeat', '-celerybeat', values.supersetCeleryBeat.podLabels, []));
  if (values.supersetCeleryFlower?.enabled)
    out.push(pod('flower', '-flower', values.supersetCeleryFlower.podLabels, []));
  if (values.supersetWebsockets?.enabled)
    out.push(pod('websocket', '-ws', values.supersetWebsockets.podLabels, []));
  return out;
}
