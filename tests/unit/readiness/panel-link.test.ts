import { afterEach, expect, test, vi } from 'vitest';
import {
  countMapReadiness,
  readPanelProgress,
  toReadinessPanelLink,
} from '../../../src/lib/readiness/panel-link.ts';
import { STORAGE_KEY } from '../../../src/lib/readiness/progress.ts';

const checklist = {
  chapter: 'olap',
  title: 'OLAP',
  items: [
    { id: 'backups-tested-1nql0qx', text: 'A' },
    { id: 'alerts-routed-9zz', text: 'B' },
  ],
};

afterEach(() => vi.unstubAllGlobals());

test('the map panel links to the checklist, noting its item count and carrying the id hashes', () => {
  expect(toReadinessPanelLink(checklist)).toEqual({
    href: '/olap/#production-readiness-checklist',
    label: 'Production-readiness checklist',
    note: '2 items',
    readiness: { chapter: 'olap', items: '1nql0qx 9zz' },
  });
});

test('a component without checklist items gets no link', () => {
  expect(toReadinessPanelLink({ ...checklist, items: [] })).toBeUndefined();
  expect(toReadinessPanelLink(undefined)).toBeUndefined();
});

test('the panel reads progress from localStorage, ignoring stale ticks, and nothing where there is no storage', () => {
  const readiness = toReadinessPanelLink(checklist)!.readiness!;
  expect(readPanelProgress(readiness)).toBeUndefined();
  const stored: Record<string, string> = {
    [STORAGE_KEY]:
      '{"olap":["alerts-routed-9zz","reworded-item-5aa"],"security":["backups-tested-1nql0qx"]}',
  };
  vi.stubGlobal('window', { localStorage: { getItem: (key: string) => stored[key] ?? null } });
  expect(readPanelProgress(readiness)).toBe('1 of 2 ready');
  vi.stubGlobal('window', {
    get localStorage(): Storage {
      throw new DOMException('blocked', 'SecurityError');
    },
  });
  expect(readPanelProgress(readiness)).toBeUndefined();
});

test('the map counts each component with a checklist, from the hashes its panel carries', () => {
  const olap = toReadinessPanelLink(checklist)!;
  const security = toReadinessPanelLink({
    chapter: 'security',
    title: 'Security',
    items: [{ id: 'keys-rotated-1aa', text: 'C' }],
  })!;
  const panels = {
    olap: { links: [{ href: '/olap/', label: 'Read the chapter' }, olap] },
    security: { links: [security] },
    bare: { links: [] },
  };
  const ticks = { olap: ['alerts-routed-9zz', 'reworded-item-5aa'], security: [] };
  expect(countMapReadiness(panels, ticks)).toEqual({
    olap: { ready: 1, total: 2 },
    security: { ready: 0, total: 1 },
  });
  expect(countMapReadiness(panels, {})).toEqual({
    olap: { ready: 0, total: 2 },
    security: { ready: 0, total: 1 },
  });
});
