import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The per-user cache in a temporary folder (test/setup.ts).
    setupFiles: ['test/setup.ts'],
    // The build, once before all tests (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // Some tests spawn node processes (CLI, kill loop); the CI machine has 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Four test files at once on 2 cores: most tests wait for a child process (the CLI, a pty), not the CPU
    // (the whole suite: 89 s with two, 44 s with four). Tests wait for what they expect to see, with generous timeouts.
    maxWorkers: 4,
    // No colours or terminal-dependent output in child processes.
    // Reports and status lines show local time: fix the zone so golden files do not depend on the machine.
    env: { NO_COLOR: '1', FORCE_COLOR: '0', TZ: 'Europe/Amsterdam' },
  },
});
