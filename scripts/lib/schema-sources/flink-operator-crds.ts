import { crdSource } from '../upstream/write-crds.ts';

const dir = 'helm/flink-kubernetes-operator/crds';

/** The Flink Kubernetes Operator's CRDs at the latest release (flink.apache.org). */
export const source = crdSource(
  {
    name: 'flink-operator-crds',
    repository: 'apache/flink-kubernetes-operator',
    ref: 'release-1.15.0',
    licence: 'Apache-2.0',
  },
  {
    operator: 'Flink Kubernetes Operator',
    paths: [
      `${dir}/flinkdeployments.flink.apache.org-v1.yml`,
      `${dir}/flinksessionjobs.flink.apache.org-v1.yml`,
    ],
    kinds: ['FlinkDeployment', 'FlinkSessionJob'],
  },
);
