import { chartOwnSchemaSource } from '../upstream/write-chart-schema.ts';

/**
 * Zero to JupyterHub's own values schema at the 4.4.0 release ("Bump to 4.4.0"; the snapshot
 * has no tag for it, so the commit is pinned).
 */
export const source = chartOwnSchemaSource(
  {
    name: 'jupyterhub-chart',
    repository: 'jupyterhub/zero-to-jupyterhub-k8s',
    ref: '5c5f5df7',
    licence: 'BSD-3-Clause',
  },
  {
    schemaPath: 'jupyterhub/values.schema.yaml',
    valuesPath: 'jupyterhub/values.yaml',
    chart: 'jupyterhub',
    version: '4.4.0',
    schemaName: 'jupyterhub-values',
    notChecked: [
      'hub.config and hub.extraConfig are free-form in the chart schema (JupyterHub traitlets and Python code)',
    ],
  },
);
