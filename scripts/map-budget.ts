// Measure what the home page's map costs a reader: JavaScript sent (gzip, per chunk), layout shift
// while the island hydrates, first paint, and how long the map takes to become interactive once
// the reader points at it (it hydrates on intent: src/scripts/hydrate-on-intent.ts). Builds
// nothing: run it after `npx astro build`. Writes reports/map-budget.json and prints a Markdown
// table for the README.
//   node scripts/map-budget.ts [--dir=dist] [--port=4390] [--runs=3] [--out=reports/map-budget.json]
// A report, not a test: timings vary with the machine's load; bytes and layout shift do not.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../src/lib/browser/chromium.ts';
import { parseCommandLine } from './lib/cli.ts';
import { moduleGraph } from '../src/lib/audit/page-weight.ts';
import { fileReader } from '../src/lib/audit/built-site.ts';

const { values } = parseCommandLine({
  command: 'node scripts/map-budget.ts',
  summary:
    'Measure what the home page map costs a reader (JavaScript, layout shift, paint, time to interactive) in a built site.',
  options: {
    dir: {
      type: 'string',
      default: process.env.OUT_DIR ?? 'dist',
      help: 'build folder (default OUT_DIR or dist)',
    },
    port: { type: 'string', default: '4390', help: 'port for the temporary server (default 4390)' },
    runs: { type: 'string', default: '3', help: 'page loads to measure (default 3)' },
    out: {
      type: 'string',
      default: 'reports/map-budget.json',
      help: 'report file (default reports/map-budget.json)',
    },
  },
});
const dir = values.dir;
const port = Number(values.port);
const runs = Number(values.runs);
const out = values.out;
const BUDGET = { jsGzipBytes: 150 * 1024, cls: 0 };
/** How long to keep watching for layout shifts once the map has hydrated. */
const SETTLE_MS = 1500;
const VIEWPORT = { width: 1440, height: 900 };

