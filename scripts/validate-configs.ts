// Validate the reference configs under content/configs with the same code the build uses.
//   node scripts/validate-configs.ts --all
//   node scripts/validate-configs.ts --files=content/configs/orchestration/dags/orders.py,...
//   add --verbose to see how each file was checked; --require-tools (or CONFIGS_REQUIRE_TOOLS=1)
//   turns "not checked offline" into a failure, for CI machines that have every tool.
import { formatReport } from '../src/lib/config/format-report.ts';
import { validateConfigs } from '../src/lib/config/validate-configs.ts';

const args = process.argv.slice(2);
const filesArg = args.find((a) => a.startsWith('--files='));
const unknown = args.filter((a) => !['--all', '--verbose', '--require-tools'].includes(a) && !a.startsWith('--files='));
if (unknown.length || (!filesArg && !args.includes('--all'))) {
  console.error('usage: node scripts/validate-configs.ts --all | --files=<a,b,...> [--verbose] [--require-tools]');
  process.exit(2);
}
const report = await validateConfigs({
  ...(filesArg ? { files: filesArg.slice('--files='.length).split(',').filter(Boolean) } : {}),
  requireTools: args.includes('--require-tools') || process.env['CONFIGS_REQUIRE_TOOLS'] === '1',
});
const { lines, ok } = formatReport(report, args.includes('--verbose'));
(ok ? console.log : console.error)(lines.join('\n'));
process.exit(ok ? 0 : 1);
