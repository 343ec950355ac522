// Page-weight budget over a build: HTML, CSS and JavaScript (gzip) per page, against the budgets
// in src/lib/audit/page-weight.ts. Exits non-zero, saying by how much, when a page is over.
//   node scripts/audit/page-weight.ts [--dir=dist] [--base=/] [--report=reports/page-weight.json] [--table] [--summary]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, MAP_PAGES, checkBudget, formatKb, formatWeightSummary, formatWeightTable, measurePage } from '../../src/lib/audit/page-weight.ts';
import { fileReader, listBuiltFiles } from '../../src/lib/audit/built-site.ts';
import { arg, buildTarget, finish, flag, writeReport } from '../lib/audit/cli.ts';

const { dir, base } = buildTarget();
const read = fileReader(dir);
const pages = listBuiltFiles(dir).filter((f) => f.endsWith('.html'));
const weights = [];
for (const page of pages) weights.push(await measurePage(page, readFileSync(join(dir, page), 'utf8'), read, base));
const problems = weights.flatMap((w) => checkBudget(w));

if (flag('table')) console.log(`${formatWeightTable(weights)}\n`);
if (flag('summary')) console.log(`${formatWeightSummary(weights)}\n`);
const report = arg('report', '');
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
finish('page weight', problems, `${weights.length} pages within budget; content pages ship no framework and at most ${formatKb(heaviest)} of script (budget ${formatKb(BUDGETS.content.js)})`);
