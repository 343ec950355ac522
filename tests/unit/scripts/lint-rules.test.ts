// The project's own lint rules (eslint.config.js) reject what they exist to reject. Type-aware
// rules are switched off here so a snippet can be linted without a file on disk.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
const problems = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => `${m.ruleId}: ${m.message}`);

describe('browser bundles stay free of build-time modules', () => {
  test.each([
    ["import { z } from 'zod';", 'src/components/map/Example.tsx', /zod runs at build time only/],
    [
      "import { parse } from 'yaml';",
      'src/components/chapter/Example.tsx',
      /YAML is parsed at build time only/,
    ],
    [
      "import { readFileSync } from 'node:fs';",
      'src/scripts/example.ts',
      /node: built-ins do not exist in the browser/,
    ],
  ])('%s in %s is refused', async (code, file, message) => {
    const found = await problems(
      `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)![1]}];\n`,
      file,
    );
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toEqual([
      expect.stringMatching(message),
    ]);
  });

  test('build-time code may use them', async () => {
    const found = await problems(
      "import { z } from 'zod';\nimport { readFileSync } from 'node:fs';\nexport const used = [z, readFileSync];\n",
      'src/lib/chapter/example.ts',
    );
    expect(found.filter((p) => p.startsWith('no-restricted-imports'))).toEqual([]);
  });
});
