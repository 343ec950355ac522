import { describe, expect, test } from 'vitest';
import { COMPOSE_CANDIDATES, createComposeValidator, detectCompose, findRequiredVariables } from '../../../src/lib/config/validators/compose.ts';
import { runFixtures } from './helpers.ts';

const found = await detectCompose(COMPOSE_CANDIDATES);

describe('compose validator', () => {
  test.runIf(found?.candidate.name === 'docker-compose')('docker-compose 1.x rejects an unknown option and a wrong type, with lines', async () => {
    const { lines, report } = await runFixtures(['compose-bad']);
    expect(report.results[0]!.tools[0]!.name).toBe('docker-compose');
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/compose-bad/compose.yaml:4  services.kafka.ports contains an invalid type, it should be an array (docker-compose config)",
        "tests/fixtures/configs/compose-bad/compose.yaml:8  Unsupported config option for services.minio: 'restart_policy' (docker-compose config)",
      ]
    `);
  });

  test.runIf(found?.candidate.name === 'docker compose')('docker compose v2 rejects an unknown option, with its line', async () => {
    const { report } = await runFixtures(['compose-bad']);
    const problems = report.problems.filter((p) => p.message.includes('restart_policy'));
    expect(problems[0]?.line).toBe(8);
  });

  test('reports "not checked offline" with the reason when no Compose is installed, never a pass', async () => {
    const missing = createComposeValidator([{ name: 'no-compose', command: 'no-such-compose-binary', prefix: [], origin: 'test' }]);
    const { report } = await runFixtures(['compose-bad'], { validators: { compose: missing } });
    expect(report.results[0]!.status).toBe('not-checked');
    expect(report.results[0]!.reason).toMatchInlineSnapshot(`"no Compose here (tried "no-such-compose-binary"); install Debian's docker-compose package"`);
    expect(report.problems).toEqual([]);
  });

  test('turns "not checked" into a problem when tools are required (CI)', async () => {
    const missing = createComposeValidator([{ name: 'no-compose', command: 'no-such-compose-binary', prefix: [], origin: 'test' }]);
    const { lines } = await runFixtures(['compose-bad'], { validators: { compose: missing }, requireTools: true });
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/configs/compose-bad/compose.yaml  not checked: no Compose here (tried "no-such-compose-binary"); install Debian's docker-compose package (tools are required in this run)",
      ]
    `);
  });

  test('finds the variables a file requires with ${VAR:?message}', () => {
    expect(findRequiredVariables('a: ${A:?set A}\nb: ${B:-x}\nc: ${C?}\nd: ${A:?again}')).toEqual(['A', 'C']);
  });
});
