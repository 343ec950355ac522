// Lighthouse over the built site: the map, a chapter, the configs index, the benchmarks page, the
// Well-Architected matrix and the readiness page, as a phone and as a desktop, three runs each (the median counts: the
// machines are noisy). Writes reports/lighthouse.json with the load average, prints a Markdown
// table, and exits non-zero when a median misses its target (see src/lib/audit/lighthouse.ts).
//   node scripts/audit/lighthouse.ts [--dir=dist] [--runs=3] [--pages=/,/data-storage/] [--report=reports/lighthouse.json]
// Run it on a quiet machine: scores taken while other work competes for the CPU mean little.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import {
  checkTargets,
  formatScoreTable,
  summarizeRuns,
  targetFor,
  type FormFactor,
  type LighthouseResult,
  type PageAudit,
} from '../../src/lib/audit/lighthouse.ts';
import { finish, parseAuditCommand, writeReport } from '../lib/audit/cli.ts';
import { startStaticServer } from '../lib/static-server.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { lighthouseChrome, lighthouseFlags, runLighthouse } from '../lib/audit/run-lighthouse.ts';

const DEFAULT_PAGES = [
  routes.home(),
  routes.chapter('data-storage'),
  routes.configs(),
  routes.benchmarks(),
  routes.wellArchitected(),
  routes.lens('financial-services'),
  routes.readiness(),
];
const FORM_FACTORS: FormFactor[] = ['mobile', 'desktop'];

const options = parseAuditCommand(
  'node scripts/audit/lighthouse.ts',
  'Lighthouse over the built site, as a phone and as a desktop; the median of the runs counts.',
  {
    runs: { type: 'string', default: '3', help: 'runs per page and form factor (default 3)' },
    pages: {
      type: 'string',
      default: DEFAULT_PAGES.join(','),
      help: `pages, comma-separated (default ${DEFAULT_PAGES.join(',')})`,
    },
    report: {
      type: 'string',
      default: 'reports/lighthouse.json',
      help: 'report file (default reports/lighthouse.json)',
    },
  },
);
const { dir, base } = options;
const runs = Number(options.runs);
const paths = options.pages.split(',');
const reportFile = options.report;
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`lighthouse: ${dir}/index.html not found; build the site first (npm run build)`);
  process.exit(2);
}

/** The load average rounded for the report: 1, 5 and 15 minutes. */
const load = () => loadavg().map((n) => Math.round(n * 100) / 100);
const loadBefore = load();
const server = await startStaticServer(dir, base);
const audits: PageAudit[] = [];
const skipped: { path: string; reason: string }[] = [];
let version = '';
try {
  for (const path of paths) {
    const url = `${server.origin}${base}${path.replace(/^\//, '')}`;
    const status = (await fetch(url)).status;
    if (status !== 200) {
      skipped.push({
        path,
        reason: `${url} answered ${status}: the page does not exist in this build yet`,
      });
      console.warn(`lighthouse: skipping ${path} (HTTP ${status}; not in this build yet)`);
      continue;
    }
    for (const formFactor of FORM_FACTORS) {
      const results: LighthouseResult[] = [];
      for (let i = 1; i <= runs; i++) {
        process.stdout.write(`lighthouse: ${path} ${formFactor} run ${i}/${runs}… `);
        const lhr = await runLighthouse(url, formFactor);
        version = lhr.lighthouseVersion;
        results.push(lhr);
        const s = summarizeRuns(path, formFactor, [lhr]).median;
        console.log(`${s.performance} / ${s.accessibility} / ${s['best-practices']} / ${s.seo}`);
      }
      audits.push(summarizeRuns(path, formFactor, results));
    }
  }
} finally {
  await server.close();
}

const problems = checkTargets(audits);
const table = formatScoreTable(audits);
const chromium = (() => {
  try {
    return execFileSync(lighthouseChrome, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return lighthouseChrome;
  }
})();
writeReport(reportFile, {
  generatedBy: 'scripts/audit/lighthouse.ts',
  date: new Date().toISOString(),
  lighthouse: version,
  chromium,
  chromeFlags: lighthouseFlags,
  node: process.version,
  machine: {
    cpus: availableParallelism(),
    loadAverageBefore: loadBefore,
    loadAverageAfter: load(),
    note: 'Load average over 1, 5 and 15 minutes. Performance scores taken while the load exceeds the CPU count are not comparable.',
  },
  runsPerPage: runs,
  scoring:
    'median of the runs per category; mobile uses Lighthouse defaults (simulated slow 4G, 4x CPU slowdown), desktop uses --preset=desktop',
  targets: Object.fromEntries(
    paths.map((p) => [
      p,
      {
        performance: targetFor('performance', p),
        accessibility: 100,
        'best-practices': 100,
        seo: 100,
      },
    ]),
  ),
  pages: audits,
  skipped,
  problems,
  table,
});
console.log(`\n${table}\n`);
console.log(
  `load average before ${loadBefore.join(', ')}, after ${load().join(', ')} on ${availableParallelism()} CPUs; wrote ${reportFile}`,
);
finish(
  'lighthouse',
  problems,
  `every median meets its target (${audits.length} page × form-factor combinations, ${runs} runs each)`,
);
