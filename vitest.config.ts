import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node (and tsx) load graphql's CommonJS build, as Apollo does; Vite would pick the ESM one
  // and two copies of graphql refuse each other's schemas. One realm, like production.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    include: [
      'platform/**/*.test.ts',
      'reference/**/*.test.ts',
      'samples/**/*.test.ts',
      'gateway/**/*.test.ts',
      'schema/**/*.test.ts',
      'subgraphs/**/*.test.ts',
      'tests/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // no cloud metadata probing by OpenTelemetry's GCP detector (there is no network here)
    env: { GOVGRAPH_LOG: 'silent', METADATA_SERVER_DETECTION: 'none' },
    setupFiles: ['tests/helpers/keys.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // two cores: files in parallel, each test starting its own departments on port 0
    maxWorkers: 2,
  },
});
