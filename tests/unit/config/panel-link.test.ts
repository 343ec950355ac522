import { describe, expect, test } from 'vitest';
import { toConfigPanelLink } from '../../../src/lib/config/panel-link.ts';
import { startResult } from '../../../src/lib/config/result.ts';
import type { ConfigReport } from '../../../src/lib/config/validate-configs.ts';

const report = (statuses: Array<'checked' | 'not-checked'>): ConfigReport => ({
  folders: [],
  problems: [],
  results: statuses.map((status, i) => ({
    ...startResult(`content/configs/security/f${i}.yaml`, `f${i}.yaml`, 'yaml'),
    status,
  })),
});

describe('the map panel link to configs', () => {
  test('says how many files there are and that all are validated', () => {
    expect(toConfigPanelLink(report(['checked', 'checked']), 'security')).toEqual({
      href: '/configs/security/',
      label: 'Reference configs',
      note: '2 files, all validated on every build',
    });
  });

  test('owns up to files that could not be checked here', () => {
    expect(toConfigPanelLink(report(['checked', 'not-checked']), 'security')?.note).toBe(
      '2 files, 1 validated on every build, 1 not checked offline',
    );
  });

  test('is absent for a component without configs', () => {
    expect(toConfigPanelLink(report(['checked']), 'ci-cd')).toBeUndefined();
  });
});
