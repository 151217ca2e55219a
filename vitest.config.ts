import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Some tests spawn node processes (CLI, kill loop); the CI machine has 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // No colours or terminal-dependent output in child processes.
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
  },
});
