import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumArgs, headlessChromiumPath } from '../browser/chromium.ts';

/**
 * Renders Mermaid diagrams to SVG in one headless Chromium page that loads Mermaid once. (A
 * renderer that launched a browser and parsed Mermaid's 8 MB unminified bundle per diagram spent
 * two seconds a diagram: most of a fresh build.) This page loads the 3.5 MB minified one. The
 * browser closes itself after a second without work, so a build or test run that is done can exit.
 */
const IDLE_CLOSE_MS = 1000;
const mermaidBundle = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

let session: Promise<{ browser: Browser; page: Page }> | undefined;
let pending = 0;
let queue: Promise<unknown> = Promise.resolve();
let idleTimer: NodeJS.Timeout | undefined;

async function open() {
  const browser = await chromium.launch({
    executablePath: headlessChromiumPath,
    args: chromiumArgs,
  });
  const page = await browser.newPage();
  await page.setContent(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>',
  );
  await page.addScriptTag({ path: mermaidBundle });
  return { browser, page };
}

export interface MermaidOptions {
  /** Prefix for the ids inside the SVG, so two diagrams on one page never collide. */
  prefix: string;
  /** Mermaid's configuration (theme, fontFamily, ...). */
  config: Record<string, unknown>;
}

/** Mermaid rejected the diagram (as opposed to the browser failing to start). */
export class MermaidDiagramError extends Error {
  override name = 'MermaidDiagramError';
}

/**
 * The SVG markup of one diagram; rejects with a MermaidDiagramError carrying Mermaid's message
 * when the diagram is invalid. Renders one at a time: Mermaid's configuration is global to the page.
 */
export async function renderMermaid(source: string, options: MermaidOptions): Promise<string> {
  clearTimeout(idleTimer);
  pending += 1;
  const run = queue.then(() => renderNow(source, options));
  queue = run.catch(() => undefined);
  try {
    return await run;
  } finally {
    pending -= 1;
    if (pending === 0) idleTimer = setTimeout(() => void closeMermaid(), IDLE_CLOSE_MS);
  }
}

async function renderNow(source: string, { prefix, config }: MermaidOptions): Promise<string> {
  session ??= open().catch((error: unknown) => {
    session = undefined;
    throw error;
  });
  const { page } = await session;
  try {
    return await page.evaluate(renderInPage, { source, prefix, config });
  } catch (error) {
    // Keep Mermaid's message; drop Playwright's prefix and the stack inside Mermaid's bundle.
    const message = error instanceof Error ? error.message : String(error);
    throw new MermaidDiagramError(
      message.replace(/^page\.evaluate: (Error: )?/, '').replace(/\n\s+at .*/g, ''),
    );
  }
}

/** Close the browser now (it also closes itself when idle). */
export async function closeMermaid(): Promise<void> {
  clearTimeout(idleTimer);
  const current = session;
  session = undefined;
  if (current) await (await current).browser.close();
}

/** Runs in the page, where Mermaid's bundle defined globalThis.mermaid. */
async function renderInPage({
  source,
  prefix,
  config,
}: {
  source: string;
  prefix: string;
  config: Record<string, unknown>;
}) {
  const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
  await Promise.all(Array.from(document.fonts, (font) => font.load()));
  // Laid out but invisible: Mermaid measures the text it places.
  const container = document.createElement('div');
  container.ariaHidden = 'true';
  Object.assign(container.style, { maxHeight: '0', opacity: '0', overflow: 'hidden' });
  document.body.append(container);
  try {
    mermaid.initialize({ startOnLoad: false, ...config });
    const { svg } = await mermaid.render(`${prefix}-0`, source, container);
    // Round-trip through the DOM so the markup is well-formed XML, fit to inline in HTML.
    const element = new DOMParser()
      .parseFromString(svg, 'text/html')
      .getElementsByTagName('svg')[0];
    if (!element) throw new Error('Mermaid returned no <svg>');
    // Some diagram types number ids from a page-wide counter (sequence actors: "actor4", "root-4");
    // give them the diagram's prefix so two diagrams on one page never share an id.
    const markup = element.innerHTML;
    for (const node of element.querySelectorAll('[id]')) {
      if (!node.id.startsWith(prefix) && !markup.includes(`#${node.id}`))
        node.id = `${prefix}-${node.id}`;
    }
    return new XMLSerializer().serializeToString(element);
  } finally {
    container.remove();
  }
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string, container?: Element): Promise<{ svg: string }>;
}
