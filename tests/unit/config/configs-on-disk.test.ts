// The real reference configs, checked with the same code the build uses.
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../../src/lib/config/result.ts';
import { validateConfigs } from '../../../src/lib/config/validate-configs.ts';
import { loadCrdRegistry } from '../../../src/lib/config/crd-schemas.ts';

const report = await validateConfigs();

describe('content/configs', () => {
  test('every folder, manifest and file passes its validator', () => {
    expect(report.problems.map(formatProblem)).toEqual([]);
  });

  test('every result says which tool checked it, with a version read at run time, and what it checked', () => {
    for (const r of report.results.filter((r) => r.status === 'checked')) {
      expect(r.checks.length, r.file).toBeGreaterThan(1);
      for (const tool of r.tools)
        expect(tool.version, `${r.file}: ${tool.name}`).toMatch(/^\d+\.\d+/);
    }
  });

  test('a file that could not be checked says why', () => {
    for (const r of report.results.filter((r) => r.status === 'not-checked'))
      expect(r.reason, r.file).toBeTruthy();
  });
});

describe('src/lib/config/upstream/crds', () => {
  test('every custom resource schema names its operator, pinned tag and upstream file', () => {
    const registry = loadCrdRegistry();
    expect(registry.keys.length).toBeGreaterThan(0);
    for (const key of registry.keys) {
      const [apiVersion, kind] = key.split(' ') as [string, string];
      const info = registry.info(apiVersion, kind)!;
      expect(info.repository, key).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(info.operatorVersion, key).toMatch(/\d+\.\d+/);
      expect(info.path, key).toMatch(/\.ya?ml$/);
    }
  });
});
