// ESLint over the project's TypeScript, with type information (typescript-eslint's project
// service reads tsconfig.json). Astro files are type-checked by `astro check` instead.
// Run with `npm run lint`; `npm run format` applies Prettier (.prettierrc.json, .prettierignore).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Modules that must never reach a browser bundle: schema validation and YAML parsing run at
// build time, and node: built-ins do not exist in the browser.
const SERVER_ONLY = [
  {
    name: 'zod',
    message: 'zod runs at build time only: validate in src/data or src/lib, pass plain props.',
  },
  { name: 'yaml', message: 'YAML is parsed at build time only: pass plain props to the island.' },
];
const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'node: built-ins do not exist in the browser.',
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      '.cache/',
      '.miniature/',
      'node_modules/',
      'test-results/',
      'content/',
      'src/lib/config/upstream/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // Off by decision: nearly every async function without an await implements an async
      // interface (SchemaSource.refresh, the config Validator type, bench engines, test fakes).
      // `async` there is what turns a thrown error into a rejected promise, so callers' catch and
      // Promise.all handling see every failure the same way; removing it to satisfy the rule would
      // make those failures throw synchronously instead, a change in behaviour.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/components/**/*.tsx', 'src/scripts/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: SERVER_ONLY, patterns: [NODE_BUILTINS] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
