import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { enterpriseAt, personAt } from '../../samples/synthetic.js';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { certificates } from './department.js';
import type { Certificate } from './entities.js';
import { generateCertificates } from './seed.js';
import { positionKey } from './resolvers/listing.js';
import { certificateStatus } from './status.js';
import { todayInChina } from '../../platform/time.js';

const SEED = { size: 300, seed: 7 };
const rows = [...generateCertificates(SEED)];
const today = todayInChina();

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(certificates, SEED);
});
afterAll(() => dept?.close());

const OFFICER: Caller = { role: 'OFFICER', subject: 'officer-9', department: null, scopes: ['certificates:read', 'certificates:unmask'] };
const q = (query: string, variables: Record<string, unknown> = {}) => dept.query(query, variables, { caller: OFFICER, purpose: 'case 2026-000123' });
const citizen = (subject: string): Caller => ({ role: 'CITIZEN', subject, department: null, scopes: [] });
const first = (test: (c: Certificate) => boolean) => rows.find(test) ?? expect.fail('no such certificate in the sample');
const FIELDS = 'id type name number trustGrade issueDate expiryDate revocationDate status issuingDepartment { code }';

describe('certificates department', () => {
  it('generates certificates whose holders and numbers agree with the shared population', () => {
    const person = personAt(SEED.seed, 3);
    const own = rows.filter((c) => c.holderId === person.id);
    // person 3 heads household 1, whose number (户号) population prints as 000000002
    expect(own.find((c) => c.type === 'HOUSEHOLD_REGISTER')?.number).toBe('000000002');
    const card = own.find((c) => c.type === 'RESIDENT_ID_CARD');
    if (card) expect(card.number).toBe(person.id);
    // both spouses (head and second member of a household) hold a marriage certificate with one number
    const marriages = rows.filter((c) => c.type === 'MARRIAGE_CERTIFICATE');
    expect(marriages.length).toBeGreaterThan(20);
    for (const m of marriages) expect(marriages.filter((o) => o.number === m.number && o.issueDate === m.issueDate)).toHaveLength(2);
    const licence = first((c) => c.type === 'BUSINESS_LICENCE');
    expect(licence.number).toBe(licence.holderId);
    expect(licence.holderId).toBe(enterpriseAt(SEED.seed, 0, SEED.size).creditCode);
    expect(new Set(rows.map((c) => c.id)).size).toBe(rows.length);
    for (const status of ['VALID', 'EXPIRED', 'REVOKED']) expect(rows.some((c) => certificateStatus(c, today) === status)).toBe(true);
    for (const grade of ['A', 'B', 'C', 'D']) expect(rows.some((c) => c.trustGrade === grade)).toBe(true);
  });

  it('looks up a certificate with its holder, issuer and status', async () => {
    const card = first((c) => c.type === 'RESIDENT_ID_CARD');
    const { data, errors } = await q(`query($id: ID!) { certificate(id: $id) { ${FIELDS} holder { __typename ... on Person { id } } } }`, { id: card.id });
    expect(errors).toBeUndefined();
    expect(data?.certificate).toMatchObject({
      id: card.id,
      type: 'RESIDENT_ID_CARD',
      name: '居民身份证',
      number: card.holderId,
      trustGrade: 'A',
      issueDate: card.issueDate,
      expiryDate: card.expiryDate,
      status: certificateStatus(card, today),
      issuingDepartment: { code: card.departmentCode },
      holder: { __typename: 'Person', id: card.holderId },
    });
    const licence = first((c) => c.type === 'BUSINESS_LICENCE');
    const enterprise = await q('query($id: ID!) { certificate(id: $id) { name holder { __typename ... on Enterprise { creditCode } } } }', { id: licence.id });
    expect(enterprise.data?.certificate).toEqual({ name: '营业执照', holder: { __typename: 'Enterprise', creditCode: licence.holderId } });
  });

  it('filters by holder, type, status and issue date, newest first, page after page', async () => {
    const holder = personAt(SEED.seed, 0).id;
    const own = await q(`query($p: ResidentId) { certificates(holderPerson: $p, first: 100) { nodes { id } } }`, { p: holder });
    const newestFirst = (a: Certificate, b: Certificate) => positionKey(b).localeCompare(positionKey(a));
    expect(own.data?.certificates.nodes.map((n: { id: string }) => n.id)).toEqual(
      rows
        .filter((c) => c.holderId === holder)
        .sort(newestFirst)
        .map((c) => c.id),
    );
    for (const status of ['VALID', 'EXPIRED', 'REVOKED']) {
      const { data, errors } = await q(
        `query($s: CertificateStatus) { certificates(type: DRIVING_LICENCE, status: $s, first: 100) { nodes { type status expiryDate revocationDate } } }`,
        { s: status },
      );
      expect(errors).toBeUndefined();
      const expected = rows.filter((c) => c.type === 'DRIVING_LICENCE' && certificateStatus(c, today) === status);
      expect(data?.certificates.nodes).toHaveLength(Math.min(expected.length, 100));
      for (const node of data?.certificates.nodes ?? []) {
        expect(node).toMatchObject({ type: 'DRIVING_LICENCE', status });
        if (status === 'EXPIRED') expect(node.expiryDate < today && node.revocationDate === null).toBe(true);
      }
    }
    // walk every marriage certificate in pages of 7: each exactly once, newest first
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof q>> = await q(
        'query($a: String) { certificates(type: MARRIAGE_CERTIFICATE, first: 7, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      seen.push(...page.data!.certificates.nodes.map((n: { id: string }) => n.id));
      after = page.data?.certificates.pageInfo.hasNextPage ? page.data?.certificates.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(
      rows
        .filter((c) => c.type === 'MARRIAGE_CERTIFICATE')
        .sort(newestFirst)
        .map((c) => c.id),
    );
    // the same walk for one holder, whose list is paged in memory
    const mine = await q('query($p: ResidentId) { certificates(holderPerson: $p, first: 2) { nodes { id } pageInfo { endCursor } } }', { p: holder });
    const rest = await q('query($p: ResidentId, $a: String) { certificates(holderPerson: $p, after: $a) { nodes { id } } }', {
      p: holder,
      a: mine.data?.certificates.pageInfo.endCursor,
    });
    expect([...mine.data!.certificates.nodes, ...rest.data!.certificates.nodes]).toEqual(own.data?.certificates.nodes);
    const dated = await q('{ certificates(issuedFrom: "2020-01-01", issuedTo: "2020-12-31", first: 100) { nodes { issueDate } } }');
    expect(dated.data?.certificates.nodes.length).toBe(Math.min(100, rows.filter((c) => c.issueDate.startsWith('2020')).length));
    expect(dated.data?.certificates.nodes.every((n: { issueDate: string }) => n.issueDate.startsWith('2020'))).toBe(true);
  });

  it('answers validCertificate with the valid one, or null', async () => {
    const query =
      'query($p: ResidentId, $e: CreditCode, $t: CertificateType!) { validCertificate(holderPerson: $p, holderEnterprise: $e, type: $t) { id status } }';
    const valid = first((c) => c.type === 'RESIDENT_ID_CARD' && certificateStatus(c, today) === 'VALID');
    expect((await q(query, { p: valid.holderId, t: 'RESIDENT_ID_CARD' })).data?.validCertificate).toEqual({ id: valid.id, status: 'VALID' });
    // a holder whose only driving licence has lapsed or was revoked has no valid one
    const lapsed = first(
      (c) =>
        c.type === 'DRIVING_LICENCE' && certificateStatus(c, today) !== 'VALID' && !rows.some((o) => o.holderId === c.holderId && o.type === c.type && o !== c),
    );
    expect((await q(query, { p: lapsed.holderId, t: 'DRIVING_LICENCE' })).data).toEqual({ validCertificate: null });
    const licence = first((c) => c.type === 'BUSINESS_LICENCE' && certificateStatus(c, today) === 'VALID');
    expect((await q(query, { e: licence.holderId, t: 'BUSINESS_LICENCE' })).data?.validCertificate.id).toBe(licence.id);
    const both = await q(query, { p: valid.holderId, e: licence.holderId, t: 'RESIDENT_ID_CARD' });
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await q(query, { t: 'RESIDENT_ID_CARD' });
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(neither.errors?.[0]?.message).toMatch(/exactly one of holderPerson and holderEnterprise/);
  });

  it('describes every certificate type', async () => {
    const { data } = await q('{ certificateTypes { type name holderKind issuingDepartmentKind issuingLevel typicalValidityYears validityRule } }');
    expect(data?.certificateTypes).toHaveLength(15);
    expect(data?.certificateTypes[0]).toMatchObject({
      type: 'RESIDENT_ID_CARD',
      name: '居民身份证',
      holderKind: 'PERSON',
      issuingDepartmentKind: 'PUBLIC_SECURITY',
      issuingLevel: 'COUNTY',
    });
    const food = data?.certificateTypes.find((t: { type: string }) => t.type === 'FOOD_BUSINESS_LICENCE');
    expect(food).toMatchObject({ holderKind: 'ENTERPRISE', issuingDepartmentKind: 'MARKET_REGULATION', typicalValidityYears: 5 });
  });

  it('resolves Certificate, Person and Enterprise entities by key (_entities)', async () => {
    const card = first((c) => c.type === 'RESIDENT_ID_CARD');
    const certs = await q('query($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { id type } } }', {
      r: [
        { __typename: 'Certificate', id: card.id },
        { __typename: 'Certificate', id: 'JMSFZ-999999999-01' },
      ],
    });
    expect(certs.data?._entities).toEqual([{ id: card.id, type: 'RESIDENT_ID_CARD' }, null]);
    const person = personAt(SEED.seed, 0).id;
    const people = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id certificates(type: HOUSEHOLD_REGISTER) { type } all: certificates { id } } } }',
      {
        r: [{ __typename: 'Person', id: person }],
      },
    );
    expect(people.data?._entities[0]).toEqual({
      id: person,
      certificates: [{ type: 'HOUSEHOLD_REGISTER' }],
      all: expect.arrayContaining(rows.filter((c) => c.holderId === person).map((c) => ({ id: c.id }))),
    });
    const code = enterpriseAt(SEED.seed, 1, SEED.size).creditCode;
    const firms = await q(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { creditCode certificates(status: VALID) { type status } } } }',
      {
        r: [{ __typename: 'Enterprise', creditCode: code }],
      },
    );
    const expected = rows.filter((c) => c.holderId === code && certificateStatus(c, today) === 'VALID');
    expect(firms.data?._entities[0].certificates).toHaveLength(expected.length);
  });

  it('answers bad input with coded, precise errors', async () => {
    const badId = await q('query($p: ResidentId) { certificates(holderPerson: $p) { nodes { id } } }', { p: '110101194501010010' });
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badId.errors?.[0]?.message).toContain('check character should be');
    const badCode = await q('query($e: CreditCode!) { validCertificate(holderEnterprise: $e, type: BUSINESS_LICENCE) { id } }', { e: '91110000600037341I' });
    expect(badCode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await q('{ certificate(id: "JMSFZ-999999999-01") { id } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const oversize = await q('{ certificates(first: 101) { nodes { id } } }');
    expect(oversize.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(oversize.errors?.[0]?.message).toContain('100');
    const backwards = await q('{ certificates(issuedFrom: "2020-01-01", issuedTo: "2019-01-01") { nodes { id } } }');
    expect(backwards.errors?.[0]?.message).toMatch(/^issuedTo:/);
    const twoHolders = await q(
      `{ certificates(holderPerson: "${personAt(SEED.seed, 0).id}", holderEnterprise: "${enterpriseAt(SEED.seed, 0, SEED.size).creditCode}") { nodes { id } } }`,
    );
    expect(twoHolders.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets citizens and enterprises read only their own certificates', async () => {
    const me = personAt(SEED.seed, 0).id;
    const other = personAt(SEED.seed, 1).id;
    const mine = await dept.query('{ certificates(first: 100) { nodes { id holder { ... on Person { id } } } } }', {}, { caller: citizen(me) });
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.certificates.nodes.length).toBe(rows.filter((c) => c.holderId === me).length);
    const theirs = await dept.query('query($p: ResidentId) { certificates(holderPerson: $p) { nodes { id } } }', { p: other }, { caller: citizen(me) });
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byId = await dept.query(
      'query($id: ID!) { certificate(id: $id) { number } }',
      { id: rows.find((c) => c.holderId === other)!.id },
      { caller: citizen(me) },
    );
    expect(byId.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const firm = enterpriseAt(SEED.seed, 0, SEED.size).creditCode;
    const own = await dept.query(
      'query($e: CreditCode) { validCertificate(holderEnterprise: $e, type: BUSINESS_LICENCE) { number } }',
      { e: firm },
      {
        caller: { role: 'ENTERPRISE', subject: firm, department: null, scopes: [] },
      },
    );
    expect(own.errors).toBeUndefined();
    const anonymous = await dept.query('{ certificates { nodes { id } } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noPurpose = await dept.query('{ certificates(first: 1) { nodes { id } } }', {}, { caller: OFFICER });
    expect(noPurpose.errors?.[0]?.message).toMatch(/purpose/);
    const noDuty = await dept.query('{ certificates(first: 1) { nodes { id } } }', {}, { caller: { ...OFFICER, scopes: ['population:read'] }, purpose: 'x' });
    expect(noDuty.errors?.[0]?.message).toMatch(/certificates:read/);
    const types = await dept.query('{ certificateTypes { type } }');
    expect(types.errors).toBeUndefined();
  });

  it('costs the same number of SQL statements whatever the number of entities', async () => {
    const sqlFor = async (query: string, representations: object[]) => {
      dept.sql.reset();
      const { errors } = await q(query, { r: representations });
      expect(errors).toBeUndefined();
      return dept.sql.count;
    };
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Person', id: personAt(SEED.seed, i).id }));
    const personQuery =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { certificates { id status } valid: certificates(status: VALID, type: RESIDENT_ID_CARD) { id } } } }';
    const [few, many] = [await sqlFor(personQuery, people(3)), await sqlFor(personQuery, people(60))];
    expect(many, `Person.certificates: 3 people -> ${few} statements, 60 -> ${many}`).toBe(few);
    // one SELECT for all the people, and one INSERT of the access records into the outbox
    expect(few).toBe(2);
    const firms = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ __typename: 'Enterprise', creditCode: enterpriseAt(SEED.seed, i, SEED.size).creditCode }));
    const firmQuery = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { certificates(type: BUSINESS_LICENCE) { id } } } }';
    expect(await sqlFor(firmQuery, firms(2))).toBe(await sqlFor(firmQuery, firms(30)));
    const certs = (n: number) => rows.slice(0, n).map((c) => ({ __typename: 'Certificate', id: c.id }));
    const certQuery = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { id name issuingDepartment { code } } } }';
    // no personal field selected, so no access record: the one SELECT alone
    expect(await sqlFor(certQuery, certs(3))).toBe(1);
    expect(await sqlFor(certQuery, certs(50))).toBe(1);
    const withNumbers = certQuery.replace('id name', 'id number holder { __typename }');
    expect(await sqlFor(withNumbers, certs(50))).toBe(await sqlFor(withNumbers, certs(3)));
  });
});
