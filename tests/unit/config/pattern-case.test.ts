import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { foldCaseModifiers, foldingRegExp } from '../../../src/lib/config/pattern-case.ts';
import { SCHEMA_DIR, loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';

/** Every "pattern" and "patternProperties" key in a parsed schema. */
function patternsOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) patternsOf(item, out);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'pattern' && typeof value === 'string') out.push(value);
      if (key === 'patternProperties' && value && typeof value === 'object')
        out.push(...Object.keys(value));
      patternsOf(value, out);
    }
  return out;
}

describe('foldCaseModifiers', () => {
  test('spells out a (?i:...) group as case classes and keeps the rest', () => {
    expect(foldCaseModifiers('^(?:(?i:true|false)|\\$\\{ENV:[^}]+\\})$')).toBe(
      '^(?:(?:[tT][rR][uU][eE]|[fF][aA][lL][sS][eE])|\\$\\{ENV:[^}]+\\})$',
    );
    expect(foldCaseModifiers('^\\d+(?i:k|mib)?$')).toBe('^\\d+(?:[kK]|[mM][iI][bB])?$');
  });

  test('the folded pattern matches any case and nothing else', () => {
    const rx = foldingRegExp(
      '^\\s*(?i:TRINO_METADATA|TRINO_QUERY_CONTEXT)(?:\\s*,\\s*(?i:TRINO_METADATA|TRINO_QUERY_CONTEXT))*\\s*$',
      'u',
    );
    expect(
      ['trino_metadata', 'Trino_Query_Context, TRINO_METADATA'].map((s) => rx.test(s)),
    ).toEqual([true, true]);
    expect(['trino_metadata,sql', 'trino-metadata'].map((s) => rx.test(s))).toEqual([false, false]);
  });

  test('leaves patterns without modifiers, and their lookarounds and named groups, unchanged', () => {
    for (const p of ['^[a-z]+$', '^(?:a|b)(?=c)(?!d)(?<=e)(?<!f)(?<name>g)$'])
      expect(foldCaseModifiers(p)).toBe(p);
  });

  test('rejects modifier groups it cannot rewrite, naming the pattern', () => {
    expect(() => foldCaseModifiers('(?i:[a-z]+)')).toThrow(
      /\(\?i:\[a-z\]\+\).*without a modifier group/,
    );
    expect(() => foldCaseModifiers('(?i:a(?:b))')).toThrow(/only \(\?i:\.\.\.\) modifier groups/);
    expect(() => foldCaseModifiers('(?-i:abc)')).toThrow(/only \(\?i:\.\.\.\) modifier groups/);
    expect(() => foldCaseModifiers('(?m:^a$)')).toThrow(/only \(\?i:\.\.\.\) modifier groups/);
  });

  test('every pattern in our schemas folds, and none keeps a modifier group', () => {
    const patterns = readdirSync(SCHEMA_DIR)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => patternsOf(JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8'))));
    const withModifiers = patterns.filter((p) => p.includes('(?i:'));
    // The schemas do use modifier groups (62 when this was written), so the rewrite matters.
    expect(withModifiers.length).toBeGreaterThan(0);
    for (const p of withModifiers) expect(foldCaseModifiers(p)).not.toContain('(?i');
  });

  test('the schema registry compiles with the folding engine', () => {
    const validate = loadSchemaRegistry().get('trino-event-listener')!;
    const listener = {
      'event-listener.name': 'OpenLineage',
      'openlineage-event-listener.transport.type': 'http',
      'openlineage-event-listener.transport.url': 'http://marquez:5000',
      'openlineage-event-listener.trino.uri': 'https://trino:443',
      'openlineage-event-listener.disabled-facets': 'Trino_Metadata',
    };
    expect(validate(listener), JSON.stringify(validate.errors)).toBe(true);
    const patterns = [...validate.source!.scopeValues.pattern!.values()].map((v) =>
      String(v.value?.ref),
    );
    expect(patterns.length).toBeGreaterThan(0);
    expect(patterns.filter((p) => p.includes('(?i'))).toEqual([]);
  });
});
