import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { residentIdFacts } from '../../platform/identifiers/index.js';
import { personAt } from '../../samples/synthetic.js';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { population } from './department.js';
import { relationsToHead } from './household.js';
import { generatePopulation, householdAt } from './seed.js';

const SEED = { size: 90, seed: 7 };
let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(population, SEED);
});
afterAll(() => dept?.close());

const OFFICER: Caller = { role: 'OFFICER', subject: 'officer-7', department: null, scopes: ['population:read', 'population:unmask'] };
const q = (query: string, variables: Record<string, unknown> = {}) => dept.query(query, variables, { caller: OFFICER, purpose: 'household register check' });
const PERSON = 'id name gender birthDate ethnicity registeredRegion { code } address phone';

describe('population department', () => {
  it('looks up a person whose fields agree with the identity number', async () => {
    const synthetic = personAt(SEED.seed, 4);
    const { data, errors } = await q(`query($id: ResidentId!) { person(id: $id) { ${PERSON} household { id number region { code } } } }`, { id: synthetic.id });
    expect(errors).toBeUndefined();
    const person = data?.person;
    const facts = residentIdFacts(person.id);
    if (facts.kind !== 'RESIDENT_IDENTITY_CARD') throw new Error(`synthetic people hold resident identity cards, got ${facts.kind}`);
    expect(person).toMatchObject({ name: synthetic.name, gender: facts.gender, birthDate: facts.birthDate, registeredRegion: { code: facts.division } });
    expect(person.household).toEqual({ id: `${facts.division}000000002`, number: '000000002', region: { code: facts.division } });
    expect(person.address.startsWith('北京市西城区')).toBe(true);
    expect(person.ethnicity).toMatch(/族$/);
  });

  it('lists a household with its head first and relations derived from ages', async () => {
    const id = householdAt(SEED.seed, 0, SEED.size).household.id;
    const { data, errors } = await q(`query($id: ID!) { household(id: $id) { id address head { id } members { relation person { id birthDate address } } } }`, {
      id,
    });
    expect(errors).toBeUndefined();
    const { head, members, address } = data!.household;
    expect(members).toHaveLength(3);
    expect(members[0]).toMatchObject({ relation: 'HEAD', person: { id: head.id } });
    expect(head.id).toBe(personAt(SEED.seed, 0).id);
    expect(members.every((m: { person: { address: string } }) => m.person.address === address)).toBe(true);
    const [, second, third] = members.map((m: { person: { birthDate: string } }) => m.person.birthDate);
    expect(second <= third).toBe(true);
  });

  it('filters people by region, name prefix and birth dates, with cursor pagination on id', async () => {
    const all = await q('{ people(first: 100) { nodes { id } pageInfo { hasNextPage } } }');
    expect(all.data?.people.nodes).toHaveLength(SEED.size);
    expect(all.data?.people.pageInfo.hasNextPage).toBe(false);

    const first = await q('{ people(region: "110000", first: 4) { nodes { id registeredRegion { code } } pageInfo { hasNextPage endCursor } } }');
    const page1 = first.data?.people.nodes as { id: string; registeredRegion: { code: string } }[];
    expect(page1).toHaveLength(4);
    expect(page1.every((p) => p.registeredRegion.code.startsWith('11'))).toBe(true);
    const next = await q('query($after: String) { people(region: "110000", first: 100, after: $after) { nodes { id } } }', {
      after: first.data?.people.pageInfo.endCursor,
    });
    const page2 = next.data?.people.nodes as { id: string }[];
    expect(page2[0]!.id > page1[3]!.id).toBe(true);
    expect(page1.length + page2.length).toBe(all.data?.people.nodes.filter((p: { id: string }) => p.id.startsWith('11')).length);

    const county = await q('{ people(region: "110105", first: 100) { nodes { registeredRegion { code } } } }');
    expect(county.data?.people.nodes.length).toBeGreaterThan(0);
    expect(county.data?.people.nodes.every((p: { registeredRegion: { code: string } }) => p.registeredRegion.code === '110105')).toBe(true);

    const surname = Array.from(personAt(SEED.seed, 10).name)[0]!;
    const named = await q('query($n: String) { people(name: $n, first: 100) { nodes { name } } }', { n: surname });
    expect(named.data?.people.nodes.length).toBeGreaterThan(0);
    expect(named.data?.people.nodes.every((p: { name: string }) => p.name.startsWith(surname))).toBe(true);

    const born = await q('{ people(bornFrom: "1960-01-01", bornTo: "1979-12-31", first: 100) { nodes { birthDate } } }');
    expect(born.data?.people.nodes.length).toBeGreaterThan(0);
    expect(born.data?.people.nodes.every((p: { birthDate: string }) => p.birthDate >= '1960-01-01' && p.birthDate <= '1979-12-31')).toBe(true);
  });

  it('resolves Person and Household entities by key (_entities)', async () => {
    const [a, b] = [personAt(SEED.seed, 0), personAt(SEED.seed, 5)];
    const household = householdAt(SEED.seed, 3, SEED.size).household;
    const { data, errors } = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } ... on Household { householdId: id number } } }',
      {
        r: [
          { __typename: 'Person', id: a!.id },
          { __typename: 'Household', id: household.id },
          { __typename: 'Person', id: b!.id },
          { __typename: 'Person', id: '11010519491231002X' },
          { __typename: 'Household', id: '110101999999999' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { id: a!.id, name: a!.name },
      { householdId: household.id, number: household.number },
      { id: b!.id, name: b!.name },
      null,
      null,
    ]);
  });

  it('answers bad input with coded errors', async () => {
    const badCheck = await q('query($id: ResidentId!) { person(id: $id) { name } }', { id: '110105194912310021' });
    expect(badCheck.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badCheck.errors?.[0]?.message).toContain('check character should be X, got 1');
    const unknown = await q('{ person(id: "11010519491231002X") { name } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).not.toContain('19491231');
    const household = await q('{ household(id: "110101") { id } }');
    expect(household.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await q('{ household(id: "110101999999999") { id } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const dates = await q('{ people(bornFrom: "2000-01-01", bornTo: "1990-01-01") { nodes { id } } }');
    expect(dates.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'bornFrom' });
    const oversize = await q('{ people(first: 101) { nodes { id } } }');
    expect(oversize.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const wildcard = await q('{ people(name: "王%") { nodes { id } } }');
    expect(wildcard.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
    const region = await q('query($r: DivisionCode) { people(region: $r) { nodes { id } } }', { r: '110001' });
    expect(region.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets a citizen read their own records only, and an officer only with duty and purpose', async () => {
    const [self, other] = [personAt(SEED.seed, 3), personAt(SEED.seed, 6)];
    const citizen: Caller = { role: 'CITIZEN', subject: self.id, department: null, scopes: [] };
    const read = 'query($id: ResidentId!) { person(id: $id) { name household { number members { relation } } } }';
    const own = await dept.query(read.replace('members { relation }', ''), { id: self.id }, { caller: citizen });
    expect(own.errors).toBeUndefined();
    expect(own.data?.person.name).toBe(self.name);
    const others = await dept.query(read, { id: other.id }, { caller: citizen });
    expect(others.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await dept.query(read, { id: self.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noPurpose = await dept.query(read, { id: self.id }, { caller: OFFICER });
    expect(noPurpose.errors?.[0]?.message).toContain('purpose');
  });

  it('batches: households of N people and N entity representations cost the same SQL at any N', async () => {
    const cost = async (query: string, variables: Record<string, unknown> = {}) => {
      dept.sql.reset();
      const { errors } = await q(query, variables);
      expect(errors).toBeUndefined();
      return dept.sql.count;
    };
    const nested =
      'query($n: Int) { people(first: $n) { nodes { id household { id head { name } members { relation person { name household { number } } } } } } }';
    // people, their households, the households' members (plus whatever the kit adds per request, e.g. the access record)
    expect(await cost(nested, { n: 3 })).toBe(await cost(nested, { n: 60 }));
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } ... on Household { address } } }';
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Person', id: personAt(SEED.seed, i).id }));
    const households = (n: number) => Array.from({ length: n }, (_, h) => ({ __typename: 'Household', id: householdAt(SEED.seed, h, SEED.size).household.id }));
    expect(await cost(entities, { r: people(2) })).toBe(await cost(entities, { r: people(40) }));
    // households, plus their members: the data subjects the access check and record need
    expect(await cost(entities, { r: households(2) })).toBe(await cost(entities, { r: households(25) }));
    expect(await cost(entities, { r: [...people(2), ...households(2)] })).toBe(await cost(entities, { r: [...people(30), ...households(25)] }));
  });
});

describe('population generator', () => {
  it('is deterministic, in whole households, with plausible relations, phones and ethnic groups', () => {
    const chunks = [...generatePopulation({ size: 3_001, seed: 3 }, 600)];
    expect(chunks.every((c) => c.people.length <= 600)).toBe(true);
    const people = chunks.flatMap((c) => c.people);
    expect(people).toHaveLength(3_001);
    expect(chunks.flatMap((c) => c.households)).toHaveLength(1_001);
    expect([...generatePopulation({ size: 3_001, seed: 3 }, 600)].flatMap((c) => c.people)).toEqual(people);
    expect(people.at(-1)).toMatchObject({ relation: 'HEAD', householdId: chunks.at(-1)!.households.at(-1)!.id });
    for (const p of people) {
      if (p.phone !== null) expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(residentIdFacts(p.id)).toEqual({ kind: 'RESIDENT_IDENTITY_CARD', division: p.regionCode, birthDate: p.birthDate, gender: p.gender });
    }
    const han = people.filter((p) => p.ethnicity === '汉族').length / people.length;
    expect(han).toBeGreaterThan(0.85);
    expect(han).toBeLessThan(1);
  });

  it('derives relations from ages and genders', () => {
    const person = (birthDate: string, gender: 'MALE' | 'FEMALE', index: number) => ({
      index,
      id: '',
      name: '',
      gender,
      birthDate,
      regionCode: '110101',
      household: 0,
    });
    expect(relationsToHead([person('1970-03-01', 'MALE', 0), person('1972-05-01', 'FEMALE', 1), person('1998-01-01', 'MALE', 2)])).toEqual([
      'HEAD',
      'SPOUSE',
      'CHILD',
    ]);
    expect(relationsToHead([person('2000-03-01', 'MALE', 0), person('1970-05-01', 'FEMALE', 1), person('1940-01-01', 'MALE', 2)])).toEqual([
      'HEAD',
      'PARENT',
      'OTHER',
    ]);
    // two children of the same age group are siblings, not spouses
    expect(relationsToHead([person('2010-03-01', 'MALE', 0), person('2012-05-01', 'FEMALE', 1)])).toEqual(['HEAD', 'OTHER']);
  });
});
