// Validate the reference configs under content/configs with the same code the build uses.
//   node scripts/validate-configs.ts --all
//   node scripts/validate-configs.ts --files=content/configs/orchestration/dags/orders.py,...
//   add --verbose to see how each file was checked; --require-tools (or CONFIGS_REQUIRE_TOOLS=1)
//   turns "not checked offline" into a failure, for CI machines that have every tool.
import { formatReport } from '../src/lib/config/format-report.ts';
import { validateConfigs } from '../src/lib/config/validate-configs.ts';
import { parseCommandLine, usage } from './lib/cli.ts';

const spec = {
  command: 'node scripts/validate-configs.ts',
  summary:
    'Validate the reference configs under content/configs with the checks the build runs. Give --all or --files.',
  options: {
    all: { type: 'boolean', help: 'every config folder' },
    files: { type: 'string', help: 'only these files, comma-separated (content/configs/<id>/...)' },
    verbose: { type: 'boolean', help: 'say how each file was checked' },
    'require-tools': {
      type: 'boolean',
      help: 'fail on "not checked offline" (also CONFIGS_REQUIRE_TOOLS=1), for machines with every tool',
    },
  },
} as const;
const { values } = parseCommandLine(spec);
if (!values.files && !values.all) {
  console.error(
    `node scripts/validate-configs.ts: give --all or --files=<a,b,...>\n\n${usage(spec)}`,
  );
  process.exit(2);
}
const report = await validateConfigs({
  ...(values.files ? { files: values.files.split(',').filter(Boolean) } : {}),
  requireTools: values['require-tools'] || process.env['CONFIGS_REQUIRE_TOOLS'] === '1',
});
const { lines, ok } = formatReport(report, values.verbose);
(ok ? console.log : console.error)(lines.join('\n'));
process.exit(ok ? 0 : 1);
