import { describe, expect, test } from 'vitest';
import { isPartId, PART_IDS } from '../../../src/lib/graph/part-ids.ts';
import { PartIdSchema } from '../../../src/lib/graph/schema.ts';

describe('part letters', () => {
  test('accepts the eight part letters and nothing else', () => {
    expect(PART_IDS.filter(isPartId)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(['Z', 'a', '', 'AB'].filter(isPartId)).toEqual([]);
  });
  test('the graph schema rejects a letter outside them, listing the range', () => {
    expect(PartIdSchema.safeParse('Z').error?.issues[0]?.message).toBe(
      'expected a part letter A–H',
    );
    expect(PartIdSchema.parse('H')).toBe('H');
  });
});
