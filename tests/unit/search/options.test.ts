import { describe, expect, test } from 'vitest';
import {
  getPagefindModuleUrl,
  getPagefindOptions,
  normaliseBase,
} from '../../../src/lib/search/options.ts';

describe('pagefind options', () => {
  test('put the bundle and result URLs under the base path', () => {
    expect(getPagefindModuleUrl('/')).toBe('/pagefind/pagefind.js');
    expect(getPagefindModuleUrl('/pr-42')).toBe('/pr-42/pagefind/pagefind.js');
    const options = getPagefindOptions('/pr-42/');
    expect(options.basePath).toBe('/pr-42/pagefind/');
    expect(options.baseUrl).toBe('/pr-42/');
  });
  test('normalise the base path to one trailing slash', () => {
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('/pr-42//')).toBe('/pr-42/');
  });
});
