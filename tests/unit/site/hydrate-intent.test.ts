import { describe, expect, test } from 'vitest';
import { intentTargetSelector, shouldHydrateAtOnce } from '../../../src/lib/site/hydrate-intent.ts';
import { MAP_STATE_PARAMS } from '../../../src/lib/graph/url-state.ts';

describe('shouldHydrateAtOnce', () => {
  const params = [...MAP_STATE_PARAMS];

  test('a shared map view hydrates on load', () => {
    expect(shouldHydrateAtOnce('?node=data-storage', params)).toBe(true);
    expect(shouldHydrateAtOnce('?flow=batch&step=2', params)).toBe(true);
    expect(shouldHydrateAtOnce('?parts=A,B', params)).toBe(true);
    expect(shouldHydrateAtOnce('?readiness=on', params)).toBe(true);
  });

  test('a plain visit, or other parameters, waits for intent', () => {
    expect(shouldHydrateAtOnce('', params)).toBe(false);
    expect(shouldHydrateAtOnce('?utm_source=newsletter', params)).toBe(false);
  });

  test('a directive without a list of parameters always waits', () => {
    expect(shouldHydrateAtOnce('?node=data-storage', true)).toBe(false);
    expect(shouldHydrateAtOnce('?node=data-storage', undefined)).toBe(false);
  });
});

test('intentTargetSelector quotes the key', () => {
  expect(intentTargetSelector('data-storage')).toBe('[data-intent-target="data-storage"]');
  expect(intentTargetSelector('a"b\\c')).toBe('[data-intent-target="a\\"b\\\\c"]');
});
