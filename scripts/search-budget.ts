// Measure search against its budget: the Pagefind bundle on disk, the script every page loads,
// the bytes a first search downloads and the time to the first result (cold and warm), in
// Debian's Chromium. Times depend on the machine: the load average is printed with them.
//   node scripts/serve-dist.ts --port=4400 &   (or any server of the build)
//   node scripts/search-budget.ts [--url=http://127.0.0.1:4400/] [--dir=dist] [--runs=5] [--page=chapters/]
// Exits 1 when a figure is over SEARCH_BUDGET (src/lib/search/budget.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../src/lib/browser/chromium.ts';
import { parseCommandLine } from './lib/cli.ts';
import {
  SEARCH_BUDGET,
  findBudgetOverruns,
  summariseBundle,
  type BundleFile,
} from '../src/lib/search/budget.ts';
import { formatBytes, formatDuration } from '../src/lib/benchmark/format.ts';
import { summariseRuns } from '../src/lib/benchmark/stats.ts';

const { values } = parseCommandLine({
  command: 'node scripts/search-budget.ts',
  summary:
    'Measure search against its budget (bundle, bytes of a first search, time to first result) on a served build.',
  options: {
    url: {
      type: 'string',
      default: 'http://127.0.0.1:4400/',
      help: 'where the build is served (default http://127.0.0.1:4400/)',
    },
    dir: {
      type: 'string',
      default: process.env.OUT_DIR ?? 'dist',
      help: 'build folder (default OUT_DIR or dist)',
    },
    runs: { type: 'string', default: '5', help: 'searches per query (default 5)' },
    page: { type: 'string', default: 'chapters/', help: 'page to search from (default chapters/)' },
  },
});
const url = values.url.replace(/\/?$/, '/');
const dir = values.dir;
const runs = Number(values.runs);
const pagePath = values.page;
const QUERIES = [
  'late events',
  'small files',
  'Debezium',
  'row-level security',
  'medallion',
  'Terraform state',
];

/** Every file under `root`, with its size on disk and gzipped. */
function listFiles(root: string): BundleFile[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => {
      const content = readFileSync(path);
      return {
        path: relative(root, path),
        bytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
      };
    });
}

// 1. On disk.
const bundle = summariseBundle(listFiles(join(dir, 'pagefind')));
const astroJs = listFiles(join(dir, '_astro')).filter((f) => f.path.endsWith('.js'));
const buttonScript = astroJs.find((f) =>
  readFileSync(join(dir, '_astro', f.path), 'utf8').includes('data-search-open'),
);
const dialogScript = astroJs.find((f) => /search-dialog/.test(f.path));
if (!buttonScript || !dialogScript)
  throw new Error(
    `No search scripts found in ${dir}/_astro: build the site first (npx astro build).`,
  );

// 2. In the browser: open search with a query on a cold cache, then type a second query.
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const cold: number[] = [];
const warm: number[] = [];
const transferred: number[] = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  await page.goto(`${url}${pagePath}`, { waitUntil: 'load' });
  page.on('requestfinished', (r) =>
    sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
  );
  const [first, second] = [QUERIES[i % QUERIES.length]!, QUERIES[(i + 1) % QUERIES.length]!];
  /** Type `query` (opening search if needed) and resolve with the ms until the results list first gains an element. */
  const timeTo = (query: string) =>
    page.evaluate((query) => {
      const button = document.querySelector<HTMLButtonElement>('[data-search-open]')!;
      const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]')!;
      const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
      const list = dialog.querySelector('[data-search-results]')!;
      return new Promise<number>((resolve) => {
        const start = performance.now();
        const observer = new MutationObserver((records) => {
          if (records.some((r) => [...r.addedNodes].some((n) => n instanceof Element))) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(list, { childList: true });
        if (!dialog.open) button.click();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }, query);
  const status = page.getByRole('dialog', { name: 'Search the blueprint' }).getByRole('status');
  cold.push(await timeTo(first));
  // Count the bytes once the whole first page of results is on screen (its status is announced).
  await status.filter({ hasText: `for “${first}”` }).waitFor();
  transferred.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0));
  warm.push(await timeTo(second));
  await status.filter({ hasText: `for “${second}”` }).waitFor();
  await context.close();
}
await browser.close();

// 3. Report.
const coldRuns = summariseRuns(cold);
const warmRuns = summariseRuns(warm);
const bytesRuns = summariseRuns(transferred);
const row = (label: string, value: string) =>
  console.log(`| ${label.padEnd(44)} | ${value.padEnd(34)} |`);
console.log(
  `Search budget for ${url}${pagePath} (build in ${dir}), ${runs} runs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on this machine\n`,
);
row('figure', 'measured');
row('---', '---');
row(
  'Pagefind bundle on disk (all files)',
  `${formatBytes(bundle.all.bytes)} in ${bundle.all.files} files`,
);
for (const part of ['loader', 'wasm', 'meta', 'index', 'fragments', 'filters', 'ui'] as const) {
  row(
    `  ${part}${part === 'ui' ? " (Pagefind's own UI, never loaded)" : ''}`,
    `${formatBytes(bundle[part].bytes)} in ${bundle[part].files} files`,
  );
}
row(
  'Script on every page (button, shortcuts)',
  `${formatBytes(buttonScript.gzipBytes)} gzip (${formatBytes(buttonScript.bytes)} raw)`,
);
row(
  'Dialog script (loaded on open)',
  `${formatBytes(dialogScript.gzipBytes)} gzip (${formatBytes(dialogScript.bytes)} raw)`,
);
row(
  'Transferred for the first search (median)',
  `${formatBytes(bytesRuns.median)} (max ${formatBytes(bytesRuns.max)})`,
);
row(
  'Time to first result, cold (median)',
  `${formatDuration(coldRuns.median)} (min ${formatDuration(coldRuns.min)}, max ${formatDuration(coldRuns.max)})`,
);
row(
  'Time to first result, warm (median)',
  `${formatDuration(warmRuns.median)} (min ${formatDuration(warmRuns.min)}, max ${formatDuration(warmRuns.max)})`,
);

const overruns = findBudgetOverruns({
  buttonScriptGzip: buttonScript.gzipBytes,
  firstSearchBytes: bytesRuns.median,
  coldFirstResultMs: coldRuns.median,
  warmFirstResultMs: warmRuns.median,
});
console.log(
  overruns.length
    ? `\nOver budget:\n${overruns.map((o) => `  ${o}`).join('\n')}`
    : `\nWithin budget (${JSON.stringify(SEARCH_BUDGET)}).`,
);
process.exitCode = overruns.length ? 1 : 0;
