import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCreditCode, checkResidentId } from '../platform/identifiers/index.js';
import { enterpriseAt, personAt } from '../samples/synthetic.js';
import { EnterprisePageDocument, PersonPageDocument } from './generated/operations.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { registeredAgencies } from '../reference/agencies.js';

// officer tokens name an existing agency (gateway/auth.ts): the first of the sample catalog, 北京市公安厅
const AGENCY = registeredAgencies()[0]!.code;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

// an officer of public security handling a case, allowed full identifiers
const officer = async () => ({
  ...(await bearer({
    role: 'OFFICER',
    subject: 'officer-9',
    department: AGENCY,
    scopes: ['population:read', 'population:unmask', 'market:read', 'market:unmask', 'certificates:read', 'certificates:unmask'],
  })),
  'x-purpose': 'case C20261125000001',
});

describe('one query across public security, market regulation and the certificate hub', () => {
  it('returns a person with household, represented enterprises with licences, and certificates', async () => {
    const enterprise = enterpriseAt(7, 0, 50);
    const person = personAt(7, enterprise.representative);
    const { data, errors } = await platform.query(print(PersonPageDocument), { id: person.id }, await officer());
    expect(errors).toBeUndefined();
    const page = data!.person;
    expect(page.id).toBe(person.id);
    expect(page.name).toBe(person.name);
    expect(page.birthDate).toBe(person.birthDate);
    expect(page.household.members.length).toBe(3);
    const represented = page.representedEnterprises.find((e: { creditCode: string }) => e.creditCode === enterprise.creditCode);
    expect(represented).toBeDefined();
    expect(represented.certificates[0]).toMatchObject({ status: expect.any(String) });
    expect(page.certificates.some((c: { type: string }) => c.type === 'RESIDENT_ID_CARD')).toBe(true);
    // every identifier in the answer is valid
    for (const id of JSON.stringify(data).match(/\b[0-9]{17}[0-9X]\b/g) ?? []) {
      // an all-digit credit code (individual businesses) has the same shape
      if (checkCreditCode(id) !== null) expect(checkResidentId(id)).toBeNull();
    }
    expect(checkCreditCode(represented.creditCode)).toBeNull();
  });

  it('returns an enterprise with its legal representative and licences', async () => {
    const enterprise = enterpriseAt(7, 1, 50);
    const { data, errors } = await platform.query(print(EnterprisePageDocument), { creditCode: enterprise.creditCode }, await officer());
    expect(errors).toBeUndefined();
    expect(data!.enterprise.legalRepresentative.name).toBe(personAt(7, enterprise.representative).name);
    expect(data!.enterprise.certificates.some((c: { type: string }) => c.type === 'BUSINESS_LICENCE')).toBe(true);
    expect(data!.enterprise.registrationAuthority.name).toMatch(/市场监督管理局$/);
  });

  it('refuses an invalid identifier in any argument with the precise reason, before any department is called', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['query($id: ResidentId!) { person(id: $id) { name } }', { id: '110105194912310021' }, /check character should be X, got 1/],
      ['{ person(id: "11010519990231002X") { name } }', {}, /birth date 19990231 does not exist/],
      ['query($c: CreditCode!) { enterprise(creditCode: $c) { name } }', { c: '91110000600037341O' }, /character O is not allowed/],
      ['{ certificates(holderPerson: "1101051949123100") { nodes { id } } }', {}, /18 characters/],
      ['{ people(region: "1234567") { nodes { id } } }', {}, /6 digits|division/],
    ];
    for (const [query, variables, reason] of cases) {
      platform.resetSql();
      const res = await platform.query(query, variables, await officer());
      expect(res.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message, query).toMatch(reason);
      expect(res.errors?.[0]?.extensions?.argument, query).toBeTruthy();
      expect(platform.sqlCount(), query).toBe(0);
    }
  });
});
