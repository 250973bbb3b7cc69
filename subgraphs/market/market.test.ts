import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '../../platform/context.js';
import { checkCreditCode, makeCreditCode } from '../../platform/identifiers/index.js';
import { personAt } from '../../samples/synthetic.js';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { market } from './department.js';
import type { Enterprise } from './entities.js';
import { enterpriseTypeOf } from './forms.js';
import { eighteenthBirthday, generateEnterprises, marketAuthorityCode } from './seed.js';
import { todayInChina } from '../../platform/time.js';

// 1,000 people make 100 enterprises: enough for several pages and every filter
const SEED = { size: 1_000, seed: 7 };
const ALL: Enterprise[] = [...generateEnterprises(SEED)].sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
const OFFICER: Caller = { role: 'OFFICER', subject: 'officer-1', department: null, scopes: ['market:read', 'market:unmask'] };

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(market, SEED);
});
afterAll(() => dept?.close());

const q = (query: string, variables: Record<string, unknown> = {}, caller = OFFICER) =>
  dept.query(query, variables, { caller, purpose: caller.role === 'OFFICER' ? 'market test' : null });

const codesOf = (rows: { creditCode: string }[]) => rows.map((e) => e.creditCode);

describe('the generated register', () => {
  it('is plausible: valid codes, adult representatives, forms that match the names, mostly operating', () => {
    expect(ALL).toHaveLength(100);
    const people = new Map([...Array(SEED.size).keys()].map((i) => personAt(SEED.seed, i)).map((p) => [p.id, p]));
    for (const e of ALL) {
      expect(checkCreditCode(e.creditCode)).toBeNull();
      expect(checkCreditCode(e.authorityCode)).toBeNull();
      expect(e.authorityCode.slice(2, 8)).toBe(e.regionCode);
      expect(e.type).toBe(enterpriseTypeOf(e.name));
      expect(e.registeredCapital === null).toBe(e.type === 'INDIVIDUAL_BUSINESS');
      expect(e.registrationDate >= eighteenthBirthday(people.get(e.representativeId)!.birthDate)).toBe(true);
      expect(e.registrationDate < todayInChina()).toBe(true);
    }
    expect(ALL.filter((e) => e.status === 'OPERATING').length).toBeGreaterThan(75);
    expect(eighteenthBirthday('2000-02-29')).toBe('2018-03-01');
  });
});

