import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // wink's model load dominates start-up; threads share nothing so keep the pool small on 2 cores.
    pool: 'forks',
    testTimeout: 60_000,
    // hooks start whole CLI runs (beforeAll of the check and batch tests): as long as a test may take
    hookTimeout: 60_000,
    // every temporary folder of the run under one folder, removed at the end (tests/temp-root.ts)
    globalSetup: ['tests/temp-root.ts'],
  },
});
