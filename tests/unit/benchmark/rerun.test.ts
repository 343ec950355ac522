import { describe, expect, test } from 'vitest';
import { toRerunSteps } from '../../../src/lib/benchmark/rerun.ts';

describe('toRerunSteps', () => {
  test('starts from a clone, installs, then runs the benchmark on the project Node', () => {
    expect(
      toRerunSteps('npm run bench -- --only=file-formats', 'https://github.com/acme/blueprint/'),
    ).toEqual([
      'git clone https://github.com/acme/blueprint.git',
      'cd blueprint',
      './blueprint npm ci',
      './blueprint npm run bench -- --only=file-formats',
    ]);
  });

  test('names the folder of a URL that already ends in .git, and refuses one with no name', () => {
    expect(toRerunSteps('npm run bench', 'https://example.com/x/site.git').slice(0, 2)).toEqual([
      'git clone https://example.com/x/site.git',
      'cd site',
    ]);
    expect(() =>
      toRerunSteps('npm run bench', 'https://example.com/'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: Cannot name the clone's folder from the repository URL "https://example.com/"; expected e.g. https://github.com/owner/name]`,
    );
  });
});
