import { describe, expect, test } from 'vitest';
import {
  findActionInputProblems,
  refMatches,
  type ActionInputs,
} from '../../../src/lib/config/action-inputs.ts';

const login = (overrides: Partial<ActionInputs> = {}): ActionInputs => ({
  action: 'docker/login-action',
  ref: 'v4.1.0',
  commit: '4907a6ddec9925e35a0a9e82d7399ccc52663121',
  inputs: {
    registry: { required: false, hasDefault: false },
    username: { required: false, hasDefault: false },
  },
  ...overrides,
});

const workflow = (uses: string, withBlock = '          registry: ghcr.io') =>
  [
    'on: push',
    'jobs:',
    '  push:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    `      - uses: ${uses}`,
    '        with:',
    withBlock,
  ].join('\n');

describe('action inputs', () => {
  test('a pin matches the recorded release by exact tag, by its major tag or by its commit SHA only', () => {
    expect(refMatches('v4.1.0', login())).toBe(true);
    expect(refMatches('v4', login())).toBe(true);
    expect(refMatches('4907a6ddec9925e35a0a9e82d7399ccc52663121', login())).toBe(true);
    expect(refMatches('v3', login())).toBe(false);
    expect(refMatches('0000000000000000000000000000000000000000', login())).toBe(false);
  });

  test('rejects an input the action does not declare, naming the nearest one and the line', () => {
    const known = new Map([['docker/login-action', login()]]);
    expect(
      findActionInputProblems(
        'w.yml',
        workflow('docker/login-action@v4', '          regsitry: ghcr.io'),
        known,
      ),
    ).toEqual({
      problems: [
        {
          file: 'w.yml',
          line: 8,
          message:
            'input "regsitry" is not an input of docker/login-action v4.1.0; nearest input: "registry"',
        },
      ],
      unchecked: [],
    });
  });

  test('reports a required input without a default that the step leaves out', () => {
    const known = new Map([
      [
        'docker/login-action',
        login({
          inputs: {
            registry: { required: false, hasDefault: false },
            password: { required: true, hasDefault: false },
          },
        }),
      ],
    ]);
    expect(
      findActionInputProblems('w.yml', workflow('docker/login-action@v4'), known).problems,
    ).toEqual([
      {
        file: 'w.yml',
        line: 6,
        message:
          'docker/login-action v4.1.0 requires input "password", which this step does not set',
      },
    ]);
  });

  test('lists a step pinned to another release or an unknown action as not checked instead of passing it', () => {
    const known = new Map([['docker/login-action', login()]]);
    expect(
      findActionInputProblems(
        'w.yml',
        workflow('docker/login-action@v3', '          anything: 1'),
        known,
      ),
    ).toEqual({ problems: [], unchecked: ['docker/login-action@v3'] });
    expect(
      findActionInputProblems('w.yml', workflow('acme/deploy@v1', '          anything: 1'), known)
        .unchecked,
    ).toEqual(['acme/deploy@v1']);
  });
});
