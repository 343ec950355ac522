// The real reference configs, checked with the same code the build uses.
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../../src/lib/config/result.ts';
import { loadSchemaRegistry } from '../../../src/lib/config/json-schema.ts';
import { validateConfigs } from '../../../src/lib/config/validate-configs.ts';
import { CUSTOM_RESOURCE_SCHEMAS } from '../../../src/lib/config/validators/custom-resources.ts';

const report = await validateConfigs();

describe('content/configs', () => {
  test('every folder, manifest and file passes its validator', () => {
    expect(report.problems.map(formatProblem)).toEqual([]);
  });

  test('every result says which tool checked it, with a version read at run time, and what it checked', () => {
    for (const r of report.results.filter((r) => r.status === 'checked')) {
      expect(r.checks.length, r.file).toBeGreaterThan(1);
      for (const tool of r.tools) expect(tool.version, `${r.file}: ${tool.name}`).toMatch(/^\d+\.\d+/);
    }
  });

  test('a file that could not be checked says why', () => {
    for (const r of report.results.filter((r) => r.status === 'not-checked')) expect(r.reason, r.file).toBeTruthy();
  });
});

describe('src/lib/config/schemas', () => {
  test('every custom resource maps to a schema that exists', () => {
    const names = loadSchemaRegistry().names;
    expect(Object.values(CUSTOM_RESOURCE_SCHEMAS).filter((s) => !names.includes(s))).toEqual([]);
  });
});
