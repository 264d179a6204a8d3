import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once for the tests that start Sift as a process, and checks temp-folder hygiene.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    // Tree-sitter grammar loading and git bundle clones make some suites take seconds; tests that
    // start processes set their own, longer timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time even on a two-core machine, where vitest's default would be one: most of
    // the long tests wait on processes and sockets (servers, Redis, the Action), not on the CPU.
    maxWorkers: 2,
  },
});
