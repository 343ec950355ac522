import { describe, expect, test } from 'vitest';
import { optionKeysFromHtml } from '../../../scripts/lib/upstream/flink-operator-option-keys.ts';
import { findUnknownOperatorOptions } from '../../../src/lib/config/flink-operator-options.ts';

const KEYS = [
  'job.autoscaler.enabled',
  'job.autoscaler.utilization.target',
  'kubernetes.operator.plugins.listeners.<listener-name>.class',
];

describe('optionKeysFromHtml', () => {
  test('reads each key of a generated option table, unescaping templated names', () => {
    const html =
      '<tr><td><h5>job.autoscaler.enabled</h5></td><td>false</td></tr><tr><td><h5>kubernetes.operator.plugins.listeners.&lt;listener-name&gt;.class</h5></td></tr>';
    expect(optionKeysFromHtml(html)).toEqual([
      'job.autoscaler.enabled',
      'kubernetes.operator.plugins.listeners.<listener-name>.class',
    ]);
  });
});

describe('findUnknownOperatorOptions', () => {
  test('rejects an operator or autoscaler key the release lacks, naming the nearest, in flat and nested form', () => {
    const unknown = findUnknownOperatorOptions(
      { 'job.autoscaler.utilisation.target': '0.7', job: { autoscaler: { enabeld: 'true' } } },
      KEYS,
      'release-1.15.0',
    );
    expect(unknown.map((u) => [u.path.join('/'), u.message])).toEqual([
      [
        'job.autoscaler.utilisation.target',
        'flinkConfiguration: "job.autoscaler.utilisation.target" is not an option of the Flink Kubernetes Operator release-1.15.0; nearest valid: "job.autoscaler.utilization.target"',
      ],
      [
        'job/autoscaler/enabeld',
        'flinkConfiguration: "job.autoscaler.enabeld" is not an option of the Flink Kubernetes Operator release-1.15.0; nearest valid: "job.autoscaler.enabled"',
      ],
    ]);
  });

  test("accepts known keys, a templated key with any name, and leaves Flink's own keys alone", () => {
    expect(
      findUnknownOperatorOptions(
        {
          'job.autoscaler.enabled': 'true',
          'kubernetes.operator.plugins.listeners.audit.class': 'x',
          'state.backend.typo': 'rocksdb',
        },
        KEYS,
        'r',
      ),
    ).toEqual([]);
  });
});
