import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../platform/context.js';
import { looksLikeResidentId } from '../platform/security/masking.js';
import { registeredAgencies } from '../reference/agencies.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// Trust, part 1: each test is an attack through the gateway (or straight at a department with a
// valid gateway token), and each failed before masking moved to the source.
// The test platform seeds 50 people with seed 7 (platform/testing.ts).
const alice = personAt(7, 0);
const bob = personAt(7, 4);
const nobody = personAt(7, 999); // a valid identity number nobody is registered under
const AGENCY = registeredAgencies()[0]!.code;
const PURPOSE = { 'x-purpose': 'case C20261125000001' };
const officer = async (scopes: string[]) => ({ ...(await bearer({ role: 'OFFICER', subject: 'officer-7', department: AGENCY, scopes })), ...PURPOSE });
const auditor = (scopes: string[] = []) => bearer({ role: 'AUDITOR', subject: 'auditor-1', scopes });
const citizen = (id: string) => bearer({ role: 'CITIZEN', subject: id });

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

/** Every valid identity number in a response, wherever it sits. */
function fullIds(body: unknown): string[] {
  return (JSON.stringify(body).match(/[0-9]{17}[0-9X]/g) ?? []).filter((id) => looksLikeResidentId(id));
}

/** What an attacker can compare between two answers: status, data and error codes and messages. */
const observable = (res: { status: number; data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
  status: res.status,
  data: res.data ?? null,
  errors: res.errors?.map((e) => [e.extensions?.code, e.message]),
});

describe('masking follows the operation that runs', () => {
  const TWO = `query Harmless { regions(first: 1) { nodes { code } } }
    query Person($id: ResidentId!) { person(id: $id) { id phone address household { members { person { id } } } } }`;

  it('masks for an officer without unmask when operationName names the second operation', async () => {
    const res = await post(TWO, { id: alice.id }, await officer(['population:read']), 'Person');
    expect(res.errors).toBeUndefined();
    expect(res.data?.person.id).toBe(`${alice.id.slice(0, 6)}************`);
    expect(res.data?.person.phone ?? '138****0000').toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(res.data?.person.address).toMatch(/\*{4}$/);
    expect(fullIds(res)).toEqual([]);
  });

  it("masks the access log's subjects for an auditor, whichever operation runs", async () => {
    await platform.query('query($id: ResidentId!) { person(id: $id) { name } }', { id: alice.id }, await officer(['population:read']));
    await platform.departments.population!.delivery!.flush();
    const res = await post(
      'query A { regions(first: 1) { nodes { code } } } query B { accessLog(first: 50) { nodes { subjectId } } }',
      {},
      await auditor(),
      'B',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.accessLog.nodes.length).toBeGreaterThan(0);
    expect(fullIds(res)).toEqual([]);
  });
});

