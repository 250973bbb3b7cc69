// npx tsx bench/live.ts [--changes 40]
// What live case progress costs (issue 16): a citizen follows their cases while they submit new ones, over one
// cases department and over cases partitioned into Beijing, Guangdong and national instances. Per deployment,
// medians over the changes: the same read as a plain query, the submission, and when the event arrives,
// counted from the submission's answer (the event is published once the change is committed, before that
// answer is sent, and then read again through the graph). Ratios are against the plain read.
import { parseArgs } from 'node:util';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform } from '../tests/helpers/platform.js';
import { subscribe } from '../tests/helpers/live.js';
import { bearer } from '../tests/helpers/tokens.js';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '40' } } });
const changes = Number(values.changes);
const alice = personAt(7, 0);
const SELECTION = '{ id status item { name } events { status } }';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const implementation = sampleImplementations(7).find((i) => i.itemCode === 'JF-040003-001' && i.regionCode.startsWith('44'))!;
const input = {
  itemCode: implementation.itemCode,
  implementationCode: implementation.code,
  applicantKind: 'PERSON',
  applicantId: alice.id,
  channel: 'WEB_PORTAL',
};

const rows: string[] = [];
for (const [name, partitioned] of [
  ['one cases department', undefined],
  ['cases in 11, 44, national', { cases: ['11', '44'] as const }],
] as const) {
  const platform = await startPlatform({}, { partitioned });
  const headers = await bearer({ role: 'CITIZEN', subject: alice.id });
  const follower = subscribe(platform.gateway.url, `subscription { caseProgress ${SELECTION} }`, {}, headers);
  await new Promise((r) => setTimeout(r, 500));
  const read: number[] = [];
  const submit: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < changes; i++) {
    const seen = follower.events.length;
    const sent = performance.now();
    const res = await platform.query(`mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ... on Case { id } } }`, { input }, headers);
    const answered = performance.now();
    await follower.next(seen + 1);
    event.push(performance.now() - answered);
    submit.push(answered - sent);
    const started = performance.now();
    await platform.query(`query($id: ID!) { case(id: $id) ${SELECTION} }`, { id: res.data!.submitCase.id }, headers);
    read.push(performance.now() - started);
  }
  follower.close();
  await platform.close();
  const [r, s, e] = [median(read), median(submit), median(event)];
  rows.push(`| ${name} | ${r.toFixed(1)} | ${s.toFixed(1)} | ${e.toFixed(1)} | ${(e / r).toFixed(2)} |`);
}
process.stdout.write(
  `${changes} changes per deployment, medians in ms\n\n| deployment | read (query) | submit | event after submit's answer | event / read |\n|---|---|---|---|---|\n${rows.join('\n')}\n`,
);
process.exit(0);
