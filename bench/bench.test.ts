// The bench harness in `npm test`: a smoke run on a tiny dataset (50 people), about a second per
// measurement. Timings are never asserted: only that every target answers every query, with the
// same data, and that the tables are filled.
import { describe, expect, it } from 'vitest';
import { runBench } from './run.js';
import { renderMarkdown } from './report.js';

describe('bench (smoke)', () => {
  it(
    'runs every query on our gateway, Hive Gateway and the in-process floor, and they agree',
    async () => {
      const lines: string[] = [];
      const result = await runBench({ smoke: true, resultsDir: null, log: (line) => lines.push(line) });
      const report = renderMarkdown(result);
      // on failure, the whole report says why
      expect(result.failures, report).toEqual([]);
      expect(result.queries.length).toBeGreaterThanOrEqual(4);
      for (const query of result.queries) {
        expect(query.check.ok, `${query.name}: ${query.check.problems.join('; ')}`).toBe(true);
        expect(query.targets.map((t) => t.target)).toEqual(['a', 'b', 'c']);
        for (const target of query.targets) expect(target.runs).toHaveLength(result.options.connections.length);
      }
      expect(report).toContain('| (a)/(b) |');
    },
    // starting nine processes on a busy two-core machine takes most of this
    360_000,
  );
});
