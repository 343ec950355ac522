import { describe, expect, test } from 'vitest';
import { listSeedsOfOtherChapters, splitTechMeta } from '../../../src/lib/search/tech-meta.ts';

const pick = (name: string, seed = false) => ({ name, seed });

describe('splitTechMeta', () => {
  test("moves another chapter's seed pick that this chapter only uses to `uses`", () => {
    const others = listSeedsOfOtherChapters(
      [
        { id: 'etl-cluster', data: { technologies: [pick('Trino', true), pick('dbt-trino')] } },
        {
          id: 'data-storage',
          data: { technologies: [pick('Apache Iceberg', true), pick('Trino')] },
        },
      ],
      'data-storage',
    );
    expect(
      splitTechMeta([pick('Apache Iceberg', true), pick('Trino'), pick('Amazon S3')], others),
    ).toEqual({
      tech: ['Apache Iceberg', 'Amazon S3'],
      uses: ['Trino'],
    });
  });

  test('keeps a seed pick two chapters share in both, and a name no chapter seeds', () => {
    const others = new Set(['Trino', 'Amazon EKS']);
    expect(splitTechMeta([pick('Trino', true), pick('Trino resource groups')], others)).toEqual({
      tech: ['Trino', 'Trino resource groups'],
      uses: [],
    });
  });
});
