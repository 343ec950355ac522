import { describe, expect, test } from 'vitest';
import { toSearchTerms } from '../../../src/lib/search/query.ts';

describe('toSearchTerms', () => {
  test('keeps the subject of a question', () => {
    expect(toSearchTerms('How do I handle late events?')).toBe('late events');
    expect(toSearchTerms('what is the medallion architecture')).toBe('medallion architecture');
    expect(toSearchTerms('should we use Druid vs ClickHouse')).toBe('Druid ClickHouse');
  });
  test('leaves keyword queries as typed', () => {
    expect(toSearchTerms('Debezium')).toBe('Debezium');
    expect(toSearchTerms('query.max-execution-time')).toBe('query.max-execution-time');
    expect(toSearchTerms('row-level security')).toBe('row-level security');
  });
  test('keeps a query made only of stop words', () => {
    expect(toSearchTerms('how to')).toBe('how to');
    expect(toSearchTerms('OR')).toBe('OR');
  });
  test('collapses whitespace and returns empty for an empty query', () => {
    expect(toSearchTerms('  small   files ')).toBe('small files');
    expect(toSearchTerms('   ')).toBe('');
  });

  test('drops the verb a question wraps its subject in', () => {
    expect(toSearchTerms('how do I stop small files')).toBe('small files');
    expect(toSearchTerms('who can see PII in dashboards?')).toBe('PII dashboards');
    expect(toSearchTerms('is incremental MERGE faster than a full reload')).toBe(
      'incremental MERGE faster full reload',
    );
  });
});
