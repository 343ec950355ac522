import { helmKeyTreeSource } from '../upstream/write-helm-schema.ts';

/**
 * Airbyte's V2 chart (charts/v2/airbyte in airbytehq/airbyte-platform). It ships no
 * values.schema.json, so the schema is its values key tree. Chart.yaml carries a placeholder
 * version (set at release) and the snapshot's newest tag is v2.0.0, so the main commit of
 * 2026-08-21 is pinned (after "Release 2.1.0", fd82f62f13, which gives the same key tree for the
 * keys our values use); the manifests name chart 2.3.0, which has no tag in the snapshot.
 */
export const source = helmKeyTreeSource(
  { name: 'airbyte-chart', repository: 'airbytehq/airbyte-platform', ref: '310e6cb6ac0e7bd310fe99bfd505d5c36ba71f2e', licence: 'Elastic-2.0' },
  {
    chartDir: 'charts/v2/airbyte',
    schemaName: 'airbyte-values',
    freeForm: {},
    failRules: [],
    notChecked: ['list items and free-form maps (env, annotations, labels, nodeSelector, tolerations, resources) are not checked key by key', 'the chart version: the snapshot has no 2.3.0 tag, so the key tree comes from the main commit of 2026-08-21'],
  },
);
