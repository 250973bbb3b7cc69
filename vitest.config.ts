import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['platform/**/*.test.ts', 'gateway/**/*.test.ts', 'subgraphs/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    env: { GOVGRAPH_LOG: 'silent' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // two cores: files in parallel, each test starting its own departments on port 0
    maxWorkers: 2,
  },
});
