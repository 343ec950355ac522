// How upstream CRDs and chart values become the strict schemas under src/lib/config/upstream/.
import { describe, expect, test } from 'vitest';
import {
  convertCrds,
  convertNode,
  shareRepeatedSubtrees,
} from '../../../scripts/lib/upstream/crd-schema.ts';
import { deriveValuesSchema } from '../../../scripts/lib/upstream/helm-key-tree.ts';
import { mergeValues } from '../../../src/lib/config/chart-schemas.ts';
import { findNearestName } from '../../../src/lib/config/nearest-name.ts';

describe('convertNode (CRD structural schema to JSON Schema)', () => {
  test('closes declared objects and leaves preserve-unknown-fields and maps open', () => {
    const notes = { celRules: 0 };
    const out = convertNode(
      {
        type: 'object',
        properties: {
          config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          port: { 'x-kubernetes-int-or-string': true },
          note: { type: 'string', nullable: true, description: 'dropped' },
        },
        'x-kubernetes-validations': [{ rule: 'self.port > 0' }],
      },
      notes,
    );
    expect(out).toEqual({
      type: 'object',
      properties: {
        config: { type: 'object' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        port: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
        note: { type: ['string', 'null'] },
      },
      additionalProperties: false,
    });
    expect(notes.celRules).toBe(1);
  });

  test('does not close objects inside anyOf branches, which repeat fields declared outside', () => {
    const out = convertNode(
      {
        type: 'object',
        properties: { a: { type: 'string' } },
        anyOf: [{ type: 'object', required: ['a'] }],
      },
      { celRules: 0 },
    );
    expect(out['anyOf']).toEqual([{ type: 'object', required: ['a'] }]);
  });

  test('turns OpenAPI boolean exclusive bounds into JSON Schema numbers', () => {
    expect(
      convertNode({ type: 'integer', minimum: 0, exclusiveMinimum: true }, { celRules: 0 }),
    ).toEqual({ type: 'integer', exclusiveMinimum: 0 });
  });

  test('translates a Go case-insensitive pattern and counts one it cannot translate as dropped', () => {
    const notes = { celRules: 0 };
    expect(convertNode({ type: 'string', pattern: '^(?i)(warn)?$' }, notes)).toEqual({
      type: 'string',
      pattern: '^([wW][aA][rR][nN])?$',
    });
    expect(convertNode({ type: 'string', pattern: '^(?s).+\\z' }, notes)).toEqual({
      type: 'string',
    });
    expect(notes).toEqual({ celRules: 0, droppedPatterns: 1 });
  });
});

describe('convertCrds', () => {
  test('yields one closed schema per served version, with apiVersion and kind pinned', () => {
    const crd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  group: example.com
  names: { kind: Widget }
  versions:
    - name: v1
      served: true
      schema: { openAPIV3Schema: { type: object, properties: { spec: { type: object, properties: { size: { type: integer } } } } } }
    - name: v0
      served: false
      schema: { openAPIV3Schema: { type: object } }
`;
    const [only, ...rest] = convertCrds(crd);
    expect(rest).toEqual([]);
    expect(only!.name).toBe('example.com_v1_Widget');
    expect(only!.schema['additionalProperties']).toBe(false);
    expect((only!.schema['properties'] as Record<string, unknown>)['apiVersion']).toEqual({
      const: 'example.com/v1',
    });
    expect(only!.schema['required']).toEqual(['apiVersion', 'kind']);
  });
});

describe('shareRepeatedSubtrees', () => {
  test('moves a repeated sub-schema into $defs and leaves properties maps in place', () => {
    const big = {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 5 }, (_, i) => [`field${i}`, { type: 'string' }]),
      ),
      additionalProperties: false,
    };
    const out = shareRepeatedSubtrees({ type: 'object', properties: { a: big, b: big } }, 50);
    expect(out['properties']).toEqual({
      a: { $ref: '#/$defs/shared1' },
      b: { $ref: '#/$defs/shared1' },
    });
    expect(out['$defs']).toEqual({ shared1: big });
  });
});

describe('deriveValuesSchema (chart values key tree)', () => {
  const values = 'image:\n  tag: ""\nannotations: {}\ncatalogs:\n  tpch: x\nnameOverride:\n';
  const templates = [
    '{{ .Values.image.tag }} {{ .Values.image.digest }} {{ toYaml .Values.annotations }} {{ range $k, $v := .Values.catalogs }}{{ end }}',
  ];
  const schema = deriveValuesSchema(values, templates, {
    freeForm: { catalogs: 'user catalog names' },
  }) as { properties: Record<string, Record<string, unknown>>; additionalProperties: boolean };

  test('closes maps to the keys of values.yaml plus the paths the templates read', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties['image']!['properties'] as object)).toEqual([
      'digest',
      'tag',
    ]);
  });

  test('leaves empty default maps the templates read whole, and listed free-form paths, open', () => {
    expect(schema.properties['annotations']).toEqual({
      type: 'object',
      description: 'free-form map (empty by default and read whole by the templates)',
    });
    expect(schema.properties['catalogs']).toEqual({ description: 'free-form: user catalog names' });
  });
});

describe('mergeValues (as Helm coalesces values over chart defaults)', () => {
  test('merges maps deeply, replaces lists and removes a default set to null', () => {
    expect(
      mergeValues({ a: { b: 1, c: 2 }, l: [1], d: 1 }, { a: { c: 3 }, l: [2], d: null }),
    ).toEqual({ a: { b: 1, c: 3 }, l: [2] });
  });
});

describe('findNearestName', () => {
  test('suggests a close spelling and nothing for an unrelated key', () => {
    expect(findNearestName('listners', ['listeners', 'authorization'])).toBe('listeners');
    expect(findNearestName('zzz', ['listeners', 'authorization'])).toBeUndefined();
  });
});