describe('market department', () => {
  it('looks up an enterprise with its references', async () => {
    const e = ALL[3]!;
    const { data, errors } = await q(
      `query($c: CreditCode!) { enterprise(creditCode: $c) { creditCode name type status registrationDate businessScope registeredCapital
        registrationAuthority { code } region { code } legalRepresentative { id } } }`,
      { c: e.creditCode },
    );
    expect(errors).toBeUndefined();
    expect(data?.enterprise).toEqual({
      creditCode: e.creditCode,
      name: e.name,
      type: e.type,
      status: e.status,
      registrationDate: e.registrationDate,
      businessScope: e.businessScope,
      registeredCapital: e.registeredCapital,
      registrationAuthority: { code: marketAuthorityCode(e.regionCode) },
      region: { code: e.regionCode },
      legalRepresentative: { id: e.representativeId },
    });
  });

  it('pages through every enterprise in credit-code order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { data } = await q('query($a: String) { enterprises(first: 30, after: $a) { nodes { creditCode } pageInfo { hasNextPage endCursor } } }', {
        a: after,
      });
      seen.push(...codesOf(data?.enterprises.nodes));
      if (!data?.enterprises.pageInfo.hasNextPage) break;
      after = data.enterprises.pageInfo.endCursor;
    }
    expect(seen).toEqual(codesOf(ALL));
  });

  it('filters by division (county, prefecture, province), name, status, type and registration dates', async () => {
    const list = async (args: string) => codesOf((await q(`{ enterprises(${args}, first: 100) { nodes { creditCode } } }`)).data?.enterprises.nodes);
    const e = ALL[0]!;
    const dates = ALL.map((x) => x.registrationDate).sort();
    const [from, to] = [dates[20]!, dates[60]!];
    const cases: [string, (x: Enterprise) => boolean][] = [
      [`region: "${e.regionCode}"`, (x) => x.regionCode === e.regionCode],
      [`region: "${e.regionCode.slice(0, 4)}00"`, (x) => x.regionCode.startsWith(e.regionCode.slice(0, 4))],
      [`region: "${e.regionCode.slice(0, 2)}0000"`, (x) => x.regionCode.startsWith(e.regionCode.slice(0, 2))],
      ['name: "有限公司"', (x) => x.name.includes('有限公司')],
      ['name: "100%_"', () => false],
      ['status: OPERATING', (x) => x.status === 'OPERATING'],
      ['type: INDIVIDUAL_BUSINESS', (x) => x.type === 'INDIVIDUAL_BUSINESS'],
      [`registeredFrom: "${from}", registeredTo: "${to}"`, (x) => x.registrationDate >= from && x.registrationDate <= to],
      [
        `region: "${e.regionCode.slice(0, 2)}0000", type: LIMITED_LIABILITY_COMPANY, status: OPERATING`,
        (x) => x.regionCode.startsWith(e.regionCode.slice(0, 2)) && x.type === 'LIMITED_LIABILITY_COMPANY' && x.status === 'OPERATING',
      ],
    ];
    for (const [args, keep] of cases) {
      const expected = codesOf(ALL.filter(keep));
      expect(await list(args), args).toEqual(expected);
    }
    expect((await list(`region: "${e.regionCode}"`)).length).toBeGreaterThan(0);
  });

  it('resolves Enterprise entities by key, several representations in one SQL statement', async () => {
    const unknown = makeCreditCode('9', '1', '110105', '99999999');
    dept.sql.reset();
    const { data, errors } = await q('query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { creditCode name } } }', {
      r: [...ALL.slice(0, 4).map((e) => ({ __typename: 'Enterprise', creditCode: e.creditCode })), { __typename: 'Enterprise', creditCode: unknown }],
    });
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([...ALL.slice(0, 4).map((e) => ({ creditCode: e.creditCode, name: e.name })), null]);
    expect(dept.sql.count).toBe(1);
  });

  it('adds representedEnterprises to Person, one SQL statement however many persons', async () => {
    const byRep = new Map<string, string[]>();
    for (const e of ALL) byRep.set(e.representativeId, [...(byRep.get(e.representativeId) ?? []), e.creditCode]);
    const reps = [...byRep.keys()];
    const counts: number[] = [];
    for (const n of [2, 20]) {
      const ids = [...reps.slice(0, n - 1), '11010519491231002X'];
      dept.sql.reset();
      const { data, errors } = await q(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id representedEnterprises { creditCode } } } }',
        {
          r: ids.map((id) => ({ __typename: 'Person', id })),
        },
      );
      expect(errors).toBeUndefined();
      expect(data?._entities).toEqual(ids.map((id) => ({ id, representedEnterprises: (byRep.get(id) ?? []).map((creditCode) => ({ creditCode })) })));
      counts.push(dept.sql.count);
    }
    // one SELECT for all persons, plus the access record written because Person.id is personal data
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(2);
  });

  it('costs the same SQL for 5 enterprises with their representatives as for 50', async () => {
    const counts: number[] = [];
    for (const n of [5, 50]) {
      dept.sql.reset();
      const { data, errors } = await q(`{ enterprises(first: ${n}) { nodes { legalRepresentative { representedEnterprises { creditCode } } } } }`);
      expect(errors).toBeUndefined();
      expect(data?.enterprises.nodes).toHaveLength(n);
      counts.push(dept.sql.count);
    }
    expect(counts[1]).toBe(counts[0]);
    // the page, then all representatives' enterprises at once (plus an access record if the platform writes one)
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  it('answers bad input with coded errors and precise reasons', async () => {
    const valid = ALL[0]!.creditCode;
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const bad = await q('query($c: CreditCode!) { enterprise(creditCode: $c) { name } }', { c: wrongCheck });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('check character should be');
    // a literal fails validation rather than execution, with the same reason
    const literal = await q('{ enterprise(creditCode: "91110105MA01ABCDEO") { name } }');
    expect(literal.errors?.[0]?.message).toContain('I, O, S, V, Z never occur');
    const unknown = await q('query($c: CreditCode!) { enterprise(creditCode: $c) { name } }', { c: makeCreditCode('9', '1', '110105', '99999999') });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const oversize = await q('{ enterprises(first: 101) { nodes { creditCode } } }');
    expect(oversize.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(oversize.errors?.[0]?.message).toContain('100');
    const date = await q('query($d: Date) { enterprises(registeredFrom: $d) { nodes { creditCode } } }', { d: '2023-02-29' });
    expect(date.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(date.errors?.[0]?.message).toContain('date 2023-02-29 does not exist');
    const reversed = await q('{ enterprises(registeredFrom: "2024-01-02", registeredTo: "2024-01-01") { nodes { creditCode } } }');
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'registeredFrom' });
    const region = await q('query($r: DivisionCode) { enterprises(region: $r) { nodes { creditCode } } }', { r: '000100' });
    expect(region.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(region.errors?.[0]?.message).toContain('province part 00');
  });

  it('shows the register to anyone, but a representative identity number only to those entitled', async () => {
    const e = ALL[0]!;
    const open = await q(`{ enterprise(creditCode: "${e.creditCode}") { name creditCode } }`, {}, ANONYMOUS);
    expect(open.errors).toBeUndefined();
    expect(open.data?.enterprise.name).toBe(e.name);
    // the representative is a person's record: not even its __typename for anonymous callers
    const typename = await q(`{ enterprise(creditCode: "${e.creditCode}") { legalRepresentative { __typename } } }`, {}, ANONYMOUS);
    expect(typename.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const id = await q(`{ enterprise(creditCode: "${e.creditCode}") { legalRepresentative { id } } }`, {}, ANONYMOUS);
    expect(id.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const self: Caller = { role: 'CITIZEN', subject: e.representativeId, department: null, scopes: [] };
    const mine = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { representedEnterprises { creditCode } } } }',
      { r: [{ __typename: 'Person', id: e.representativeId }] },
      self,
    );
    expect(mine.errors).toBeUndefined();
    const other = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { representedEnterprises { creditCode } } } }',
      { r: [{ __typename: 'Person', id: ALL.find((x) => x.representativeId !== e.representativeId)!.representativeId }] },
      self,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
