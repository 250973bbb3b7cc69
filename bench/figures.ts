// npx tsx bench/figures.ts [--size 5000] [--runs 30]
// What the figures of issue 17 cost against the case figures that existed before them, asked of the country
// (000000) through the gateway over one cases department and over cases partitioned into Beijing, Guangdong and
// national instances: medians in ms, and each as a ratio of the base figures of the same deployment.
import { parseArgs } from 'node:util';
import { startPlatform } from '../tests/helpers/platform.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '5000' }, runs: { type: 'string', default: '30' } } });
const [size, runs] = [Number(values.size), Number(values.runs)];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const window = '(from: "2026-01-01", to: "2026-12-31")';
const QUERIES = {
  'base case figures': `{ region(code: "000000") { caseFigures${window} { total overdue onTimeRate averageWorkingDays agentAssisted } } }`,
  '+ supply parts': `{ region(code: "000000") { caseFigures${window} { total onlineShare fullyOnlineShare visitsPerCase overPromisedVisits tripsSaved } } }`,
  'digital divide (3 breakdowns)': `{ region(code: "000000") { digitalDivide${window} { byAgeBand { groups { group applicants onlineShare } gaps { measure difference } } byResidence { groups { group applicants onlineShare } } byEconomicRegion { groups { group applicants onlineShare } } } } }`,
  'supply first (4 departments)': `{ region(code: "000000") { supplyPlan${window} { unscoredItems items { rank score parts { factor contribution } } } } }`,
};

const rows: string[] = [];
for (const [name, partitioned] of [
  ['one cases department', undefined],
  ['cases, evaluation, appeals in 11, 44, national', { cases: ['11', '44'], evaluation: ['11', '44'], appeals: ['11', '44'] } as const],
] as const) {
  const platform = await startPlatform({}, { partitioned, seed: { size, seed: 7 } });
  const medians: number[] = [];
  for (const query of Object.values(QUERIES)) {
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const started = performance.now();
      const answer = await platform.query(query, {});
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      if (i >= 3) times.push(performance.now() - started);
    }
    medians.push(median(times));
  }
  await platform.close();
  for (const [i, label] of Object.keys(QUERIES).entries()) {
    rows.push(`| ${name} | ${label} | ${medians[i]!.toFixed(1)} | ${(medians[i]! / medians[0]!).toFixed(2)} |`);
  }
}
process.stdout.write(
  `${size} people, ${runs} runs per query after 3 warm-ups, medians in ms\n\n| deployment | figures | median | / base |\n|---|---|---|---|\n${rows.join('\n')}\n`,
);
process.exit(0);
