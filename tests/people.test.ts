import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredAgencies } from '../reference/agencies.js';
import { enterpriseAt, personAt } from '../samples/synthetic.js';
import { devKeyPair } from '../platform/security/keys.js';
import { gatewaySigner } from '../platform/security/gateway-token.js';
import { representativeOf } from '../platform/security/relations.js';
import { sealer } from '../platform/security/seal.js';
import { post, requestBody } from '../platform/testing.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { MyHouseholdDocument, MyRepresentativeDocument } from '../clients/portal/generated/graphql.js';

// A citizen's own household and an enterprise's own representative, by rule: each member with the
// fields a household member may see, the representative with what the enterprise may see; whatever
// is withheld is withheld field by field, and every read is recorded. The test platform seeds 50
// people with seed 7: people 0..3 share a household, person 4 is of another.

const alice = personAt(7, 0);
const bob = personAt(7, 4);
const acme = enterpriseAt(7, 0, 50);
const other = [1, 2, 3, 4, 5].map((i) => enterpriseAt(7, i, 50)).find((e) => e.representative !== acme.representative)!;
const AGENCY = registeredAgencies()[0]!.code;
const MASKED_ID = /^\d{6}\*{12}$/;
const HOUSEHOLD = `query($id: ID!) { household(id: $id) { id address members { relation person { id name gender birthDate ethnicity address phone } } } }`;
const LOG = 'query($s: String) { accessLog(subjectId: $s, first: 100) { nodes { department fields caller { role subject } } } }';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
}, 120_000);
afterAll(() => platform?.close());

const asCitizen = (who: { id: string }) => bearer({ role: 'CITIZEN', subject: who.id });
const asEnterprise = (e: { creditCode: string }) => bearer({ role: 'ENTERPRISE', subject: e.creditCode });
const codes = (errors: { extensions?: { code?: string } }[] | undefined) => [...new Set((errors ?? []).map((e) => e.extensions?.code))];

async function householdOf(who: { id: string }): Promise<string> {
  const res = await platform.query('query($id: ResidentId!) { person(id: $id) { household { id } } }', { id: who.id }, await asCitizen(who));
  expect(res.errors).toBeUndefined();
  return res.data!.person.household.id;
}

