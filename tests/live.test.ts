import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleImplementations } from '../samples/catalog.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { subscribe } from './helpers/live.js';
import { bearer } from './helpers/tokens.js';

// Live case progress: a subscription at the gateway, served as Server-Sent Events.

const alice = personAt(7, 0);
const bob = personAt(7, 4);
const PROGRESS = 'subscription($id: ID) { caseProgress(id: $id) { id status item { name } events { status } } }';
const SUBMIT = 'mutation($input: SubmitCaseInput!) { submitCase(input: $input) { id } }';
const ACCEPT = 'mutation($id: ID!) { acceptCase(id: $id, channel: SERVICE_HALL) { id status } }';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
}, 120_000);
afterAll(() => platform?.close());

const citizen = (who: { id: string }) => bearer({ role: 'CITIZEN', subject: who.id });
async function submitFor(who: { id: string }): Promise<{ id: string; departmentCode: string }> {
  const implementation = sampleImplementations(7).find((i) => i.itemCode === 'JF-040003-001')!;
  const input = {
    itemCode: implementation.itemCode,
    implementationCode: implementation.code,
    applicantKind: 'PERSON',
    applicantId: who.id,
    channel: 'WEB_PORTAL',
  };
  const res = await platform.query(SUBMIT, { input }, await citizen(who));
  expect(res.errors).toBeUndefined();
  return { id: res.data!.submitCase.id as string, departmentCode: implementation.departmentCode };
}

describe('caseProgress', () => {
  it("tells a citizen each change of their own cases, with other departments' fields, and nobody else's", async () => {
    const own = subscribe(platform.gateway.url, PROGRESS, {}, await citizen(alice));
    const other = subscribe(platform.gateway.url, PROGRESS, {}, await citizen(bob));
    await new Promise((r) => setTimeout(r, 300));
    const submitted = await submitFor(alice);
    const officer = {
      ...(await bearer({ role: 'OFFICER', subject: 'officer-1', department: submitted.departmentCode, scopes: ['cases:read', 'cases:write'] })),
      'x-purpose': `case:${submitted.id}`,
    };
    const accepted = await platform.query(ACCEPT, { id: submitted.id }, officer);
    expect(accepted.errors).toBeUndefined();
    const events = await own.next(2);
    expect(events.map((e) => e.errors)).toEqual([undefined, undefined]);
    expect(events.map((e) => (e.data as any).caseProgress.status)).toEqual(['SUBMITTED', 'ACCEPTED']);
    expect((events[1]!.data as any).caseProgress).toMatchObject({
      id: submitted.id,
      item: { name: expect.any(String) },
      events: [{ status: 'SUBMITTED' }, { status: 'ACCEPTED' }],
    });
    const bobs = await submitFor(bob);
    const seen = await other.next(1);
    expect(seen.map((e) => (e.data as any).caseProgress.id)).toEqual([bobs.id]);
    own.close();
    other.close();
  });
});
