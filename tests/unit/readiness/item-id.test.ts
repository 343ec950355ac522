import { expect, test } from 'vitest';
import { normaliseItemText, toItemId, toItemIds } from '../../../src/lib/readiness/item-id.ts';

test('an id is a readable slug of the first words plus a hash of all of them', () => {
  expect(toItemId('Culling on (`timeout` 1 h, `maxAge` 24 h); home volumes encrypted')).toMatch(
    /^culling-on-timeout-1-[0-9a-z]+$/,
  );
});

test('case, spacing, punctuation and Markdown marks do not change the id', () => {
  const id = toItemId('Writing to any `lake` table fails (tested).');
  expect(toItemId('writing to  any lake table fails — tested')).toBe(id);
  expect(normaliseItemText('  Writing to any `lake` table!  ')).toBe('writing to any lake table');
});

test('changing a word changes the id, even past the slug', () => {
  const a = 'Per-user resource groups visible in JMX; alert when queue time p95 exceeds 30 s.';
  expect(toItemId(a.replace('30 s', '60 s'))).not.toBe(toItemId(a));
});

test('ids do not depend on position, so reordering keeps every id', () => {
  const items = [
    'Backups restored once on staging.',
    'Alerts route to the on-call rota.',
    'Runbook reviewed.',
  ];
  const ids = toItemIds(items, 'x.mdx');
  expect(toItemIds([...items].reverse(), 'x.mdx')).toEqual([...ids].reverse());
});

test('two items with the same words are refused, naming the file and both items', () => {
  expect(() =>
    toItemIds(['Backups tested.', 'Backups: tested'], 'content/chapters/x.mdx'),
  ).toThrowErrorMatchingInlineSnapshot(
    `[Error: content/chapters/x.mdx: checklist items "Backups tested." and "Backups: tested" have the same words, so they would share the id "backups-tested-1nql0qx". Reword one of them.]`,
  );
});

test('an item with no words is refused', () => {
  expect(() => toItemId(' `` ')).toThrow('has no words');
});

test('ids are pinned: a change to how they are derived would orphan every reader’s stored ticks', () => {
  expect(
    toItemId(
      'Upgrade runbook covers Trino release notes (484 cache-manager change) and z2jh major versions.',
    ),
  ).toBe('upgrade-runbook-covers-trino-11wm1iz');
});

test('the hash is 32-bit FNV-1a (published test vectors for "a" and "foobar")', () => {
  expect(toItemId('a')).toBe(`a-${(0xe40c292c).toString(36)}`);
  expect(toItemId('foobar')).toBe(`foobar-${(0xbf9cf968).toString(36)}`);
});