describe("a citizen's own household", () => {
  it('lists every member: name, relation, gender and birth date in full, identity number and address masked, phone withheld per field', async () => {
    const id = await householdOf(alice);
    const { data, errors } = await platform.query(HOUSEHOLD, { id }, await asCitizen(alice));
    const members = data!.household.members as { relation: string; person: Record<string, string | null> }[];
    expect(members.length).toBeGreaterThan(1);
    const self = members.find((m) => m.person.id === alice.id)!;
    expect(self.person).toMatchObject({ name: alice.name, birthDate: alice.birthDate });
    expect(self.person.address).not.toContain('****');
    const others = members.filter((m) => m !== self);
    for (const { person, relation } of others) {
      expect(relation).toMatch(/^(HEAD|SPOUSE|CHILD|PARENT|OTHER)$/);
      expect(person.id).toMatch(MASKED_ID);
      expect(person.name).toBeTruthy();
      expect(person.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(person.address).toMatch(/\*{4}$/);
      expect(person.phone).toBeNull();
    }
    // one error per withheld phone, at its path, saying why; nothing else refused
    const phones = errors!.filter((e) => e.path?.at(-1) === 'phone');
    expect(phones).toHaveLength(others.filter((m) => m.person.id).length);
    expect(phones.every((e) => e.extensions?.code === 'FORBIDDEN' && e.message.includes('household'))).toBe(true);
    expect(errors!.length).toBe(phones.length);
    expect(JSON.stringify(data)).not.toContain(personAt(7, 1).id);
  });

  it("reaches it from their own person and from me, and the head's page too", async () => {
    const res = await platform.query('{ me { person { household { head { name id } members { relation person { name } } } } } }', {}, await asCitizen(alice));
    expect(res.errors).toBeUndefined();
    expect(res.data!.me.person.household.members.map((m: { person: { name: string } }) => m.person.name)).toContain(alice.name);
    const head = res.data!.me.person.household.head;
    expect(head.id === alice.id || MASKED_ID.test(head.id)).toBe(true);
  });

  it("reads a member by their number with the same rule, and withholds other departments' data of them, member by member", async () => {
    const sister = personAt(7, 1);
    const root = await platform.query('query($id: ResidentId!) { person(id: $id) { id name phone } }', { id: sister.id }, await asCitizen(alice));
    expect(root.data!.person).toEqual({ id: expect.stringMatching(MASKED_ID), name: sister.name, phone: null });
    expect(root.errors?.map((e) => e.path?.join('.'))).toEqual(['person.phone']);
    // certificates and cases are other departments', which know no household: each member's are withheld alone
    const wide = await platform.query(
      '{ me { person { household { members { person { id name certificates { type } cases(first: 1) { nodes { id } } } } } } } }',
      {},
      await asCitizen(alice),
    );
    const members = wide.data!.me.person.household.members as { person: { id: string; name: string; certificates: unknown; cases: unknown } }[];
    const self = members.find((m) => m.person.id === alice.id)!.person;
    expect(self.certificates).not.toBeNull();
    expect(self.cases).not.toBeNull();
    for (const { person } of members.filter((m) => m.person.id !== alice.id)) {
      expect(person.name).toBeTruthy();
      expect(person.certificates).toBeNull();
      expect(person.cases).toBeNull();
    }
    expect(codes(wide.errors)).toEqual(['FORBIDDEN']);
  });

  it("answers the portal's trusted documents by id: the household and the enterprise's representative, with nothing withheld asked", async () => {
    const byId = async (document: { __meta__?: Record<string, unknown> }, headers: Record<string, string>) => {
      const response = await fetch(platform.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollographql-client-name': 'govgraph-portal', ...headers },
        body: JSON.stringify({ documentId: document.__meta__!.hash, variables: {} }),
      });
      return (await response.json()) as { data?: any; errors?: unknown[] };
    };
    const household = await byId(MyHouseholdDocument, await asCitizen(alice));
    expect(household.errors).toBeUndefined();
    expect(household.data.me.person.household.members.length).toBeGreaterThan(1);
    const representative = await byId(MyRepresentativeDocument, await asEnterprise(acme));
    expect(representative.errors).toBeUndefined();
    expect(representative.data.me.enterprise.legalRepresentative).toEqual({
      id: expect.stringMatching(MASKED_ID),
      name: personAt(7, acme.representative).name,
    });
  });

  it('records the reads of every member, for each member, with the fields served', async () => {
    await platform.query(HOUSEHOLD, { id: await householdOf(alice) }, await asCitizen(alice));
    await platform.departments.population!.delivery!.flush();
    const auditor = await bearer({ role: 'AUDITOR', subject: 'auditor-1' });
    const log = await platform.query(LOG, { s: personAt(7, 1).id }, auditor);
    expect(log.errors).toBeUndefined();
    const entry = log.data!.accessLog.nodes.find((n: { caller: { subject: string } }) => n.caller.subject?.startsWith(alice.id.slice(0, 6)));
    expect(entry?.department).toBe('population');
    expect(entry?.fields).toEqual(expect.arrayContaining(['Person.name', 'Person.address', 'Person.id', 'HouseholdMember.relation']));
    expect(entry?.fields).not.toContain('Person.phone');
  });

  it('refuses another citizen a household, and a member of it, exactly as an unknown id, whatever is selected', async () => {
    const id = await householdOf(alice);
    const unknown = `${id.slice(0, 6)}999999999`;
    const asBob = await asCitizen(bob);
    for (const selection of ['id members { person { name } }', '__typename']) {
      const theirs = await platform.query(`query($id: ID!) { household(id: $id) { ${selection} } }`, { id }, asBob);
      const none = await platform.query(`query($id: ID!) { household(id: $id) { ${selection} } }`, { id: unknown }, asBob);
      expect(theirs.data?.household ?? null).toBeNull();
      expect(theirs.errors?.map((e) => [e.extensions?.code, e.message])).toEqual(none.errors?.map((e) => [e.extensions?.code, e.message]));
      expect(theirs.status).toBe(none.status);
    }
    const member = await platform.query('query($id: ResidentId!) { person(id: $id) { __typename } }', { id: personAt(7, 1).id }, asBob);
    expect(codes(member.errors)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(member)).not.toContain(personAt(7, 1).id);
  });

  it('gives anonymous callers and officers without the duty nothing, exists or not', async () => {
    const id = await householdOf(alice);
    const unknown = `${id.slice(0, 6)}999999999`;
    const officer = { ...(await bearer({ role: 'OFFICER', subject: 'officer-7', department: AGENCY, scopes: ['market:read'] })), 'x-purpose': 'basis:hukou' };
    for (const headers of [{}, officer]) {
      for (const selection of ['members { person { name } }', '__typename']) {
        const theirs = await platform.query(`query($id: ID!) { household(id: $id) { ${selection} } }`, { id }, headers);
        const none = await platform.query(`query($id: ID!) { household(id: $id) { ${selection} } }`, { id: unknown }, headers);
        expect(theirs.data?.household ?? null).toBeNull();
        expect(codes(theirs.errors)).toEqual(['FORBIDDEN']);
        expect(theirs.errors?.map((e) => e.message)).toEqual(none.errors?.map((e) => e.message));
      }
    }
  });
});

