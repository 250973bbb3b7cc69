import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredAgencies } from '../reference/agencies.js';
import { enterpriseAt, personAt } from '../samples/synthetic.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../platform/security/dev-tokens.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';

// `me`: who the caller is, from their own token; a citizen's person and an enterprise's record are
// their own, whatever is asked, and read under the owners' rules (recorded like any other read).

const alice = personAt(7, 0);
const bob = personAt(7, 4);
const acme = enterpriseAt(7, 0, 50);
const AGENCY = registeredAgencies()[0]!;
const ME = '{ me { role subject agency { code name } scopes person { id name } enterprise { creditCode name } } }';
const LOG = 'query($s: String) { accessLog(subjectId: $s, first: 100) { nodes { department fields caller { role } } } }';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
}, 120_000);
afterAll(() => platform?.close());

describe('me', () => {
  it('is null for an anonymous caller (no token)', async () => {
    const { status, data, errors } = await platform.query('{ me { role subject scopes } }');
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data?.me).toBeNull();
  });

  it('shows a citizen their role, their own identity number in full and their own person; each citizen their own', async () => {
    for (const who of [alice, bob]) {
      const { data, errors } = await platform.query(ME, {}, await bearer({ role: 'CITIZEN', subject: who.id }));
      expect(errors).toBeUndefined();
      expect(data?.me).toEqual({ role: 'CITIZEN', subject: who.id, agency: null, scopes: [], person: { id: who.id, name: who.name }, enterprise: null });
    }
  });

  it("records the citizen's read of their own person, as any other read of it", async () => {
    await platform.query('{ me { person { name phone } } }', {}, await bearer({ role: 'CITIZEN', subject: bob.id }));
    await platform.departments.population!.delivery!.flush();
    const log = await platform.query(LOG, { s: bob.id }, await bearer({ role: 'AUDITOR', subject: 'auditor-1' }));
    expect(log.errors).toBeUndefined();
    expect(log.data!.accessLog.nodes).toContainEqual({ department: 'population', fields: ['Person.name', 'Person.phone'], caller: { role: 'CITIZEN' } });
  });

  it('shows an enterprise its own record and no person', async () => {
    const { data, errors } = await platform.query(ME, {}, await bearer({ role: 'ENTERPRISE', subject: acme.creditCode }));
    expect(errors).toBeUndefined();
    expect(data?.me).toEqual({
      role: 'ENTERPRISE',
      subject: acme.creditCode,
      agency: null,
      scopes: [],
      person: null,
      enterprise: { creditCode: acme.creditCode, name: acme.name },
    });
  });

  it('shows an officer their agency from the catalog and their scopes, and no person (even with population scopes)', async () => {
    const scopes = ['population:read', 'population:unmask'];
    const headers = { ...(await bearer({ role: 'OFFICER', subject: 'officer-7', department: AGENCY.code, scopes })), 'x-purpose': 'basis:licensing-review' };
    const { data, errors } = await platform.query(ME, {}, headers);
    expect(errors).toBeUndefined();
    expect(data?.me).toEqual({
      role: 'OFFICER',
      subject: 'officer-7',
      agency: { code: AGENCY.code, name: AGENCY.name },
      scopes,
      person: null,
      enterprise: null,
    });
  });

  it('shows a supervisor and an auditor their role, and refuses them a person as anywhere else', async () => {
    for (const role of ['SUPERVISOR', 'AUDITOR'] as const) {
      const { data, errors } = await platform.query('{ me { role subject agency { code } scopes } }', {}, await bearer({ role }));
      expect(errors).toBeUndefined();
      expect(data?.me).toEqual({ role, subject: role.toLowerCase(), agency: null, scopes: [] });
    }
    const refused = await platform.query('{ me { person { id } } }', {}, await bearer({ role: 'SUPERVISOR' }));
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a forged or expired token the same 401 as any other query', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ role: 'CITIZEN', scope: '' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setSubject(alice.id)
      .setExpirationTime('1h')
      .sign(privateKey);
    const expired = await bearer({ role: 'CITIZEN', subject: alice.id, expiresIn: '-1m' });
    for (const headers of [{ authorization: `Bearer ${forged}` }, expired]) {
      const me = await platform.query(ME, {}, headers);
      const other = await platform.query('{ region(code: "110000") { name } }', {}, headers);
      expect(me.status).toBe(401);
      expect(me.data ?? null).toBeNull();
      expect(me.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(me.errors?.map((e) => e.message)).toEqual(other.errors?.map((e) => e.message));
    }
  });
});

describe('the departments that add to Me answer only for the caller they are sent', () => {
  const ENTITY = (field: string, selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { ${field} { ${selection} } } } }`;

  it("population gives a citizen who names another's identity number as the key no person", async () => {
    const asAlice = { caller: { role: 'CITIZEN' as const, subject: alice.id, department: null, scopes: [] } };
    const other = await platform.departments.population!.query(ENTITY('person', 'id name'), { r: [{ __typename: 'Me', subject: bob.id }] }, asAlice);
    expect(other.errors).toBeUndefined();
    expect(other.data?._entities).toEqual([{ person: null }]);
    const own = await platform.departments.population!.query(ENTITY('person', 'id name'), { r: [{ __typename: 'Me', subject: alice.id }] }, asAlice);
    expect(own.data?._entities).toEqual([{ person: { id: alice.id, name: alice.name } }]);
  });

  it("population gives an officer who names a citizen's identity number no person", async () => {
    const officer = {
      caller: { role: 'OFFICER' as const, subject: alice.id, department: AGENCY.code, scopes: ['population:read'] },
      purpose: 'basis:licensing-review',
    };
    const { data } = await platform.departments.population!.query(ENTITY('person', 'id'), { r: [{ __typename: 'Me', subject: alice.id }] }, officer);
    expect(data?._entities).toEqual([{ person: null }]);
  });

  it("market gives an enterprise that names another's credit code no record", async () => {
    const other = enterpriseAt(7, 1, 50);
    const asAcme = { caller: { role: 'ENTERPRISE' as const, subject: acme.creditCode, department: null, scopes: [] } };
    const { data, errors } = await platform.departments.market!.query(
      ENTITY('enterprise', 'creditCode'),
      { r: [{ __typename: 'Me', subject: other.creditCode }] },
      asAcme,
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ enterprise: null }]);
  });
});
