import { expect, test } from 'vitest';
import { rovingIndex, tabStopIndex } from '../../../src/lib/site/roving-focus.ts';

test('arrow keys move to the next or previous item and wrap at either end', () => {
  expect(rovingIndex(0, 'ArrowRight', 3)).toBe(1);
  expect(rovingIndex(2, 'ArrowRight', 3)).toBe(0);
  expect(rovingIndex(0, 'ArrowLeft', 3)).toBe(2);
  expect(rovingIndex(1, 'ArrowUp', 3)).toBe(0);
  expect(rovingIndex(1, 'ArrowDown', 3)).toBe(2);
});

test('Home and End go to the first and last item', () => {
  expect(rovingIndex(1, 'Home', 4)).toBe(0);
  expect(rovingIndex(1, 'End', 4)).toBe(3);
});

test('other keys, and an empty row, do not move focus', () => {
  expect(rovingIndex(1, 'Enter', 3)).toBeUndefined();
  expect(rovingIndex(1, 'Tab', 3)).toBeUndefined();
  expect(rovingIndex(0, 'ArrowRight', 0)).toBeUndefined();
});

test('the Tab stop stays on the remembered item, and falls back to the first when that item is gone', () => {
  expect(tabStopIndex(2, 4)).toBe(2);
  expect(tabStopIndex(4, 4)).toBe(0);
  expect(tabStopIndex(-1, 4)).toBe(0);
});
