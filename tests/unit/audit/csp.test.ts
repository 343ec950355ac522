import { describe, expect, test } from 'vitest';
import {
  buildPolicy,
  checkPagePolicy,
  collectInlineContent,
  hashSource,
  insertPolicyMeta,
  readPolicyMeta,
} from '../../../src/lib/audit/csp.ts';
import {
  findExternalLoadsInCss,
  findExternalLoadsInHtml,
} from '../../../src/lib/audit/external-resources.ts';

const page = (head: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('hashSource', () => {
  test('writes the base64 SHA-256 that browsers compare with', () => {
    // Reference value from the CSP specification's example: sha256 of "alert('Hello, world.');".
    expect(hashSource("alert('Hello, world.');")).toBe(
      'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=',
    );
  });
});

describe('collectInlineContent', () => {
  test('hashes inline scripts and styles once each, and skips external and data scripts', () => {
    const html = page(
      '<script>a()</script><script type="module">b()</script><script>a()</script><script src="/x.js"></script><script type="application/json">{"a":1}</script><style>p{}</style>',
    );
    expect(collectInlineContent(html)).toEqual({
      scriptHashes: [hashSource('a()'), hashSource('b()')],
      styleHashes: [hashSource('p{}')],
      forbidden: [],
    });
  });

  test('hashes a <style> inside inline SVG as the browser reads it, with entities decoded', () => {
    const html = page('', '<svg><style>text{content:"&gt;"}</style></svg>');
    expect(collectInlineContent(html).styleHashes).toEqual([hashSource('text{content:">"}')]);
  });

  test('reports inline event handlers and javascript: URLs, which no hash can allow', () => {
    const html = page('', '<button onclick="go()">Go</button><a href="javascript:void(0)">x</a>');
    expect(collectInlineContent(html).forbidden).toMatchInlineSnapshot(`
      [
        "<button> onclick="…" (inline event handler)",
        "<a> href="javascript:void(0)" (javascript: URL)",
      ]
    `);
  });
});

describe('buildPolicy', () => {
  test('allows only the site itself and the hashed inline code', () => {
    expect(
      buildPolicy({ scriptHashes: ['sha256-AAA='], styleHashes: ['sha256-BBB='] }),
    ).toMatchInlineSnapshot(
      `"default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; script-src-attr 'none'; style-src 'self' 'sha256-BBB='; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'"`,
    );
  });

  test('adds frame-ancestors only for headers, since browsers ignore it in a <meta> tag', () => {
    const empty = { scriptHashes: [], styleHashes: [] };
    expect(buildPolicy(empty, 'meta')).not.toContain('frame-ancestors');
    expect(buildPolicy(empty, 'header')).toContain("frame-ancestors 'none'");
  });
});

describe('insertPolicyMeta', () => {
  test('puts the tag right after <meta charset>, before any script, and leaves the rest as it was', () => {
    const html = page('<script>a()</script>');
    const out = insertPolicyMeta(html, "script-src 'self'");
    expect(out).toBe(
      html.replace(
        '<meta charset="utf-8">',
        `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'self'">`,
      ),
    );
    expect(readPolicyMeta(out)).toBe("script-src 'self'");
  });

  test('replaces the tag of an earlier run instead of adding a second one', () => {
    const once = insertPolicyMeta(page(''), 'a');
    const twice = insertPolicyMeta(once, 'b');
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(readPolicyMeta(twice)).toBe('b');
  });
});

describe('checkPagePolicy', () => {
  test('accepts a page whose policy covers all its inline code', () => {
    const html = page('<script>a()</script><style>p{}</style>');
    const out = insertPolicyMeta(html, buildPolicy(collectInlineContent(html)));
    expect(checkPagePolicy('x/index.html', out)).toEqual([]);
  });

  test('names the page and the hash when inline code changed after the policy was made', () => {
    const html = insertPolicyMeta(
      page('<script>a()</script>'),
      buildPolicy({ scriptHashes: [], styleHashes: [] }),
    );
    expect(checkPagePolicy('x/index.html', html)).toEqual([
      `x/index.html: inline script ${hashSource('a()')} is not in script-src`,
    ]);
  });

  test('reports a page without a policy', () => {
    expect(checkPagePolicy('x/index.html', page(''))).toEqual([
      'x/index.html: no Content-Security-Policy <meta> tag (the csp integration in astro.config.ts adds it)',
    ]);
  });
});

describe('third-party loads', () => {
  test('finds scripts, stylesheets, images and fonts from other hosts, not links to other sites', () => {
    const html = page(
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css2"><link rel="canonical" href="https://example.org/"><script src="//cdn.example.com/x.js"></script><script src="/_astro/a.js"></script>',
      '<img src="https://img.example.com/a.png"><a href="https://iceberg.apache.org/">Iceberg</a><div style="background:url(https://x.example/b.png)"></div>',
    );
    expect(findExternalLoadsInHtml(html)).toEqual([
      '<link href> https://fonts.googleapis.com/css2',
      '<script src> //cdn.example.com/x.js',
      '<img src> https://img.example.com/a.png',
      '<div style> https://x.example/b.png',
    ]);
  });

  test('finds url() and @import to other hosts in CSS, not local or data: URLs', () => {
    const css =
      '@import "https://a.example/x.css";a{background:url(/i.png)}b{mask:url("data:image/svg+xml,<svg/>")}@font-face{src:url(https://fonts.gstatic.com/f.woff2)}';
    expect(findExternalLoadsInCss(css)).toEqual([
      'https://a.example/x.css',
      'https://fonts.gstatic.com/f.woff2',
    ]);
  });
});
