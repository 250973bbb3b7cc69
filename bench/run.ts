// npm run bench  (package.json: "bench": "tsx bench/run.ts")
// npm run bench -- --smoke | --growth --sizes 10000,1000000 | --profile | --help
import { fileURLToPath } from 'node:url';
import { runBench } from './harness.js';
import { optionsFromArgs } from './options.js';
import { renderMarkdown } from './report.js';

export { runBench } from './harness.js';
export type { BenchOptions } from './options.js';
export type { BenchResult } from './report.js';

async function main(): Promise<void> {
  const result = await runBench(optionsFromArgs(process.argv.slice(2)));
  process.stdout.write(`\n${renderMarkdown(result)}`);
  if (result.files) process.stdout.write(`\nWritten: ${result.files.markdown}\n         ${result.files.json}\n`);
  if (!result.ok) {
    process.stderr.write(`\nbench FAILED:\n${result.failures.map((f) => `  - ${f}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
