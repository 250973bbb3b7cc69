import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeForeignPermanentResidenceId, makeResidencePermitId, residentIdKind } from '../platform/identifiers/index.js';
import { residenceCounties } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { registeredAgencies } from '../reference/agencies.js';

/**
 * Identity numbers as issued: a Taiwan resident's residence permit (830000…)
 * and a foreigner's 2023 permanent residence card (9…) are identity numbers
 * like a resident identity card's. Their holders can use the graph, and
 * everyone else sees them masked, as for any identity number.
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

// written out, so that this file also runs (and fails) against code that does not know the kinds
const TAIWAN_RESIDENT = '830000199003070211'; // Taiwan, born 1990-03-07, sequence 021 (a man)
const FOREIGNER = '931840198001010121'; // issued in Shanghai (31), nationality 840, born 1980-01-01, sequence 012 (a woman)
const HOLDERS = [
  ['a Taiwan resident (residence permit 830000…)', TAIWAN_RESIDENT],
  ['a foreigner (2023 permanent residence card 9…)', FOREIGNER],
] as const;

const county = residenceCounties()[0]!;
const REGISTER = 'mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id appellant { id } } }';
const READ = 'query($id: ID!) { appeal(id: $id) { id text appellant { id } } }';
const LIST = 'query($a: ResidentId) { appeals(appellant: $a, first: 10) { nodes { id appellant { id } } } }';
const input = (appellant?: string) => ({
  kind: 'CONSULTATION',
  category: 'HEALTH',
  text: '居住证办理医保需要哪些材料？',
  region: county.code,
  channel: 'HOTLINE',
  appellant,
});
const officer = async (scopes: string[]) => ({
  ...(await bearer({ role: 'OFFICER', subject: 'officer-ids', department: registeredAgencies()[0]!.code, scopes })),
  'x-purpose': 'appeal call-back',
});
const masked = (id: string) => `${id.slice(0, 6)}************`;

describe.each(HOLDERS)('%s', (_, holder) => {
  let appealId: string;
  beforeAll(async () => {
    const registered = await platform.query(REGISTER, { input: input(holder) }, await bearer({ role: 'CITIZEN', subject: holder }));
    expect(registered.errors).toBeUndefined();
    appealId = registered.data!.registerAppeal.id;
  });

  it('is an identity number of its kind', () => {
    expect(residentIdKind(holder)).toBe(holder.startsWith('9') ? 'FOREIGN_PERMANENT_RESIDENCE_CARD' : 'HK_MACAO_TAIWAN_RESIDENCE_PERMIT');
    expect([makeResidencePermitId('TAIWAN', '19900307', 21), makeForeignPermanentResidenceId('310000', '840', '19800101', 12)]).toContain(holder);
  });

  it('signs in as a citizen, registers an appeal for themselves and reads it back in full', async () => {
    const own = await platform.query(READ, { id: appealId }, await bearer({ role: 'CITIZEN', subject: holder }));
    expect(own.errors).toBeUndefined();
    expect(own.data!.appeal.appellant.id).toBe(holder);
  });

  it('is masked for an officer on duty without the unmask scope, and shown to one with it', async () => {
    const reader = await platform.query(READ, { id: appealId }, await officer(['appeals:read']));
    expect(reader.errors).toBeUndefined();
    expect(reader.data!.appeal.appellant.id).toBe(masked(holder));
    expect(JSON.stringify(reader)).not.toContain(holder);
    const unmasking = await platform.query(READ, { id: appealId }, await officer(['appeals:read', 'appeals:unmask']));
    expect(unmasking.data!.appeal.appellant.id).toBe(holder);
  });

  it('is masked in a list too, wherever the number appears', async () => {
    const list = await platform.query(LIST, { a: holder }, await officer(['appeals:read']));
    expect(list.errors).toBeUndefined();
    expect(list.data!.appeals.nodes.map((n: { appellant: { id: string } }) => n.appellant.id)).toEqual([masked(holder)]);
    expect(JSON.stringify(list)).not.toContain(holder);
  });

  it("refuses another citizen the holder's appeal", async () => {
    const other = holder === FOREIGNER ? TAIWAN_RESIDENT : FOREIGNER;
    const res = await platform.query(READ, { id: appealId }, await bearer({ role: 'CITIZEN', subject: other }));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res)).not.toContain(holder);
  });

  it("records the officer's read as a read of a person's data, which the holder sees in the data tracker", async () => {
    await platform.departments.appeals!.delivery!.flush();
    const mine = await platform.query('{ myDataAccesses { nodes { department purpose callerRole } } }', {}, await bearer({ role: 'CITIZEN', subject: holder }));
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myDataAccesses.nodes).toContainEqual({ department: 'appeals', purpose: 'appeal call-back', callerRole: 'OFFICER' });
  });
});

describe('malformed numbers of the new kinds are refused with the precise reason, before any department is called', () => {
  it.each([
    ['830101199003070213', 'a number starting with 83 is a residence permit for Taiwan residents and must start with 830000, got 830101'],
    ['931156198001010118', "nationality code 156 (China) cannot be on a foreigner's permanent residence card; a citizen's number starts with 1–8"],
    [`${FOREIGNER.slice(0, 17)}${FOREIGNER.endsWith('0') ? '1' : '0'}`, /check character should be /],
  ])('%s', async (value, reason) => {
    platform.resetSql();
    const res = await platform.query(LIST, { a: value }, await officer(['appeals:read']));
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(reason);
    expect(res.errors?.[0]?.message).not.toContain(value);
    expect(platform.sqlCount()).toBe(0);
  });
});
