import { describe, expect, test } from 'vitest';
import { getEditUrl } from '../../../src/lib/site/site-config.ts';
import { isCurrentSection } from '../../../src/lib/site/primary-nav.ts';
import {
  describeThemeChoice,
  nextThemeChoice,
  parseThemeChoice,
  resolveTheme,
} from '../../../src/lib/site/theme.ts';
import { getLastUpdated } from '../../../src/lib/git/last-updated.ts';

describe('links', () => {
  test('builds the edit URL of a source file', () => {
    expect(getEditUrl('content/chapters/security.mdx', 'https://github.com/o/r/', 'main')).toBe(
      'https://github.com/o/r/edit/main/content/chapters/security.mdx',
    );
  });
  test('marks the current header section, the map only on the home page', () => {
    expect(isCurrentSection('/', '/')).toBe(true);
    expect(isCurrentSection('/', '/chapters/')).toBe(false);
    expect(isCurrentSection('/chapters/', '/chapters/')).toBe(true);
    expect(isCurrentSection('/', '/pr-4/', '/pr-4/')).toBe(true);
    expect(isCurrentSection('/chapters/', '/pr-4/chapters/', '/pr-4/')).toBe(true);
  });
});

describe('theme', () => {
  test('cycles light → dark → system → light', () => {
    expect([nextThemeChoice('light'), nextThemeChoice('dark'), nextThemeChoice('system')]).toEqual([
      'dark',
      'system',
      'light',
    ]);
  });
  test('treats unknown stored values as system', () => {
    expect(parseThemeChoice('purple')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('dark')).toBe('dark');
  });
  test('resolves system from the device preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
  test('names the current choice and the next one for screen readers', () => {
    expect(describeThemeChoice('dark')).toEqual({
      label: 'Dark',
      ariaLabel: 'Theme: dark. Switch to system',
    });
  });
});

describe('last updated', () => {
  const fallback = new Date('2026-11-28');
  test('uses the last commit that touched the file', () => {
    const git = (args: string[]) =>
      args[0] === 'rev-parse' ? 'false\n' : '2026-10-01T12:00:00+00:00\n';
    expect(getLastUpdated('a.mdx', fallback, git)).toEqual({
      date: new Date('2026-10-01T12:00:00Z'),
      source: 'git',
    });
  });
  test('falls back in a shallow clone, where history may not reach the file', () => {
    const git = (args: string[]) =>
      args[0] === 'rev-parse' ? 'true\n' : '2026-10-01T12:00:00+00:00\n';
    expect(getLastUpdated('a.mdx', fallback, git)).toEqual({ date: fallback, source: 'fallback' });
  });
  test('falls back when the file has no commit yet or git is missing', () => {
    expect(
      getLastUpdated('a.mdx', fallback, (args) => (args[0] === 'rev-parse' ? 'false' : '')),
    ).toEqual({ date: fallback, source: 'fallback' });
    expect(
      getLastUpdated('a.mdx', fallback, () => {
        throw new Error('no git');
      }),
    ).toEqual({ date: fallback, source: 'fallback' });
  });
});
