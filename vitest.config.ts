import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Files share worker processes: no test mocks modules or leaves process state changed (the
    // date test sets TZ and restores it), and a fresh process per file cost ~40 s of the 70 s run
    // in module imports.
    isolate: false,
    testTimeout: 120_000,
  },
});
