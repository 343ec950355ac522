// `npm run audit`: every quality gate over a production build, one after another, then a summary.
// Gates: page weight, HTML validity, Content-Security-Policy and third-party loads, links (external
// ones listed, not fetched), npm audit of production dependencies, Lighthouse. A failing gate does
// not stop the others; the exit code is non-zero if any failed.
//   npm run audit [-- --skip-build] [-- --skip-lighthouse]
import { spawnSync } from 'node:child_process';
import { parseCommandLine } from '../lib/cli.ts';

const { values } = parseCommandLine({
  command: 'npm run audit --',
  summary: 'Every quality gate over a production build, one after another, then a summary.',
  options: {
    'skip-build': { type: 'boolean', help: 'audit the build already in dist' },
    'skip-lighthouse': { type: 'boolean', help: 'leave out Lighthouse (the slowest gate)' },
  },
});

const gates: { name: string; command: string; skip?: boolean }[] = [
  { name: 'build', command: 'npx astro build', skip: values['skip-build'] },
  {
    name: 'page weight',
    command: 'node scripts/audit/page-weight.ts --table --report=reports/page-weight.json',
  },
  { name: 'HTML validity', command: `npx html-validate ${process.env['OUT_DIR'] ?? 'dist'}` },
  { name: 'CSP and third-party loads', command: 'node scripts/audit/csp.ts' },
  { name: 'links', command: 'node scripts/audit/links.ts' },
  { name: 'npm audit (production)', command: 'node scripts/audit/npm-audit.ts' },
  {
    name: 'Lighthouse',
    command: 'node scripts/audit/lighthouse.ts',
    skip: values['skip-lighthouse'],
  },
];

const results: { name: string; outcome: string }[] = [];
for (const gate of gates) {
  if (gate.skip) {
    results.push({ name: gate.name, outcome: 'skipped' });
    continue;
  }
  console.log(`\n=== ${gate.name}: ${gate.command}`);
  const started = Date.now();
  const { status } = spawnSync(gate.command, { shell: true, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({
    name: gate.name,
    outcome: status === 0 ? `ok (${seconds} s)` : `FAILED (exit ${status}, ${seconds} s)`,
  });
  if (gate.name === 'build' && status !== 0) break; // nothing to audit
}
console.log('\n=== audit summary');
for (const r of results) console.log(`${r.name.padEnd(28)} ${r.outcome}`);
process.exit(results.some((r) => r.outcome.startsWith('FAILED')) ? 1 : 0);
