import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';

// The registry checks the formats ODCS uses (date, date-time, uri) with ajv-formats; these cases
// go through the registry's compiled ODCS schema, as the batch-sources validator does.
const CONTRACT = 'content/configs/batch-sources/orders-source-contract.odcs.yaml';

interface Contract {
  contractCreatedTs: string;
  team: { members: Record<string, unknown>[] };
  servers: Record<string, unknown>[];
}

/** The format errors for the reference contract with one change applied. */
function formatErrors(change: (doc: Contract) => void): string[] {
  const doc = parse(readFileSync(CONTRACT, 'utf8')) as Contract;
  change(doc);
  const validate = loadSchemaRegistry().get('odcs-v3.1.0')!;
  validate(doc);
  return (validate.errors ?? [])
    .filter((e) => e.keyword === 'format')
    .map((e) => `${e.instancePath} ${String(e.params['format'])}`);
}

describe('JSON Schema formats of the config schema registry', () => {
  test('the reference contract passes every format', () => {
    expect(formatErrors(() => {})).toEqual([]);
  });

  test('date accepts calendar dates only', () => {
    expect(formatErrors((d) => (d.team.members[0]!['dateIn'] = '2024-02-29'))).toEqual([]);
    expect(formatErrors((d) => (d.team.members[0]!['dateIn'] = '2023-02-29'))).toEqual([
      '/team/members/0/dateIn date',
    ]);
    expect(formatErrors((d) => (d.team.members[0]!['dateIn'] = '2024-3-1'))).toEqual([
      '/team/members/0/dateIn date',
    ]);
  });

  test('date-time needs a valid date, a valid time and an offset', () => {
    expect(formatErrors((d) => (d.contractCreatedTs = '2024-03-01T09:00:00.123Z'))).toEqual([]);
    for (const bad of ['2024-03-01T09:00:00', '2024-03-01T24:00:00Z', '2024-02-30T09:00:00Z'])
      expect(formatErrors((d) => (d.contractCreatedTs = bad))).toEqual([
        '/contractCreatedTs date-time',
      ]);
  });

  test('uri needs a scheme (an API server location)', () => {
    const api = (location: string) => (d: Contract) =>
      d.servers.push({ server: 'orders-api', type: 'api', location });
    expect(formatErrors(api('https://api.acme.example/v1'))).toEqual([]);
    expect(formatErrors(api('api.acme.example/v1'))).toEqual(['/servers/1/location uri']);
  });
});