if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir}/index.html not found: build the site first (npx astro build).`);
  process.exit(1);
}

/** gzip size at zlib's default level (what most static hosts serve). */
const gzipBytes = (data: Buffer | string) => gzipSync(data).length;

/** What the page observes about itself: paints, layout shifts and when the map became buttons. */
interface PageMetrics {
  firstPaint: number | undefined;
  firstContentfulPaint: number | undefined;
  largestContentfulPaint: number | undefined;
  /** When the pointer first entered the map, which starts its hydration. */
  intentAt: number | undefined;
  hydratedAt: number | undefined;
  shifts: Array<{
    value: number;
    startTime: number;
    hadRecentInput: boolean;
    sources: Array<{ node: string; from: string; to: string }>;
  }>;
}

/** Injected before any page script: records paints, layout shifts and the hydration moment. */
function observePage() {
  const w = window as unknown as { __budget: PageMetrics };
  const m: PageMetrics = {
    firstPaint: undefined,
    firstContentfulPaint: undefined,
    largestContentfulPaint: undefined,
    intentAt: undefined,
    hydratedAt: undefined,
    shifts: [],
  };
  w.__budget = m;
  const describe = (n: Node | null) => {
    if (!(n instanceof Element)) return n ? n.nodeName : '(removed)';
    const attrs = [...n.attributes]
      .filter((a) => a.name.startsWith('data-') || a.name === 'id')
      .map((a) => `[${a.name}="${a.value.slice(0, 30)}"]`)
      .join('');
    return `${n.tagName.toLowerCase()}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).join('.')}` : ''}${attrs}`;
  };
  const rect = (r: DOMRectReadOnly) =>
    `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as Array<
      PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: Array<{
          node: Node | null;
          previousRect: DOMRectReadOnly;
          currentRect: DOMRectReadOnly;
        }>;
      }
    >)
      m.shifts.push({
        value: e.value,
        startTime: e.startTime,
        hadRecentInput: e.hadRecentInput,
        sources: (e.sources ?? []).map((s) => ({
          node: describe(s.node),
          from: rect(s.previousRect),
          to: rect(s.currentRect),
        })),
      });
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-paint') m.firstPaint = e.startTime;
      if (e.name === 'first-contentful-paint') m.firstContentfulPaint = e.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.largestContentfulPaint = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  addEventListener('pointerover', () => (m.intentAt ??= performance.now()), { capture: true });
  const hydrated = () => {
    if (m.hydratedAt === undefined && document.querySelector('button[data-node-button]'))
      m.hydratedAt = performance.now();
    return m.hydratedAt !== undefined;
  };
  new MutationObserver((_, observer) => hydrated() && observer.disconnect()).observe(document, {
    childList: true,
    subtree: true,
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v: number | undefined) => (v === undefined ? 'n/a' : `${Math.round(v)} ms`);

const server = spawn(
  process.execPath,
  ['scripts/serve-dist.ts', `--port=${port}`, `--dir=${dir}`],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
await new Promise<void>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Serving') && resolve());
  server.on('exit', (code) =>
    reject(
      new Error(`scripts/serve-dist.ts exited with ${code} (is port ${port} free? pass --port=)`),
    ),
  );
});
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

try {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // Files the page's own <script src> pull in, dynamic imports included (the site is served at "/").
  const pageEntries = [...html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g)].map((m) => m[1]!);
  const pageModules = await moduleGraph(pageEntries, fileReader(dir), { dynamic: true });
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .filter((s) => s.trim());
  const measured: Array<{ metrics: PageMetrics; scripts: string[] }> = [];

  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on(
      'request',
      (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname),
    );
    await page.addInitScript(observePage);
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    // A reader's pointer reaches the map once the page has settled.
    await page.waitForLoadState('networkidle');
    await page.locator('.react-flow').hover();
    await page.waitForSelector('button[data-node-button]', { timeout: 60_000 });
    await page.waitForTimeout(SETTLE_MS);
    measured.push({
      metrics: await page.evaluate(() => (window as unknown as { __budget: PageMetrics }).__budget),
      scripts: [...new Set(scripts)],
    });
    await context.close();
  }

  const requested = [...new Set(measured.flatMap((m) => m.scripts))].sort();
  const chunks = requested.map((urlPath) => {
    const file = join(dir, urlPath);
    const data = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    return {
      file: urlPath,
      bytes: data.length,
      gzipBytes: gzipBytes(data),
      loadedBy: pageModules.has(urlPath.slice(1)) ? 'page script' : 'map island',
    };
  });
  const inline = {
    count: inlineScripts.length,
    bytes: Buffer.byteLength(inlineScripts.join('')),
    gzipBytes: gzipBytes(inlineScripts.join('\n')),
  };
  const island = chunks.filter((c) => c.loadedBy === 'map island');
  const totalGzip = chunks.reduce((s, c) => s + c.gzipBytes, 0) + inline.gzipBytes;
  const islandGzip = island.reduce((s, c) => s + c.gzipBytes, 0);
  const cls = measured.map((m) =>
    m.metrics.shifts.filter((s) => !s.hadRecentInput).reduce((s, e) => s + e.value, 0),
  );
  const timing = {
    firstPaintMs: median(measured.map((m) => m.metrics.firstPaint ?? NaN)),
    firstContentfulPaintMs: median(measured.map((m) => m.metrics.firstContentfulPaint ?? NaN)),
    largestContentfulPaintMs: median(measured.map((m) => m.metrics.largestContentfulPaint ?? NaN)),
    /** Pointer on the map → its components are buttons. */
    interactiveAfterIntentMs: median(
      measured.map((m) => (m.metrics.hydratedAt ?? NaN) - (m.metrics.intentAt ?? NaN)),
    ),
  };
  const commit = (() => {
    try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
        encoding: 'utf8',
      }).trim();
      return execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim()
        ? `${head} with uncommitted changes`
        : head;
    } catch {
      return 'unknown';
    }
  })();
  const report = {
    generatedBy: 'scripts/map-budget.ts',
    note: 'Measured on the built site served locally by scripts/serve-dist.ts, in headless Chromium without throttling. Bytes are exact; timings depend on the machine and its load.',
    date: new Date().toISOString(),
    commit,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      chromium: browser.version(),
    },
    page: '/',
    viewport: VIEWPORT,
    runs,
    budget: BUDGET,
    javascript: {
      totalGzipBytes: totalGzip,
      mapIslandGzipBytes: islandGzip,
      inlineScripts: inline,
      chunks,
    },
    layoutShift: {
      cumulative: Math.max(...cls),
      perRun: cls.map((v) => Math.round(v * 10_000) / 10_000),
      watchedUntil: `hydration + ${SETTLE_MS} ms`,
      shifts: measured.flatMap((m, run) => m.metrics.shifts.map((s) => ({ run, ...s }))),
    },
    timing,
    pass: {
      javascript: islandGzip <= BUDGET.jsGzipBytes,
      totalJavascript: totalGzip <= BUDGET.jsGzipBytes,
      layoutShift: Math.max(...cls) <= BUDGET.cls,
    },
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  const rows = [
    [
      'Map island JavaScript (gzip)',
      kb(islandGzip),
      `≤ ${kb(BUDGET.jsGzipBytes)}`,
      report.pass.javascript ? 'yes' : 'no',
    ],
    [
      'All JavaScript on the page (gzip)',
      kb(totalGzip),
      `≤ ${kb(BUDGET.jsGzipBytes)}`,
      report.pass.totalJavascript ? 'yes' : 'no',
    ],
    [
      'Layout shift until hydrated + 1.5 s (CLS)',
      report.layoutShift.cumulative.toFixed(4),
      '0',
      report.pass.layoutShift ? 'yes' : 'no',
    ],
    ['First paint (median)', ms(timing.firstPaintMs), '', ''],
    ['First contentful paint (median)', ms(timing.firstContentfulPaintMs), '', ''],
    ['Largest contentful paint (median)', ms(timing.largestContentfulPaintMs), '', ''],
    ['Pointer on the map → interactive (median)', ms(timing.interactiveAfterIntentMs), '', ''],
  ];
  console.log(
    `\nHome page map budget (${runs} runs, ${report.machine.cores} cores, Chromium ${report.machine.chromium}, commit ${commit}):\n`,
  );
  console.log('| Measure | Value | Budget | Within |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('\n| Chunk | Loaded by | Raw | gzip |\n|---|---|---|---|');
  for (const c of [...chunks].sort((a, b) => b.gzipBytes - a.gzipBytes))
    console.log(
      `| \`${posix.basename(c.file)}\` | ${c.loadedBy} | ${kb(c.bytes)} | ${kb(c.gzipBytes)} |`,
    );
  console.log(
    `| ${inline.count} inline scripts | page | ${kb(inline.bytes)} | ${kb(inline.gzipBytes)} |`,
  );
  if (report.layoutShift.shifts.length) {
    console.log('\nLayout shifts:');
    for (const s of report.layoutShift.shifts)
      console.log(
        `  run ${s.run} at ${Math.round(s.startTime)} ms: ${s.value.toFixed(4)} — ${s.sources.map((x) => `${x.node} ${x.from} → ${x.to}`).join('; ')}`,
      );
  }
  console.log(`\nWrote ${out}`);
} finally {
  await browser.close();
  server.kill();
}
