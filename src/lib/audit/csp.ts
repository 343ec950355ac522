import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** What a page runs and styles inline: the inputs of its Content-Security-Policy. */
export interface InlineContent {
  /** 'sha256-…' of every inline classic or module script, in page order, without duplicates. */
  scriptHashes: string[];
  /** 'sha256-…' of every inline <style> element (Astro's, Mermaid's SVG styles), without duplicates. */
  styleHashes: string[];
  /** Things no hash can allow: inline event handlers and javascript: URLs, as "tag attr" strings. */
  forbidden: string[];
}

/** Script types a browser executes; anything else (JSON data blocks) is inert and needs no hash. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const URL_ATTRS = ['href', 'src', 'action', 'formAction'];

/** Base64 SHA-256 of a script or style body, as CSP writes it: sha256-… */
export function hashSource(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The text a browser hashes for an inline script or style: its child text nodes, joined. */
function childText(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}

/**
 * Find what a page runs and styles inline. Uses a spec-compliant parser, so a <style> inside
 * inline SVG is read with its entities decoded, exactly as the browser hashes it.
 */
export function collectInlineContent(html: string): InlineContent {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const forbidden: string[] = [];
  visit(fromHtml(html), 'element', (el: Element) => {
    const props = el.properties ?? {};
    if (el.tagName === 'script' && props['src'] === undefined) {
      const type = String(props['type'] ?? '').toLowerCase();
      if (EXECUTABLE.has(type)) scripts.add(hashSource(childText(el)));
    }
    if (el.tagName === 'style') styles.add(hashSource(childText(el)));
    for (const [name, value] of Object.entries(props)) {
      if (/^on[A-Z]/.test(name))
        forbidden.push(`<${el.tagName}> ${name.toLowerCase()}="…" (inline event handler)`);
      else if (
        URL_ATTRS.includes(name) &&
        typeof value === 'string' &&
        /^\s*javascript:/i.test(value)
      )
        forbidden.push(`<${el.tagName}> ${name}="${value.slice(0, 40)}" (javascript: URL)`);
    }
  });
  return { scriptHashes: [...scripts], styleHashes: [...styles], forbidden };
}

/** Where a policy is delivered: a <meta> tag ignores frame-ancestors, so only headers carry it. */
export type PolicyDelivery = 'meta' | 'header';

/**
 * The site's Content-Security-Policy for one page. Nothing loads from another host; scripts run
 * only from the site's own files or as the exact inline bodies hashed here.
 * - script-src 'wasm-unsafe-eval': Pagefind compiles its search index reader from WebAssembly;
 *   it allows WebAssembly compilation only, never JavaScript eval.
 * - style-src-attr 'unsafe-inline': style="" attributes that the server-rendered map (node
 *   positions), Mermaid's SVG and Expressive Code's token colours carry. Attribute styles cannot
 *   run script; hashing each value ('unsafe-hashes') would add kilobytes to every page.
 */
export function buildPolicy(
  content: Pick<InlineContent, 'scriptHashes' | 'styleHashes'>,
  delivery: PolicyDelivery = 'meta',
): string {
  const quote = (hashes: string[]) => hashes.map((h) => `'${h}'`);
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...quote(content.scriptHashes)],
    ['script-src-attr', "'none'"],
    ['style-src', "'self'", ...quote(content.styleHashes)],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['manifest-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
  ];
  if (delivery === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * Put a CSP <meta> tag first in <head>, before any script or style it governs. Only inserts
 * text, so every hashed body stays byte-for-byte as built. Replaces a tag from an earlier run.
 */
export function insertPolicyMeta(html: string, policy: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const existing = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/i;
  if (existing.test(html)) return html.replace(existing, tag);
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset)
    return (
      html.slice(0, charset.index + charset[0].length) +
      tag +
      html.slice(charset.index + charset[0].length)
    );
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('cannot add a Content-Security-Policy: the page has no <head>');
  return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
}

/** Read the policy a built page carries in its CSP <meta> tag, if any. */
export function readPolicyMeta(html: string): string | undefined {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html);
  return match?.[1]?.replace(/&quot;/g, '"');
}

/** One `_headers` block (Netlify / Cloudflare Pages format) giving a page path its policy. */
export function formatHeadersBlock(path: string, policy: string): string {
  return `${path}\n  Content-Security-Policy: ${policy}\n`;
}

/**
 * Check that a built page's CSP allows all it needs: every inline script and style is hashed in
 * the policy it carries, and it has no inline handlers. Returns problems as sentences.
 */
export function checkPagePolicy(file: string, html: string): string[] {
  const policy = readPolicyMeta(html);
  if (!policy)
    return [
      `${file}: no Content-Security-Policy <meta> tag (the csp integration in astro.config.ts adds it)`,
    ];
  const content = collectInlineContent(html);
  const problems = content.forbidden.map(
    (f) => `${file}: ${f} is blocked by the CSP; attach listeners from a module script instead`,
  );
  const directive = (name: string) =>
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find((d) => d[0] === name)
      ?.slice(1) ?? [];
  const scriptSrc = directive('script-src');
  const styleSrc = directive('style-src');
  for (const hash of content.scriptHashes)
    if (!scriptSrc.includes(`'${hash}'`))
      problems.push(`${file}: inline script ${hash} is not in script-src`);
  for (const hash of content.styleHashes)
    if (!styleSrc.includes(`'${hash}'`))
      problems.push(`${file}: inline style ${hash} is not in style-src`);
  for (const [name, sources] of [
    ['script-src', scriptSrc],
    ['style-src', styleSrc],
  ] as const)
    if (sources.includes("'unsafe-inline'") || sources.includes("'unsafe-eval'"))
      problems.push(`${file}: ${name} allows ${sources.join(' ')}`);
  return problems;
}
