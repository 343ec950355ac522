import { describe, expect, test } from 'vitest';
import { isMapPage, isModifiedClick, toNodeSearch } from '../../../src/lib/search/map-select.ts';

describe('map page', () => {
  test('is the home page under any base path', () => {
    expect(isMapPage('/', '/')).toBe(true);
    expect(isMapPage('/index.html', '/')).toBe(true);
    expect(isMapPage('/pr-42/', '/pr-42/')).toBe(true);
    expect(isMapPage('/pr-42', '/pr-42/')).toBe(true);
    expect(isMapPage('/pr-42/', '/pr-42')).toBe(true);
    expect(isMapPage('/data-storage/', '/')).toBe(false);
    expect(isMapPage('/', '/pr-42/')).toBe(false);
  });
  test('selects a node with the ?node= query the map reads', () => {
    expect(toNodeSearch('stream-ingestion')).toBe('?node=stream-ingestion');
  });
  test('leaves clicks with a modifier or another button to the browser', () => {
    const click = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(isModifiedClick(click)).toBe(false);
    expect(isModifiedClick({ ...click, metaKey: true })).toBe(true);
    expect(isModifiedClick({ ...click, button: 1 })).toBe(true);
  });
});
