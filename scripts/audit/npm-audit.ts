// npm audit of the production dependencies (what the built site is made from): fails on high or
// critical advisories. Needs the npm registry's audit endpoint; says so when it cannot reach it.
//   node scripts/audit/npm-audit.ts
import { spawnSync } from 'node:child_process';
import { summarizeNpmAudit, type NpmAuditJson } from '../../src/lib/audit/npm-audit.ts';
import { finish } from '../lib/audit/cli.ts';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  encoding: 'utf8',
  timeout: 120_000,
});
let json: NpmAuditJson;
try {
  json = JSON.parse(run.stdout) as NpmAuditJson;
} catch {
  json = {
    error: {
      summary: (run.stderr || run.error?.message || 'no output').trim().split('\n')[0] ?? '',
    },
  };
}
const summary = summarizeNpmAudit(json);
if (summary.unavailable) {
  console.warn(`npm audit: NOT RUN. ${summary.unavailable}`);
  process.exit(process.argv.includes('--require') ? 1 : 0);
}
for (const line of summary.findings) console.log(`  ${line}`);
const counts = Object.entries(summary.counts)
  .map(([s, n]) => `${n} ${s}`)
  .join(', ');
finish(
  'npm audit',
  summary.problems,
  `${summary.dependencies ?? '?'} production dependencies: ${counts}`,
);