describe("an enterprise's own legal representative", () => {
  const REP = '{ me { enterprise { creditCode legalRepresentative { id name phone representedEnterprises { creditCode } } } } }';

  it('shows the enterprise their name and masked identity number, and withholds the rest field by field', async () => {
    const { data, errors } = await platform.query(REP, {}, await asEnterprise(acme));
    const rep = data!.me.enterprise.legalRepresentative;
    expect(rep.id).toMatch(MASKED_ID);
    expect(rep.id.slice(0, 6)).toBe(personAt(7, acme.representative).id.slice(0, 6));
    expect(rep.name).toBe(personAt(7, acme.representative).name);
    expect(rep.phone).toBeNull();
    expect(rep.representedEnterprises).toBeNull();
    expect(errors!.map((e) => e.path?.at(-1)).sort()).toEqual(['phone', 'representedEnterprises']);
    expect(codes(errors)).toEqual(['FORBIDDEN']);
  });

  it('never nulls an enterprise list for the representative: each one the caller may not see is null alone', async () => {
    const LIST = '{ enterprises(first: 10) { nodes { creditCode name legalRepresentative { name } } } }';
    const nameOf = new Map([acme, other].map((e) => [e.creditCode, personAt(7, e.representative).name]));
    for (const [who, headers, self] of [
      ['another enterprise', await asEnterprise(other), other.creditCode],
      ['the enterprise', await asEnterprise(acme), acme.creditCode],
      ['a citizen', await asCitizen(bob), null],
    ] as const) {
      const { data, errors } = await platform.query(LIST, {}, headers);
      const nodes = data!.enterprises.nodes as { creditCode: string; name: string; legalRepresentative: { name: string } | null }[];
      expect(nodes.length, who).toBeGreaterThan(1);
      expect(nodes.map((n) => n.creditCode)).toContain(acme.creditCode);
      expect(nodes.every((n) => n.name)).toBe(true);
      for (const node of nodes) {
        // each enterprise its own representative only, even where the same person represents another
        expect(node.legalRepresentative, `${who}: ${node.creditCode}`).toEqual(node.creditCode === self ? { name: nameOf.get(self) } : null);
      }
      expect(codes(errors)).toEqual(['FORBIDDEN']);
      expect(errors!.every((e) => e.path?.join('.').match(/^enterprises\.nodes\.\d+\.legalRepresentative/))).toBe(true);
    }
    // a role that may never see a person is refused the operation before it runs: the query asks for what it cannot have
    const anonymous = await platform.query(LIST);
    expect(anonymous.status).toBe(403);
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.message).toContain('Person.name');
  });

  it("refuses another enterprise the representative, whatever is selected, as for anyone else's", async () => {
    for (const selection of ['id name', '__typename']) {
      const res = await platform.query(
        `query($c: CreditCode!) { enterprise(creditCode: $c) { name legalRepresentative { ${selection} } } }`,
        { c: acme.creditCode },
        await asEnterprise(other),
      );
      expect(res.data!.enterprise.name).toBe(acme.name);
      expect(res.data!.enterprise.legalRepresentative).toBeNull();
      expect(codes(res.errors)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(res)).not.toContain(personAt(7, acme.representative).name);
    }
  });

  it('gives the enterprise nothing of the same person reached another way (by number)', async () => {
    const repId = personAt(7, acme.representative).id;
    const res = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { name representedEnterprises { creditCode } } }',
      { id: repId },
      await asEnterprise(acme),
    );
    expect(res.data?.person ?? null).toBeNull();
    expect(codes(res.errors)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(res)).not.toContain(personAt(7, acme.representative).name);
  });

  it("public security shows the name only on market regulation's sealed word, for this request and this enterprise", async () => {
    const population = platform.departments.population!.url;
    const sign = await gatewaySigner((await devKeyPair('gateway')).privateJwk);
    const repId = personAt(7, acme.representative).id;
    const QUERY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }';
    const ask = async (as: string, id: string, requestId = 'people-test') => {
      const variables = { r: [{ __typename: 'Person', id }] };
      const caller = { role: 'ENTERPRISE' as const, subject: as, department: null, scopes: [] };
      const token = await sign('population', { caller, purpose: null, requestId, clientName: null }, requestBody(QUERY, variables));
      return post(population, QUERY, variables, { 'x-gateway-token': token });
    };
    const keys = sealer();
    const vouched = keys.seal(repId, `${repId.slice(0, 6)}************`, 'people-test', representativeOf(acme.creditCode));
    expect((await ask(acme.creditCode, vouched)).data?._entities).toEqual([{ name: personAt(7, acme.representative).name }]);
    // no word, another enterprise's word, or a word made for another request: refused
    expect(codes((await ask(acme.creditCode, repId)).errors)).toEqual(['FORBIDDEN']);
    expect(codes((await ask(other.creditCode, vouched)).errors)).toEqual(['FORBIDDEN']);
    expect(codes((await ask(acme.creditCode, vouched, 'another-request')).errors)).toEqual(['FORBIDDEN']);
  });
});
