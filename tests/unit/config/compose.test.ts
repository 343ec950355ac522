import { describe, expect, test } from 'vitest';
import {
  COMPOSE_CANDIDATES,
  createComposeValidator,
  detectCompose,
  findRequiredVariables,
} from '../../../src/lib/config/validators/compose.ts';
import { runFixtures } from './helpers.ts';

const found = await detectCompose(COMPOSE_CANDIDATES);

describe('compose validator', () => {
  // One test whichever Compose is installed, so nothing is silently skipped: CI installs
  // Debian's docker-compose 1.x; a developer may have Docker's v2 plugin, or none.
  test('the installed Compose rejects an unknown option and a wrong type, with lines', async () => {
    const { lines, report } = await runFixtures(['compose-bad']);
    if (found?.candidate.name === 'docker-compose') {
      expect(report.results[0]!.tools[0]!.name).toBe('docker-compose');
      expect(lines).toMatchInlineSnapshot(`
        [
          "tests/fixtures/configs/compose-bad/compose.yaml:4  services.kafka.ports contains an invalid type, it should be an array (docker-compose config)",
          "tests/fixtures/configs/compose-bad/compose.yaml:8  Unsupported config option for services.minio: 'restart_policy' (docker-compose config)",
        ]
      `);
    } else if (found) {
      expect(report.problems.find((p) => p.message.includes('restart_policy'))?.line).toBe(8);
    } else {
      // No Compose here: CI requires one (CONFIGS_REQUIRE_TOOLS), so this fails there.
      expect(
        process.env.CONFIGS_REQUIRE_TOOLS,
        'no Compose installed: apt-get install docker-compose',
      ).toBeUndefined();
      expect(report.results[0]!.status).toBe('not-checked');
    }
  });

  test('reports "not checked offline" with the reason when no Compose is installed, never a pass', async () => {
    const missing = createComposeValidator([
      { name: 'no-compose', command: 'no-such-compose-binary', prefix: [], origin: 'test' },
    ]);
    const { report } = await runFixtures(['compose-bad'], { validators: { compose: missing } });
    expect(report.results[0]!.status).toBe('not-checked');
    expect(report.results[0]!.reason).toMatchInlineSnapshot(
      `"no Compose here (tried "no-such-compose-binary"); install Debian's docker-compose package"`,
    );
    expect(report.problems).toEqual([]);
  });

  test('turns "not checked" into a problem when tools are required (CI)', async () => {
    const missing = createComposeValidator([
      { name: 'no-compose', command: 'no-such-compose-binary', prefix: [], origin: 'test' },
    ]);
    const { lines } = await runFixtures(['compose-bad'], {
      validators: { compose: missing },
      requireTools: true,
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/compose-bad/compose.yaml  not checked: no Compose here (tried "no-such-compose-binary"); install Debian's docker-compose package (tools are required in this run)",
      ]
    `);
  });

  test('finds the variables a file requires with ${VAR:?message}', () => {
    expect(findRequiredVariables('a: ${A:?set A}\nb: ${B:-x}\nc: ${C?}\nd: ${A:?again}')).toEqual([
      'A',
      'C',
    ]);
  });
});
