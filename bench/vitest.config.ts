// Runs bench/bench.test.ts alone (npx vitest run --config bench/vitest.config.ts) until the root
// vitest.config.ts includes 'bench/**/*.test.ts'. Same settings as the root config otherwise.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import root from '../vitest.config.js';

export default defineConfig({
  ...root,
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { ...root.test, include: ['bench/**/*.test.ts'] },
});