describe('masked at the source', () => {
  it('a department itself sends no full identity number to a caller who may not see it', async () => {
    const caller: Caller = { role: 'OFFICER', subject: 'officer-7', department: AGENCY, scopes: ['population:read'] };
    const res = await platform.departments.population!.query(
      'query($id: ResidentId!) { person(id: $id) { id name phone address household { members { person { id } } } } }',
      { id: alice.id },
      { caller, purpose: 'case C1' },
    );
    expect(res.errors).toBeUndefined();
    expect(fullIds(res)).toEqual([]);
    // the key is sealed for the other departments of this request, not readable
    expect(res.data?.person.id).toMatch(/^\d{6}\*{12}~gs1\./);
    expect(res.data?.person.phone ?? '138****0000').toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('still joins departments on a sealed key: certificates and cases of a person for an officer without unmask', async () => {
    const res = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { id name certificates { type holder { ... on Person { id } } } } }',
      { id: alice.id },
      await officer(['population:read', 'certificates:read']),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.person.certificates.length).toBeGreaterThan(0);
    expect(fullIds(res)).toEqual([]);
    expect(JSON.stringify(res)).not.toContain('~gs1.');
  });

  it('refuses a sealed key altered or carried into another request', async () => {
    const caller: Caller = { role: 'OFFICER', subject: 'officer-7', department: AGENCY, scopes: ['population:read', 'certificates:read'] };
    const sealed = (
      await platform.departments.population!.query('query($id: ResidentId!) { person(id: $id) { id } }', { id: alice.id }, { caller, purpose: 'c' })
    ).data?.person.id as string;
    // the test helper signs every request with the same request id: change the sealed bytes instead
    const altered = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`;
    const res = await platform.departments.certificates!.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { certificates { type } } } }',
      { r: [{ __typename: 'Person', id: altered }] },
      { caller, purpose: 'c' },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?._entities ?? null).toBeNull();
  });
});

describe('unmask where the data is held', () => {
  it("market's unmask scope does not unmask a resident's identity number held by population", async () => {
    const res = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { id phone } }',
      { id: alice.id },
      await officer(['population:read', 'market:unmask']),
    );
    expect(res.errors).toBeUndefined();
    expect(fullIds(res)).toEqual([]);
  });
});

describe('masking that cannot be undone beside it', () => {
  it('a masked identity number next to a clear birth date does not give the number back', async () => {
    const res = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { id birthDate gender } }',
      { id: alice.id },
      await officer(['population:read']),
    );
    const { id, birthDate } = res.data!.person;
    const rebuilt = `${id.slice(0, 6)}${birthDate.replaceAll('-', '')}${id.slice(14)}`;
    expect(rebuilt).not.toBe(alice.id);
    expect(id.slice(6)).toBe('************');
  });

  it('masks identity and mobile numbers written into an appeal, for the officers who read it', async () => {
    const text = `邻居 ${bob.id} 占用消防通道，电话 13912345678，请处理`;
    const registered = await platform.query(
      'mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id } }',
      { input: { kind: 'COMPLAINT', category: 'URBAN_MANAGEMENT', text, region: alice.id.slice(0, 6), channel: 'WEB_PORTAL' } },
      await citizen(alice.id),
    );
    expect(registered.errors).toBeUndefined();
    const read = await platform.query(
      'query($id: ID!) { appeal(id: $id) { text } }',
      { id: registered.data!.registerAppeal.id },
      await officer(['appeals:read']),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.appeal.text).toBe(`邻居 ${bob.id.slice(0, 6)}************ 占用消防通道，电话 139****5678，请处理`);
    const full = await platform.query(
      'query($id: ID!) { appeal(id: $id) { text } }',
      { id: registered.data!.registerAppeal.id },
      await officer(['appeals:read', 'appeals:unmask']),
    );
    expect(full.data?.appeal.text).toBe(text);
  });

  it('exports the access log masked like accessLog, unless an auditor holds audit:unmask with a purpose', async () => {
    await platform.query('query($id: ResidentId!) { person(id: $id) { name } }', { id: bob.id }, await officer(['population:read']));
    await platform.departments.population!.delivery!.flush();
    const masked = await platform.query('{ exportAccessLog(first: 100) { count jsonLines } }', {}, await auditor());
    expect(masked.errors).toBeUndefined();
    expect(masked.data?.exportAccessLog.count).toBeGreaterThan(0);
    expect(fullIds(masked)).toEqual([]);
    const full = await platform.query('{ exportAccessLog(first: 100) { jsonLines } }', {}, { ...(await auditor(['audit:unmask'])), ...PURPOSE });
    expect(fullIds(full)).toContain(bob.id);
  });
});

describe('reads of the access log are recorded', () => {
  it("an auditor's read of someone's trail is in the log, and in that person's data tracker", async () => {
    await platform.query('query($id: ResidentId!) { person(id: $id) { name } }', { id: alice.id }, await officer(['population:read']));
    await platform.departments.population!.delivery!.flush();
    const read = await platform.query(
      'query($s: String) { accessLog(subjectId: $s) { nodes { seq } } }',
      { s: alice.id },
      { ...(await auditor()), 'x-purpose': 'inspection 2026-12' },
    );
    expect(read.errors).toBeUndefined();
    const trail = await platform.query(
      'query($s: String) { accessLog(subjectId: $s, department: "audit") { nodes { department purpose caller { role subject } fields } } }',
      { s: alice.id },
      await auditor(),
    );
    expect(trail.data?.accessLog.nodes).toContainEqual({
      department: 'audit',
      purpose: 'inspection 2026-12',
      caller: { role: 'AUDITOR', subject: 'auditor-1' },
      fields: ['AccessEntry.subjectId'],
    });
    const mine = await platform.query('{ myDataAccesses(first: 100) { nodes { department callerRole } } }', {}, await citizen(alice.id));
    expect(mine.data?.myDataAccesses.nodes).toContainEqual({ department: 'audit', callerRole: 'AUDITOR' });
  });
});

describe('no existence or attribute oracles', () => {
  const existing = alice.id;

  it('an anonymous caller selecting only __typename cannot tell whether a person exists', async () => {
    const q = 'query($id: ResidentId!) { person(id: $id) { __typename } }';
    const a = await platform.query(q, { id: existing });
    const b = await platform.query(q, { id: nobody.id });
    expect(a.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(observable(a)).toEqual(observable(b));
  });

  it('a citizen cannot tell someone else’s record from no record', async () => {
    const q = 'query($id: ResidentId!) { person(id: $id) { __typename } }';
    const headers = await citizen(bob.id);
    const a = await platform.query(q, { id: existing }, headers);
    const b = await platform.query(q, { id: nobody.id }, headers);
    expect(a.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(observable(a)).toEqual(observable(b));
  });

  it('an officer without the duty cannot tell either', async () => {
    const q = 'query($id: ResidentId!) { person(id: $id) { __typename } }';
    const headers = await officer(['market:read']);
    expect(observable(await platform.query(q, { id: existing }, headers))).toEqual(observable(await platform.query(q, { id: nobody.id }, headers)));
  });

  it('nobody but an officer on duty can bisect a birth date with people(name, bornFrom, bornTo)', async () => {
    const q = 'query($n: String, $f: Date, $t: Date) { people(name: $n, bornFrom: $f, bornTo: $t) { nodes { __typename } pageInfo { hasNextPage } } }';
    const around = { n: alice.name, f: alice.birthDate, t: alice.birthDate };
    const elsewhere = { n: alice.name, f: '1900-01-01', t: '1900-01-02' };
    for (const headers of [
      {},
      await citizen(bob.id),
      await citizen(alice.id),
      await bearer({ role: 'SUPERVISOR', subject: 's' }),
      await officer(['market:read']),
    ]) {
      const a = await platform.query(q, around, headers);
      expect(a.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(observable(a)).toEqual(observable(await platform.query(q, elsewhere, headers)));
    }
    const onDuty = await platform.query(q, around, await officer(['population:read']));
    expect(onDuty.errors).toBeUndefined();
    expect(onDuty.data?.people.nodes.length).toBeGreaterThan(0);
  });

  it('an anonymous caller cannot count certificates or learn whether someone holds a disability certificate', async () => {
    const q =
      'query($id: ResidentId!) { validCertificate(holderPerson: $id, type: DISABILITY_CERTIFICATE) { __typename } c: certificates(holderPerson: $id) { nodes { __typename } } }';
    const answers = [];
    for (const p of [alice, bob, personAt(7, 9), nobody]) answers.push(observable(await platform.query(q, { id: p.id })));
    expect(answers[0]!.errors?.[0]?.[0]).toBe('FORBIDDEN');
    for (const a of answers) expect(a).toEqual(answers[0]);
  });
});

describe('no role ever gets a full identity number it may not see (property)', () => {
  it('over roles, documents of two operations, __typename-only selections, free text and the export', async () => {
    const roles = ['ANONYMOUS', 'CITIZEN', 'OFFICER_MASKED', 'OFFICER_OTHER_UNMASK', 'SUPERVISOR', 'AUDITOR'] as const;
    const documents = [
      ['query($id: ResidentId!) { person(id: $id) { id name birthDate household { head { id } members { person { id } } } } }', undefined],
      ['query A { regions(first: 1) { nodes { code } } } query B($id: ResidentId!) { person(id: $id) { id household { members { person { id } } } } }', 'B'],
      [
        'query($id: ResidentId!) { person(id: $id) { __typename } validCertificate(holderPerson: $id, type: RESIDENT_ID_CARD) { __typename number } }',
        undefined,
      ],
      ['query($id: ResidentId!) { certificates(holderPerson: $id) { nodes { number holder { ... on Person { id } } } } }', undefined],
      ['query($id: ResidentId!) { person(id: $id) { appeals { text } cases { nodes { id } } } }', undefined],
      ['query($id: ResidentId!) { accessLog(subjectId: $id) { nodes { subjectId } } exportAccessLog { jsonLines } }', undefined],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...roles),
        fc.constantFrom(...documents),
        fc.integer({ min: 0, max: 49 }),
        fc.integer({ min: 0, max: 49 }),
        async (role, [doc, name], me, them) => {
          const self = personAt(7, me);
          const headers =
            role === 'ANONYMOUS'
              ? {}
              : role === 'CITIZEN'
                ? await citizen(self.id)
                : role === 'SUPERVISOR'
                  ? await bearer({ role: 'SUPERVISOR', subject: 'sup' })
                  : role === 'AUDITOR'
                    ? { ...(await auditor()), ...PURPOSE }
                    : await officer(
                        role === 'OFFICER_MASKED'
                          ? ['population:read', 'certificates:read', 'appeals:read', 'cases:read']
                          : ['population:read', 'certificates:read', 'market:unmask', 'cases:unmask'],
                      );
          const res = await post(doc, { id: personAt(7, them).id }, headers, name);
          for (const id of fullIds(res)) expect(role === 'CITIZEN' && id === self.id, `${role} got full ${id}`).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** Like platform.query, with an operationName. */
async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>, operationName?: string) {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables, operationName }),
  });
  const body = (await response.json()) as { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, ...body };
}
