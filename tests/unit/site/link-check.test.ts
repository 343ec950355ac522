import { describe, expect, test } from 'vitest';
import { checkLinks } from '../../../src/lib/site/link-check.ts';

const site = (pages: Record<string, string>, assets: string[] = []) => ({
  files: new Set([...Object.keys(pages), ...assets]),
  pages: new Map(Object.entries(pages)),
});

describe('checkLinks', () => {
  test('accepts links to pages, assets and existing anchors', () => {
    const result = checkLinks(
      site(
        {
          'index.html':
            '<a href="/a/">A</a><a href="/a/#role">role</a><img src="/logo.svg"><a href="https://example.org/x">x</a>',
          'a/index.html': '<h2 id="role">Role</h2><a href="../">home</a><a href="#role">self</a>',
        },
        ['logo.svg'],
      ),
    );
    expect(result).toEqual({ broken: [], external: ['https://example.org/x'] });
  });

  test('reports a missing page and a missing anchor, naming the page and the link', () => {
    const result = checkLinks(
      site({ 'index.html': '<a href="/nope/">x</a><a href="/#gone">y</a>' }),
    );
    expect(result.broken).toEqual([
      'index.html: a "/nope/" → nope/index.html does not exist',
      'index.html: link "/#gone" → no element with id "gone" in index.html',
    ]);
  });

  test('resolves links under a sub-path base and flags links that escape it', () => {
    const pages = {
      'index.html': '<a href="/pr-4/a/">ok</a><a href="/a/">escapes</a>',
      'a/index.html': '',
    };
    expect(checkLinks(site(pages), '/pr-4/').broken).toEqual([
      'index.html: a "/a/" is outside the site base /pr-4/',
    ]);
  });
});
