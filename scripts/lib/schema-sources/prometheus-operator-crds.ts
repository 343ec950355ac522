import { crdSource } from '../upstream/write-crds.ts';

const dir = 'example/prometheus-operator-crd';

/**
 * The Prometheus Operator's PrometheusRule and PodMonitor CRDs (monitoring.coreos.com) at the
 * latest release. The @kubernetes-models/prometheus-operator package leaves objects open, so
 * unknown keys would pass; the CRD schema closes them as the API server's strict field validation
 * does.
 */
export const source = crdSource(
  {
    name: 'prometheus-operator-crds',
    repository: 'prometheus-operator/prometheus-operator',
    ref: 'v0.93.0',
    licence: 'Apache-2.0',
  },
  {
    operator: 'Prometheus Operator',
    paths: [
      `${dir}/monitoring.coreos.com_prometheusrules.yaml`,
      `${dir}/monitoring.coreos.com_podmonitors.yaml`,
    ],
    kinds: ['PrometheusRule', 'PodMonitor'],
  },
);
