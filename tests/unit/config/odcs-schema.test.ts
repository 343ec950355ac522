import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { draftSensitiveKeywords } from '../../../scripts/lib/schema-sources/odcs-schema.ts';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';
import { schemaErrorsToProblems } from '../../../src/lib/config/schema-errors.ts';

const CONTRACT = 'content/configs/batch-sources/orders-source-contract.odcs.yaml';

/** The parts of the reference contract the cases change. */
interface Contract {
  [key: string]: unknown;
  apiVersion: string;
  slaProperties: unknown[];
  schema: { properties: Record<string, unknown>[]; quality: Record<string, unknown>[] }[];
  team: { members: Record<string, unknown>[] };
}

/** The reference contract, with one change applied for a case. */
function contract(change: (doc: Contract) => void = () => {}): Contract {
  const doc = parse(readFileSync(CONTRACT, 'utf8')) as Contract;
  change(doc);
  return doc;
}

/** The messages the batch-sources validator reports for `doc`. */
function messagesFor(doc: unknown): string[] {
  const validate = loadSchemaRegistry().get('odcs-v3.1.0')!;
  validate(doc);
  return schemaErrorsToProblems('c.yaml', validate.errors, undefined, '', doc, validate.schema).map(
    (p) => p.message,
  );
}

describe('odcs-v3.1.0 schema (bitol-io/open-data-contract-standard at v3.1.0)', () => {
  test('accepts the reference contract', () => {
    expect(messagesFor(contract())).toEqual([]);
  });

  test('rejects a misspelt top-level key and names the field it meant', () => {
    expect(messagesFor(contract((d) => (d['slaProperty'] = d.slaProperties)))).toEqual([
      expect.stringMatching(/^unknown field "slaProperty"; did you mean "slaProperties"\?/),
    ]);
  });

  test('rejects a misspelt column key, which the spec closes through allOf and $ref', () => {
    const messages = messagesFor(
      contract((d) => (d.schema[0]!.properties[0]!['primarykey'] = true)),
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /^schema\[0\]\.properties\[0\]: unknown field "primarykey"; did you mean "primaryKey"\?/,
      ),
    ]);
  });

  test('rejects a misspelt quality operator', () => {
    const messages = messagesFor(contract((d) => (d.schema[0]!.quality[0]!['mustbe'] = 0)));
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^schema\[0\]\.quality\[0\]: unknown field "mustbe"; did you mean "mustBe"\?/,
      ),
    );
  });

  test('rejects a quality dimension the standard does not list', () => {
    expect(
      messagesFor(contract((d) => (d.schema[0]!.quality[0]!['dimension'] = 'validity'))),
    ).toContainEqual(
      expect.stringMatching(
        /^schema\[0\]\.quality\[0\]\.dimension: is "validity"; expected one of /,
      ),
    );
  });

  test('rejects a team member date that is not a calendar date', () => {
    expect(
      messagesFor(contract((d) => (d.team.members[0]!['dateIn'] = '2024-02-30'))),
    ).toContainEqual(expect.stringMatching(/^team.*dateIn.*"2024-02-30"/));
  });

  test('rejects an apiVersion the schema does not know', () => {
    expect(messagesFor(contract((d) => (d.apiVersion = 'v3.9.0')))).toContainEqual(
      expect.stringMatching(/^apiVersion: is "v3.9.0"; expected one of "v3.1.0"/),
    );
  });
});

describe('draftSensitiveKeywords', () => {
  test('finds keywords that drafts 2019-09 and 2020-12 read differently', () => {
    expect(
      draftSensitiveKeywords({
        $defs: { a: { $recursiveRef: '#' }, b: { items: [{ type: 'string' }] } },
        properties: { items: { type: 'object' } },
      }),
    ).toEqual(['/$defs/a/$recursiveRef', '/$defs/b/items']);
  });

  test('finds none in a schema that reads the same in both', () => {
    expect(
      draftSensitiveKeywords({ items: { type: 'string' }, unevaluatedProperties: false }),
    ).toEqual([]);
  });
});
