import { describe, expect, test } from 'vitest';
import {
  describeRatio,
  displayStep,
  formatBytes,
  formatDuration,
  formatFactor,
  formatValue,
} from '../../../src/lib/benchmark/format.ts';
import { median, rangesOverlap, summariseRuns } from '../../../src/lib/benchmark/stats.ts';

describe('formatting figures', () => {
  test('prints durations in the unit that reads best', () => {
    expect([0.0412, 0.5, 12.34, 999, 1520, 119_000, 300_000].map(formatDuration)).toEqual([
      '41.2 µs',
      '500 µs',
      '12.3 ms',
      '999 ms',
      '1.52 s',
      '119 s',
      '5 min',
    ]);
  });

  test('prints sizes in decimal units and other units with their symbol', () => {
    expect([512, 36_647_578, 15_269_865_399].map(formatBytes)).toEqual([
      '512 B',
      '36.6 MB',
      '15.3 GB',
    ]);
    expect(formatValue(1176, 'count')).toBe('1,176');
    expect(formatValue(605, 'MB/s')).toBe('605 MB/s');
    expect(formatValue(1.14, 'x')).toBe('1.14×');
    expect(formatValue(0, 's')).toBe('0 s');
    expect(formatValue(4442, 's')).toBe('74 min');
  });

  test('picks the display step axis ticks are rounded to', () => {
    expect(displayStep(0.5, 'ms')).toBe(0.001);
    expect(displayStep(450, 'ms')).toBe(1);
    expect(displayStep(15_678, 's')).toBe(60);
    expect(displayStep(32_300_000, 'bytes')).toBe(1_000_000);
  });
});

describe('describeRatio', () => {
  test('words ratios by unit and direction', () => {
    expect(describeRatio(5, 110, 'ms', 'lower')).toEqual({ text: '22× faster', verdict: 'better' });
    expect(describeRatio(2.6, 1, 'bytes', 'lower')).toEqual({
      text: '2.6× larger',
      verdict: 'worse',
    });
    expect(describeRatio(1, 20, 'count', 'lower')).toEqual({
      text: '20× fewer',
      verdict: 'better',
    });
    expect(describeRatio(305, 605, 'MB/s', 'higher')).toEqual({
      text: '2× lower',
      verdict: 'worse',
    });
    expect(describeRatio(103, 100, 'ms', 'lower')).toEqual({
      text: 'about the same',
      verdict: 'same',
    });
  });

  test('has no ratio against a zero or missing baseline', () => {
    expect(describeRatio(5, 0, 'ms', 'lower')).toBeUndefined();
  });

  test('rounds factors as readers say them', () => {
    expect([28.4, 2.46, 1.06].map(formatFactor)).toEqual(['28×', '2.5×', '1.06×']);
  });
});

describe('run statistics', () => {
  test('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(summariseRuns([5, 9, 7])).toEqual({ median: 7, min: 5, max: 9, count: 3, cv: 2 / 7 });
    expect(summariseRuns([4]).cv).toBe(0);
    expect(() => median([])).toThrow('median of an empty list');
  });
});

describe('overlapping ranges', () => {
  test('ranges that touch or cross overlap; ranges apart do not', () => {
    expect(rangesOverlap({ min: 1, max: 3 }, { min: 3, max: 5 })).toBe(true);
    expect(rangesOverlap({ min: 1, max: 10 }, { min: 3, max: 5 })).toBe(true);
    expect(rangesOverlap({ min: 1, max: 2.9 }, { min: 3, max: 5 })).toBe(false);
  });
});
