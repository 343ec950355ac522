import { describe, expect, test } from 'vitest';
import { summarizeNpmAudit } from '../../../src/lib/audit/npm-audit.ts';

describe('summarizeNpmAudit', () => {
  test('passes a clean audit and keeps the dependency count', () => {
    const summary = summarizeNpmAudit({
      vulnerabilities: {},
      metadata: { vulnerabilities: { total: 0 }, dependencies: { prod: 312 } },
    });
    expect(summary).toEqual({
      counts: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 },
      dependencies: 312,
      findings: [],
      problems: [],
    });
  });

  test('lists findings most severe first and fails on high or critical ones', () => {
    const summary = summarizeNpmAudit({
      vulnerabilities: {
        'tiny-lib': {
          name: 'tiny-lib',
          severity: 'moderate',
          via: [{ title: 'ReDoS in parse()', url: 'https://github.com/advisories/GHSA-1' }],
        },
        'big-lib': { name: 'big-lib', severity: 'high', isDirect: true, via: ['tiny-dep'] },
      },
      metadata: { vulnerabilities: { moderate: 1, high: 1, total: 2 }, dependencies: { prod: 10 } },
    });
    expect(summary.findings).toEqual([
      'big-lib (high, direct): via tiny-dep',
      'tiny-lib (moderate): ReDoS in parse() <https://github.com/advisories/GHSA-1>',
    ]);
    expect(summary.problems).toEqual([
      'npm audit --omit=dev: 0 critical and 1 high vulnerabilities in production dependencies',
    ]);
  });

  test('says the audit did not run, and why, when the registry refuses it', () => {
    const summary = summarizeNpmAudit({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      error: { summary: '', detail: '' },
    });
    expect(summary.problems).toEqual([]);
    expect(summary.unavailable).toBe(
      "npm audit could not run (405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk); it needs the npm registry's audit endpoint",
    );
  });
});
