// Page-weight budget over a build: HTML, CSS and JavaScript (gzip) per page, against the budgets
// in src/lib/audit/page-weight.ts. Exits non-zero, saying by how much, when a page is over.
//   node scripts/audit/page-weight.ts [--dir=dist] [--base=/] [--report=reports/page-weight.json] [--table] [--summary]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUDGETS,
  MAP_PAGES,
  checkBudget,
  formatKb,
  formatWeightSummary,
  formatWeightTable,
  measurePage,
} from '../../src/lib/audit/page-weight.ts';
import { fileReader, listBuiltFiles } from '../../src/lib/audit/built-site.ts';
import { finish, parseAuditCommand, writeReport } from '../lib/audit/cli.ts';

const { dir, base, ...options } = parseAuditCommand(
  'node scripts/audit/page-weight.ts',
  'Page-weight budget over a build: HTML, CSS and JavaScript (gzip) per page.',
  {
    report: { type: 'string', help: 'write a JSON report here, e.g. reports/page-weight.json' },
    table: { type: 'boolean', help: 'print every page as a Markdown table' },
    summary: { type: 'boolean', help: 'print the summary table the README shows' },
  },
);
const read = fileReader(dir);
const pages = listBuiltFiles(dir).filter((f) => f.endsWith('.html'));
const weights = [];
for (const page of pages)
  weights.push(await measurePage(page, readFileSync(join(dir, page), 'utf8'), read, base));
const problems = weights.flatMap((w) => checkBudget(w));

if (options.table) console.log(`${formatWeightTable(weights)}\n`);
if (options.summary) console.log(`${formatWeightSummary(weights)}\n`);
const report = options.report ?? '';
if (report) {
  writeReport(report, {
    generatedBy: 'scripts/audit/page-weight.ts',
    date: new Date().toISOString(),
    units: 'bytes, gzip',
    budgets: BUDGETS,
    mapPages: MAP_PAGES,
    pages: weights,
    problems,
    summary: formatWeightSummary(weights),
  });
  console.log(`wrote ${report}`);
}
const heaviest = Math.max(0, ...weights.filter((w) => !w.framework).map((w) => w.js));
finish(
  'page weight',
  problems,
  `${weights.length} pages within budget; content pages ship no framework and at most ${formatKb(heaviest)} of script (budget ${formatKb(BUDGETS.content.js)})`,
);
