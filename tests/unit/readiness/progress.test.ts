import { describe, expect, test } from 'vitest';
import {
  countReady,
  formatProgress,
  openTickStorage,
  readTicks,
  setTick,
  writeTicks,
} from '../../../src/lib/readiness/progress.ts';

test('ticking and unticking an item round-trips through storage', () => {
  let ticks = readTicks(null);
  ticks = setTick(ticks, 'olap', 'a-1', true);
  ticks = setTick(ticks, 'olap', 'b-2', true);
  ticks = setTick(ticks, 'olap', 'a-1', false);
  expect(readTicks(writeTicks(ticks))).toEqual({ olap: ['b-2'] });
});

test('ticking the same item twice keeps one tick, and the input is not changed', () => {
  const before = { olap: ['a-1'] };
  expect(setTick(before, 'olap', 'a-1', true)).toEqual({ olap: ['a-1'] });
  expect(setTick(before, 'olap', 'b-2', true)).toEqual({ olap: ['a-1', 'b-2'] });
  expect(before).toEqual({ olap: ['a-1'] });
});

test('chapters with nothing ticked are left out of storage', () => {
  expect(writeTicks({ olap: [], security: ['x-1'] })).toBe('{"security":["x-1"]}');
});

test('storage that is not a ticks object reads as nothing ticked', () => {
  expect(readTicks('{not json')).toEqual({});
  expect(readTicks('[1,2]')).toEqual({});
  expect(readTicks('{"olap":"a-1","security":["x-1",3]}')).toEqual({ security: ['x-1'] });
});

test('only ticks for items the checklist still has are counted', () => {
  expect(countReady({ olap: ['a-1', 'gone-9'] }, 'olap', ['a-1', 'b-2', 'c-3'])).toBe(1);
  expect(countReady({}, 'olap', ['a-1'])).toBe(0);
  expect(formatProgress(7, 12)).toBe('7 of 12 ready');
});

describe('openTickStorage', () => {
  test('gives the storage when it answers, and nothing where reading it throws (blocked storage)', () => {
    const fake = { getItem: () => null } as unknown as Storage;
    expect(openTickStorage(() => fake)).toBe(fake);
    expect(
      openTickStorage(() => {
        throw new Error('SecurityError');
      }),
    ).toBeUndefined();
    const throwsOnRead = {
      getItem: () => {
        throw new Error('blocked');
      },
    } as unknown as Storage;
    expect(openTickStorage(() => throwsOnRead)).toBeUndefined();
  });
});
