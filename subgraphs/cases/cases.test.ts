import { compareNewestFirst } from '../../platform/pagination.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { enterpriseAt, personAt } from '../../samples/synthetic.js';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { defaultCalendar } from '../../platform/working-days.js';
import { cases } from './department.js';
import type { Case } from './entities.js';
import { generateCases, generateImplementations } from './seed.js';
import { clockOn, inPersonVisits } from './timeline.js';
import { todayInChina } from '../../platform/time.js';
import { withinDivision } from '../../platform/identifiers/index.js';

const SEED = { size: 300, seed: 7 };
const today = todayInChina();
const generated = [...generateCases(SEED, today)];
const rows = generated.map((g) => g.row);
const eventsOf = new Map(generated.map((g) => [g.row.id, g.events]));
const cal = defaultCalendar();
const overdueNow = (c: Case) => clockOn(c, today).overdueWorkingDays > 0;

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(cases, SEED);
});
afterAll(() => dept?.close());

const citizen = (subject: string): Caller => ({ role: 'CITIZEN', subject, department: null, scopes: [] });
const q = (query: string, variables: Record<string, unknown> = {}, caller: Caller = OFFICER) =>
  dept.query(query, variables, { caller, purpose: 'case handling' });
const first = (test: (c: Case) => boolean) => rows.find(test) ?? expect.fail('no such case in the sample');
const codeOf = (errors: { extensions?: Record<string, any> }[] | undefined) => errors?.[0]?.extensions?.code;

// 失业保险金申领: persons, online or at the hall, promised 3 working days
const ITEM = 'JF-040003-001';
const IMPLEMENTATION = generateImplementations(SEED.seed).find((i) => i.itemCode === ITEM)!;
// deciding a case is for its implementing agency: the officer works there
const OFFICER: Caller = {
  role: 'OFFICER',
  subject: 'officer-1',
  department: IMPLEMENTATION.departmentCode,
  scopes: ['cases:read', 'cases:write', 'cases:unmask'],
};
const READER: Caller = { ...OFFICER, subject: 'officer-2', scopes: ['cases:read', 'cases:unmask'] };
const submission = (applicantId: string, extra: Record<string, unknown> = {}) => ({
  itemCode: ITEM,
  implementationCode: IMPLEMENTATION.code,
  applicantKind: 'PERSON',
  applicantId,
  channel: 'WEB_PORTAL',
  ...extra,
});
const CASE_FIELDS =
  'id status applicantKind applicantId agent { id } channel promisedLimitDays acceptedOn decidedOn dueDate overdue overdueWorkingDays suspendedWorkingDays inPersonVisits allowedActions events { time status channel handler note }';
const SUBMIT = `mutation($input: SubmitCaseInput!, $key: String) { submitCase(input: $input, idempotencyKey: $key) { ... on Case { ${CASE_FIELDS} region { code } department { code } } } }`;
// a step answers the case, or a typed problem (CaseStepResult)
const RESULT_FIELDS = `__typename ... on Case { ${CASE_FIELDS} } ... on MutationProblem { code message } ... on IllegalTransition { attempted status allowedActions case { id status mayWithdraw } }`;
const step = (mutation: string, args = '') =>
  `mutation($id: ID!, $channel: Channel!, $key: String${args.includes('$reason') ? ', $reason: String!' : ''}) { ${mutation}(id: $id, channel: $channel, idempotencyKey: $key${args}) { ${RESULT_FIELDS} } }`;
const readCase = async (id: string) => (await q(`query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`, { id })).data?.case;

describe('cases department', () => {
  it('stores the shared sample cases with their timelines and time limits', async () => {
    const suspended = first((c) => c.decidedOn !== null && c.suspendedDays > 0);
    const events = eventsOf.get(suspended.id)!;
    // independent of timeline.ts: due = acceptance + promised limit + working days suspended
    const suspendedOn = events.find((e) => e.status === 'SUSPENDED')!.at.slice(0, 10);
    const resumedOn = events.find((e, i) => e.status === 'UNDER_REVIEW' && events[i - 1]?.status === 'SUSPENDED')!.at.slice(0, 10);
    const pause = cal.workingDaysBetween(suspendedOn, resumedOn);
    const due = cal.addWorkingDays(suspended.acceptedOn!, suspended.promisedLimitDays + pause);
    const late = Math.max(0, cal.workingDaysBetween(due, suspended.decidedOn!));
    const data = await readCase(suspended.id);
    expect(data).toMatchObject({ id: suspended.id, dueDate: due, suspendedWorkingDays: pause, overdueWorkingDays: late, overdue: late > 0 });
    expect(data.events.map((e: { status: string }) => e.status)).toEqual(events.map((e) => e.status));
    const late2 = first((c) => (c.overdueDays ?? 0) > 0 && c.decidedOn !== null);
    expect(await readCase(late2.id)).toMatchObject({ overdue: true, overdueWorkingDays: late2.overdueDays });
    const unknown = await q('{ case(id: "11C2000010100000000") { id } }');
    expect(codeOf(unknown.errors)).toBe('NOT_FOUND');
  });
  it('counts in-person trips from the timeline', async () => {
    const hall = first((c) => c.channel === 'SERVICE_HALL' && eventsOf.get(c.id)!.some((e) => e.status === 'DELIVERED' && e.channel === 'SERVICE_HALL'));
    expect((await readCase(hall.id)).inPersonVisits).toBe(2);
    const online = first((c) => c.channel === 'WEB_PORTAL' && eventsOf.get(c.id)!.every((e) => e.status !== 'DELIVERED' || e.channel === 'POST'));
    expect((await readCase(online.id)).inPersonVisits).toBe(0);
    expect(
      inPersonVisits([
        { status: 'SUBMITTED', channel: 'WEB_PORTAL' },
        { status: 'SUSPENDED', channel: 'SERVICE_HALL' },
        { status: 'UNDER_REVIEW', channel: 'SERVICE_HALL' },
      ]),
    ).toBe(1);
  });
  it('filters cases by region (and below), status, item, overdue and submission date, newest first', async () => {
    const list = async (args: string) => {
      const { data, errors } = await q(`{ cases(${args}, first: 100) { nodes { id status overdue } pageInfo { hasNextPage } } }`);
      expect(errors).toBeUndefined();
      return data?.cases.nodes as { id: string; status: string; overdue: boolean }[];
    };
    const expectIds = (nodes: { id: string }[], expected: Case[]) =>
      expect(nodes.map((n) => n.id)).toEqual(
        expected
          .map((c) => c.id)
          .sort(compareNewestFirst)
          .slice(0, 100),
      );
    const province = first((c) => c.regionCode.startsWith('51')).regionCode.slice(0, 2) + '0000';
    expectIds(
      await list(`region: "${province}", status: DELIVERED`),
      rows.filter((c) => withinDivision(province, c.regionCode) && c.status === 'DELIVERED'),
    );
    const item = rows[0]!.itemCode;
    expectIds(
      await list(`item: "${item}"`),
      rows.filter((c) => c.itemCode === item),
    );
    expectIds(await list('overdue: true'), rows.filter(overdueNow));
    expectIds(
      await list(`overdue: false, region: "${rows[1]!.regionCode}"`),
      rows.filter((c) => !overdueNow(c) && c.regionCode === rows[1]!.regionCode),
    );
    const from = rows[5]!.submittedOn;
    expectIds(
      await list(`submittedFrom: "${from}", submittedTo: "${from}"`),
      rows.filter((c) => c.submittedOn === from),
    );
    const page1 = await q('{ cases(first: 5) { nodes { id } pageInfo { hasNextPage endCursor } } }');
    const page2 = await q('query($a: String) { cases(first: 5, after: $a) { nodes { id } } }', { a: page1.data?.cases.pageInfo.endCursor });
    const newest = rows.map((c) => c.id).sort(compareNewestFirst);
    expect([...page1.data!.cases.nodes, ...page2.data!.cases.nodes].map((n: { id: string }) => n.id)).toEqual(newest.slice(0, 10));
    expect(codeOf((await q('{ cases(first: 101) { nodes { id } } }')).errors)).toBe('BAD_USER_INPUT');
    const backwards = await q('{ cases(submittedFrom: "2026-02-01", submittedTo: "2026-01-01") { nodes { id } } }');
    expect(backwards.errors?.[0]?.message).toMatch(/^submittedTo:/);
  });
  it('keeps cases to their applicant and agent (root field and _entities)', async () => {
    const mine = first((c) => c.applicantKind === 'PERSON' && c.agentId === null);
    const theirs = first((c) => c.applicantKind === 'PERSON' && c.applicantId !== mine.applicantId && c.agentId !== mine.applicantId);
    const me = citizen(mine.applicantId);
    const own = await dept.query('query($id: ID!) { case(id: $id) { id applicantId events { status } } }', { id: mine.id }, { caller: me });
    expect(own.errors).toBeUndefined();
    const other = await dept.query('query($id: ID!) { case(id: $id) { id status } }', { id: theirs.id }, { caller: me });
    expect(codeOf(other.errors)).toBe('FORBIDDEN');
    const entities = await dept.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id status } } }',
      { r: [{ __typename: 'Case', id: theirs.id }] },
      { caller: me },
    );
    expect(codeOf(entities.errors)).toBe('FORBIDDEN');
    const listed = await dept.query('{ cases(first: 100) { nodes { id } } }', {}, { caller: me });
    const expected = rows
      .filter((c) => (c.applicantKind === 'PERSON' && c.applicantId === mine.applicantId) || c.agentId === mine.applicantId)
      .map((c) => c.id);
    expect(listed.data?.cases.nodes.map((n: { id: string }) => n.id).sort()).toEqual(expected.sort());
    expect(codeOf((await dept.query('{ cases { nodes { id } } }')).errors)).toBe('FORBIDDEN');
    expect(
      codeOf((await dept.query('{ cases { nodes { id } } }', {}, { caller: { role: 'SUPERVISOR', subject: 's', department: null, scopes: [] } })).errors),
    ).toBe('FORBIDDEN');
    const noPurpose = await dept.query('query($id: ID!) { case(id: $id) { status } }', { id: mine.id }, { caller: READER });
    expect(noPurpose.errors?.[0]?.message).toMatch(/purpose/);
  });
  it('computes figures per item, agency and region (with the divisions below) in one GROUP BY', async () => {
    const from = rows.map((c) => c.submittedOn).sort()[0]!;
    const inWindow = rows.filter((c) => c.submittedOn >= from && c.submittedOn <= today);
    const expected = (subset: Case[]) => {
      const decided = subset.filter((c) => c.handlingDays !== null);
      return {
        total: subset.length,
        overdue: subset.filter(overdueNow).length,
        agentAssisted: subset.filter((c) => c.agentId !== null).length,
        onTimeRate: decided.length ? decided.filter((c) => c.overdueDays === 0).length / decided.length : null,
        averageWorkingDays: decided.length ? decided.reduce((s, c) => s + c.handlingDays!, 0) / decided.length : null,
      };
    };
    const FIGURES =
      'caseFigures(from: $from, to: $to) { total overdue agentAssisted onTimeRate averageWorkingDays byStatus { status count } byChannel { channel count } }';
    const county = first((c) => !c.regionCode.endsWith('00'));
    const province = `${county.regionCode.slice(0, 2)}0000`;
    const prefecture = `${county.regionCode.slice(0, 4)}00`;
    const { data, errors } = await dept.query(
      `query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) { ... on Region { ${FIGURES} } ... on ServiceItem { ${FIGURES} } ... on Department { ${FIGURES} } } }`,
      {
        from,
        to: today,
        r: [
          { __typename: 'Region', code: province },
          { __typename: 'Region', code: prefecture },
          { __typename: 'ServiceItem', code: county.itemCode },
          { __typename: 'Department', code: county.departmentCode },
        ],
      },
    );
    expect(errors).toBeUndefined();
    const [byProvince, byPrefecture, byItem, byAgency] = data!._entities;
    const subsets = [
      inWindow.filter((c) => c.regionCode.startsWith(province.slice(0, 2))),
      inWindow.filter((c) => c.regionCode.startsWith(prefecture.slice(0, 4))),
      inWindow.filter((c) => c.itemCode === county.itemCode),
      inWindow.filter((c) => c.departmentCode === county.departmentCode),
    ];
    [byProvince, byPrefecture, byItem, byAgency].forEach((f, i) => {
      const want = expected(subsets[i]!);
      expect(f.caseFigures).toMatchObject({ total: want.total, overdue: want.overdue, agentAssisted: want.agentAssisted });
      if (want.onTimeRate === null) expect(f.caseFigures.onTimeRate).toBeNull();
      else expect(f.caseFigures.onTimeRate).toBeCloseTo(want.onTimeRate, 10);
      if (want.averageWorkingDays !== null) expect(f.caseFigures.averageWorkingDays).toBeCloseTo(want.averageWorkingDays, 10);
      expect(f.caseFigures.byStatus.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(want.total);
      expect(f.caseFigures.byChannel.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(want.total);
    });
    expect(byProvince.caseFigures.total).toBeGreaterThan(byPrefecture.caseFigures.total);
    const badWindow = await dept.query(
      '{ _entities(representations: [{ __typename: "Region", code: "510000" }]) { ... on Region { caseFigures(from: "2020-01-01", to: "2023-01-02") { total } } } }',
    );
    expect(badWindow.errors?.[0]?.message).toMatch(/^to: the window from 2020-01-01 may last at most 3 years/);
    const odd = await dept.query(
      '{ _entities(representations: [{ __typename: "ServiceItem", code: "NO|SUCH" }]) { ... on ServiceItem { caseFigures(from: "2026-01-01", to: "2026-02-01") { total byStatus { count } onTimeRate } } } }',
    );
    expect(odd.data?._entities[0].caseFigures).toEqual({ total: 0, byStatus: [], onTimeRate: null });
    const reversed = await dept.query(
      '{ _entities(representations: [{ __typename: "ServiceItem", code: "XK-010006-001" }]) { ... on ServiceItem { caseFigures(from: "2026-02-01", to: "2026-01-01") { total } } } }',
    );
    expect(codeOf(reversed.errors)).toBe('BAD_USER_INPUT');
  });
  it('ranks a region’s most overdue items', async () => {
    const from = rows.map((c) => c.submittedOn).sort()[0]!;
    const province = `${rows[0]!.regionCode.slice(0, 2)}0000`;
    const { data, errors } = await dept.query(
      'query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) { ... on Region { mostOverdueItems(from: $from, to: $to, first: 3) { item { code } overdueCases totalCases } } } }',
      { r: [{ __typename: 'Region', code: province }], from, to: today },
    );
    expect(errors).toBeUndefined();
    const tally = new Map<string, { overdueCases: number; totalCases: number }>();
    for (const c of rows.filter((r) => r.regionCode.startsWith(province.slice(0, 2)))) {
      const t = tally.get(c.itemCode) ?? { overdueCases: 0, totalCases: 0 };
      t.totalCases += 1;
      if (overdueNow(c)) t.overdueCases += 1;
      tally.set(c.itemCode, t);
    }
    const ranked = [...tally]
      .filter(([, t]) => t.overdueCases > 0)
      .sort(([a, x], [b, y]) => y.overdueCases - x.overdueCases || x.totalCases - y.totalCases || (a < b ? -1 : 1))
      .slice(0, 3)
      .map(([code, t]) => ({ item: { code }, ...t }));
    expect(data?._entities[0].mostOverdueItems).toEqual(ranked);
  });
  it('checks draft applications and resolves every key (_entities)', async () => {
    const person = personAt(SEED.seed, 0).id;
    const draft = await q(
      'query($id: String!) { draftApplication(itemCode: "JF-040003-001", applicantKind: PERSON, applicantId: $id) { itemCode applicantKind applicantId item { code } applicant { ... on Person { id } } } }',
      { id: person },
    );
    expect(draft.data?.draftApplication).toEqual({
      itemCode: ITEM,
      applicantKind: 'PERSON',
      applicantId: person,
      item: { code: ITEM },
      applicant: { id: person },
    });
    const bad = await q('{ draftApplication(itemCode: "JF-040003-001", applicantKind: ENTERPRISE, applicantId: "91110000600037341I") { itemCode } }');
    expect(bad.errors?.[0]?.message).toMatch(/^applicantId: not a valid unified social credit code: /);
    const wrongKind = await q(`{ draftApplication(itemCode: "XK-020003-001", applicantKind: PERSON, applicantId: "${person}") { itemCode } }`);
    expect(codeOf(wrongKind.errors)).toBe('BAD_USER_INPUT');
    const other = await dept.query(
      `{ draftApplication(itemCode: "${ITEM}", applicantKind: PERSON, applicantId: "${personAt(SEED.seed, 1).id}") { itemCode } }`,
      {},
      { caller: citizen(person) },
    );
    expect(codeOf(other.errors)).toBe('FORBIDDEN');
    const c = rows[0]!;
    const firm = first((x) => x.applicantKind === 'ENTERPRISE').applicantId;
    const { data, errors } = await q(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Case { id item { code } }
        ... on DraftApplication { itemCode applicantId }
        ... on Person { person: id cases { nodes { id } } }
        ... on Enterprise { creditCode cases { nodes { id } } }
        ... on ServiceItem { code }
        ... on Department { code }
        ... on Region { region: code }
      } }`,
      {
        r: [
          { __typename: 'Case', id: c.id },
          { __typename: 'Case', id: '11C2000010100000000' },
          { __typename: 'DraftApplication', itemCode: ITEM, applicantKind: 'PERSON', applicantId: person },
          { __typename: 'Person', id: c.applicantId },
          { __typename: 'Enterprise', creditCode: firm },
          { __typename: 'ServiceItem', code: ITEM },
          { __typename: 'Department', code: c.departmentCode },
          { __typename: 'Region', code: c.regionCode },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { id: c.id, item: { code: c.itemCode } },
      null,
      { itemCode: ITEM, applicantId: person },
      {
        person: c.applicantId,
        cases: {
          nodes: rows
            .filter((x) => x.applicantKind === 'PERSON' && x.applicantId === c.applicantId)
            .map((x) => ({ id: x.id }))
            .sort((a, b) => (a.id < b.id ? 1 : -1)),
        },
      },
      {
        creditCode: firm,
        cases: {
          nodes: rows
            .filter((x) => x.applicantId === firm)
            .map((x) => ({ id: x.id }))
            .sort((a, b) => (a.id < b.id ? 1 : -1)),
        },
      },
      { code: ITEM },
      { code: c.departmentCode },
      { region: c.regionCode },
    ]);
  });
  it('costs the same number of SQL statements whatever the number of entities', async () => {
    const sqlFor = async (query: string, representations: object[], variables: Record<string, unknown> = {}) => {
      dept.sql.reset();
      const { errors } = await q(query, { r: representations, ...variables });
      expect(errors).toBeUndefined();
      return dept.sql.count;
    };
    const applicants = [...new Set(rows.filter((c) => c.applicantKind === 'PERSON').map((c) => c.applicantId))];
    const people = (n: number) => applicants.slice(0, n).map((id) => ({ __typename: 'Person', id }));
    const personQuery =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { cases(first: 2) { nodes { id dueDate inPersonVisits events { status } } pageInfo { hasNextPage } } casesAsAgent { nodes { id } } } } }';
    expect(await sqlFor(personQuery, people(40))).toBe(await sqlFor(personQuery, people(3)));
    const caseQuery = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id overdue events { time } applicant { __typename } } } }';
    const caseRefs = (n: number) => rows.slice(0, n).map((c) => ({ __typename: 'Case', id: c.id }));
    expect(await sqlFor(caseQuery, caseRefs(50))).toBe(await sqlFor(caseQuery, caseRefs(3)));
    const regionQuery =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { caseFigures(from: "2025-01-01", to: "2026-12-31") { total } mostOverdueItems(from: "2025-01-01", to: "2026-12-31") { totalCases } } } }';
    const regions = (n: number) => [...new Set(rows.map((c) => c.regionCode))].slice(0, n).map((code) => ({ __typename: 'Region', code }));
    const [few, many] = [await sqlFor(regionQuery, regions(2)), await sqlFor(regionQuery, regions(12))];
    expect(many, `Region figures: 2 regions -> ${few} statements, 12 -> ${many}`).toBe(few);
  });

  // the tests below change data (new cases, new steps): they run after those that compare with the sample
  it('walks the whole lifecycle through mutations, recording every channel', async () => {
    const me = personAt(SEED.seed, 10).id;
    const submitted = await dept.query(SUBMIT, { input: submission(me) }, { caller: citizen(me) });
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data?.submitCase.id;
    expect(submitted.data?.submitCase).toMatchObject({
      status: 'SUBMITTED',
      applicantId: me,
      agent: null,
      promisedLimitDays: IMPLEMENTATION.promisedLimitDays,
      region: { code: IMPLEMENTATION.regionCode },
      department: { code: IMPLEMENTATION.departmentCode },
      dueDate: null,
      allowedActions: ['ACCEPT', 'REJECT'],
      events: [{ status: 'SUBMITTED', channel: 'WEB_PORTAL', handler: 'applicant' }],
    });
    const go = async (mutation: string, channel: string, extra: Record<string, unknown> = {}) => {
      const { data, errors } = await q(step(mutation, extra.reason ? ', reason: $reason' : ''), { id, channel, ...extra });
      expect(errors).toBeUndefined();
      return data?.[mutation];
    };
    const accepted = await go('acceptCase', 'SERVICE_HALL');
    expect(accepted).toMatchObject({ status: 'ACCEPTED', acceptedOn: today, dueDate: cal.addWorkingDays(today, IMPLEMENTATION.promisedLimitDays) });
    await go('startReview', 'SERVICE_HALL');
    const suspended = await go('suspendCase', 'MOBILE_APP', { reason: '需补充材料：失业证明' });
    expect(suspended).toMatchObject({ status: 'SUSPENDED', allowedActions: ['RESUME'], suspendedWorkingDays: 0 });
    await go('resumeCase', 'SERVICE_HALL');
    await go('approveCase', 'SERVICE_HALL');
    const delivered = await go('deliverCase', 'SERVICE_HALL');
    expect(delivered).toMatchObject({ status: 'DELIVERED', decidedOn: today, overdue: false, overdueWorkingDays: 0, allowedActions: [], inPersonVisits: 2 });
    expect(delivered.events.map((e: { status: string; channel: string }) => `${e.status}@${e.channel}`)).toEqual([
      'SUBMITTED@WEB_PORTAL',
      'ACCEPTED@SERVICE_HALL',
      'UNDER_REVIEW@SERVICE_HALL',
      'SUSPENDED@MOBILE_APP',
      'UNDER_REVIEW@SERVICE_HALL',
      'APPROVED@SERVICE_HALL',
      'DELIVERED@SERVICE_HALL',
    ]);
    expect(delivered.events[3]).toMatchObject({ handler: 'officer-1', note: '需补充材料：失业证明' });
    // the applicant follows the same case, whatever channel wrote it
    const mine = await dept.query(`query($id: ID!) { case(id: $id) { status events { channel } } }`, { id }, { caller: citizen(me) });
    expect(mine.data?.case).toMatchObject({ status: 'DELIVERED' });
  });
  it('answers illegal steps with the typed problem IllegalTransition and changes nothing', async () => {
    const open = first((c) => c.status === 'UNDER_REVIEW');
    const before = await readCase(open.id);
    // told to an officer of the implementing agency only: anyone else is refused before the status is looked at
    const implementer = { ...OFFICER, department: open.departmentCode };
    const deliver = await q(step('deliverCase'), { id: open.id, channel: 'POST' }, implementer);
    expect(deliver.errors).toBeUndefined();
    expect(deliver.data?.deliverCase).toEqual({
      __typename: 'IllegalTransition',
      code: 'ILLEGAL_TRANSITION',
      message: `Case ${open.id} is UNDER_REVIEW: deliverCase is not allowed; allowed now: suspendCase, approveCase, refuseCase`,
      attempted: 'deliverCase',
      status: 'UNDER_REVIEW',
      allowedActions: ['SUSPEND', 'APPROVE', 'REFUSE'],
      case: { id: open.id, status: 'UNDER_REVIEW', mayWithdraw: false },
    });
    // another agency's officer is refused the decision whatever the status: a problem would tell them where it stands
    const outsider = { ...OFFICER, department: `not-${open.departmentCode}` };
    expect(codeOf((await q(step('deliverCase'), { id: open.id, channel: 'POST' }, outsider)).errors)).toBe('FORBIDDEN');
    const ended = first((c) => c.status === 'DELIVERED');
    const again = await q(step('acceptCase'), { id: ended.id, channel: 'SERVICE_HALL' });
    expect(again.data?.acceptCase).toMatchObject({ __typename: 'IllegalTransition', status: 'DELIVERED', allowedActions: [] });
    expect(again.data?.acceptCase.message).toMatch(/is DELIVERED: acceptCase is not allowed; the case has ended/);
    const noReason = await q(step('refuseCase', ', reason: $reason'), { id: open.id, channel: 'SERVICE_HALL', reason: '   ' });
    expect(codeOf(noReason.errors)).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0]?.message).toMatch(/^reason:/);
    expect(await readCase(open.id)).toEqual(before);
    const rejected = await q(step('rejectCase', ', reason: $reason'), {
      id: first((c) => c.status === 'SUBMITTED').id,
      channel: 'WEB_PORTAL',
      reason: '材料不齐全',
    });
    expect(rejected.data?.rejectCase).toMatchObject({ status: 'NOT_ACCEPTED', allowedActions: [], dueDate: null });
    expect(rejected.data?.rejectCase.events.at(-1)).toMatchObject({ status: 'NOT_ACCEPTED', note: '材料不齐全' });
    expect(codeOf((await q(step('acceptCase'), { id: '11C2000010100000000', channel: 'WEB_PORTAL' })).errors)).toBe('NOT_FOUND');
  });
  it('answers a repeated idempotency key with the first result, and another input with CONFLICT', async () => {
    const me = personAt(SEED.seed, 20).id;
    const count = async () => (await dept.query('{ cases(first: 100) { nodes { id } } }', {}, { caller: citizen(me) })).data?.cases.nodes.length;
    const before = await count();
    const once = await dept.query(SUBMIT, { input: submission(me), key: 'k-1' }, { caller: citizen(me) });
    const twice = await dept.query(SUBMIT, { input: submission(me), key: 'k-1' }, { caller: citizen(me) });
    expect(twice.data?.submitCase.id).toBe(once.data?.submitCase.id);
    expect(await count()).toBe(before + 1);
    const other = await dept.query(SUBMIT, { input: submission(me, { channel: 'MOBILE_APP' }), key: 'k-1' }, { caller: citizen(me) });
    expect(codeOf(other.errors)).toBe('CONFLICT');
    expect(await count()).toBe(before + 1);
    const id = once.data?.submitCase.id;
    const accept = () => q(step('acceptCase'), { id, channel: 'SERVICE_HALL', key: 'accept-1' });
    const [a, b] = [await accept(), await accept()];
    expect(b.errors).toBeUndefined();
    expect(b.data?.acceptCase).toEqual(a.data?.acceptCase);
    expect(a.data?.acceptCase.events).toHaveLength(2);
    const reused = await q(step('startReview'), { id, channel: 'SERVICE_HALL', key: 'accept-1' });
    expect(codeOf(reused.errors)).toBe('CONFLICT');
    expect((await readCase(id)).status).toBe('ACCEPTED');
  });
  it('lets citizens submit for themselves or as agents under a mandate, and handling only to officers with cases:write', async () => {
    const me = personAt(SEED.seed, 30).id;
    const other = personAt(SEED.seed, 31).id;
    const unmandated = await dept.query(SUBMIT, { input: submission(other) }, { caller: citizen(me) });
    expect(codeOf(unmandated.errors)).toBe('FORBIDDEN');
    const validUntil = new Date(Date.now() + 24 * 3600_000).toISOString();
    const mandate = await dept.query(
      'mutation($input: MandateInput!) { grantMandate(input: $input) { id } }',
      { input: { principalKind: 'PERSON', principalId: other, agentId: me, itemCodes: [ITEM], validUntil } },
      { caller: citizen(other) },
    );
    expect(mandate.errors).toBeUndefined();
    const forOther = await dept.query(SUBMIT, { input: submission(other) }, { caller: citizen(me) });
    // the agent sees the principal's identity number masked at the source (sealed for the other departments)
    expect(forOther.data?.submitCase).toMatchObject({
      applicantId: expect.stringMatching(new RegExp(`^${other.slice(0, 6)}\\*{12}~gs1\\.`)),
      agent: { id: me },
      events: [{ handler: 'agent' }],
    });
    const asAgent = await dept.query('query($id: ID!) { case(id: $id) { id } }', { id: forOther.data?.submitCase.id }, { caller: citizen(me) });
    expect(asAgent.errors).toBeUndefined();
    const someoneElseAgent = await dept.query(SUBMIT, { input: submission(other, { agentId: personAt(SEED.seed, 32).id }) }, { caller: citizen(me) });
    expect(codeOf(someoneElseAgent.errors)).toBe('FORBIDDEN');
    const firm = enterpriseAt(SEED.seed, 0, SEED.size).creditCode;
    const notMine = await dept.query(
      SUBMIT,
      { input: { ...submission(firm), applicantKind: 'ENTERPRISE', itemCode: 'XK-020003-001' } },
      { caller: { role: 'ENTERPRISE', subject: enterpriseAt(SEED.seed, 1, SEED.size).creditCode, department: null, scopes: [] } },
    );
    expect(codeOf(notMine.errors)).toBe('FORBIDDEN');
    expect(codeOf((await dept.query(SUBMIT, { input: submission(me) })).errors)).toBe('FORBIDDEN');
    const byClerk = await q(step('acceptCase'), { id: forOther.data?.submitCase.id, channel: 'SERVICE_HALL' }, READER);
    expect(codeOf(byClerk.errors)).toBe('FORBIDDEN');
    expect(byClerk.errors?.[0]?.message).toMatch(/cases:write/);
    const byCitizen = await dept.query(step('acceptCase'), { id: forOther.data?.submitCase.id, channel: 'WEB_PORTAL' }, { caller: citizen(me) });
    expect(codeOf(byCitizen.errors)).toBe('FORBIDDEN');
    expect((await readCase(forOther.data?.submitCase.id)).status).toBe('SUBMITTED');
  });
  it('withdrawal is the applicant’s own: the department itself refuses an officer, and a stranger as for an unknown id', async () => {
    const me = personAt(SEED.seed, 50).id;
    const submitted = await dept.query(SUBMIT, { input: submission(me) }, { caller: citizen(me) });
    const id = submitted.data?.submitCase.id;
    const WITHDRAW = `mutation($id: ID!) { withdrawCase(id: $id, reason: "重复申请") { ${RESULT_FIELDS} } }`;
    // the gateway refuses officers by the schema's @access too; the department does not rely on it
    const byOfficer = await q(WITHDRAW, { id });
    expect(codeOf(byOfficer.errors)).toBe('FORBIDDEN');
    expect(byOfficer.errors?.[0]?.message).toMatch(/officers cannot withdraw for the applicant/);
    const stranger = citizen(personAt(SEED.seed, 51).id);
    const theirs = await dept.query(WITHDRAW, { id }, { caller: stranger });
    const unknown = await dept.query(WITHDRAW, { id: '11C2000010100000000' }, { caller: stranger });
    expect([codeOf(theirs.errors), codeOf(unknown.errors)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(theirs.errors?.[0]?.message.replace(id, '<id>')).toBe(unknown.errors?.[0]?.message.replace('11C2000010100000000', '<id>'));
    const blank = await dept.query(`mutation($id: ID!) { withdrawCase(id: $id, reason: "  ") { __typename } }`, { id }, { caller: citizen(me) });
    expect(blank.errors?.[0]?.message).toBe('reason: must say why the case is withdrawn');
    expect((await readCase(id)).status).toBe('SUBMITTED');
    const own = await dept.query(WITHDRAW, { id }, { caller: citizen(me) });
    expect(own.data?.withdrawCase).toMatchObject({ __typename: 'Case', status: 'WITHDRAWN', allowedActions: [], decidedOn: null });
    expect(own.data?.withdrawCase.events.at(-1)).toMatchObject({ status: 'WITHDRAWN', channel: 'WEB_PORTAL', handler: 'applicant', note: '重复申请' });
  });
  it('checks submissions: identifiers, item, implementation and channel', async () => {
    const me = personAt(SEED.seed, 40).id;
    const submit = (input: Record<string, unknown>) => dept.query(SUBMIT, { input }, { caller: citizen(me) });
    const badId = await submit(submission(`${me.slice(0, 17)}${me.endsWith('0') ? '1' : '0'}`));
    expect(badId.errors?.[0]?.message).toMatch(/^input.applicantId: not a valid resident identity number: check character should be/);
    expect((await submit(submission(me, { itemCode: 'XK-020003-001' }))).errors?.[0]?.message).toMatch(/for enterprises only/);
    expect((await submit(submission(me, { channel: 'HOTLINE' }))).errors?.[0]?.message).toMatch(/^input.channel: .* cannot be applied for through HOTLINE/);
    expect((await submit(submission(me, { implementationCode: 'XK-000000-000-4110101-000000000' }))).errors?.[0]?.message).toMatch(
      /^input.implementationCode:/,
    );
    expect(codeOf((await submit(submission(me, { agentId: me }))).errors)).toBe('BAD_USER_INPUT');
  });
});

describe('case ids carry the province of the implementing region (a router reads it from the first two characters)', () => {
  it('gives every sample case the province of its implementing region', () => {
    for (const c of rows) expect(c.id).toMatch(new RegExp(`^${c.regionCode.slice(0, 2)}C\\d{16}$`));
  });

  it('makes the id of a submitted case begin with the province of its implementation', async () => {
    const me = personAt(SEED.seed, 30).id;
    const { data, errors } = await dept.query(SUBMIT, { input: submission(me) }, { caller: citizen(me) });
    expect(errors).toBeUndefined();
    expect(data?.submitCase.id).toMatch(new RegExp(`^${IMPLEMENTATION.regionCode.slice(0, 2)}C${today.replaceAll('-', '')}N[0-9A-Z]{10}$`));
  });

  it('answers ids without a known province NOT_FOUND (by key: null, handlesCase: false), never INTERNAL, and changes nothing', async () => {
    const c = first((x) => x.status === 'SUBMITTED');
    const before = await readCase(c.id);
    const malformed = ['', 'XX', `XX${c.id.slice(2)}`, `99${c.id.slice(2)}`, `16${c.id.slice(2)}`, c.id.slice(2)];
    for (const id of malformed) {
      expect((await q('query($id: ID!) { case(id: $id) { id } }', { id })).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect((await q(step('acceptCase'), { id, channel: 'SERVICE_HALL' })).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect((await q('query($id: ID!) { handlesCase(id: $id) }', { id })).data?.handlesCase).toBe(false);
    }
    const byKey = await q('query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id } } }', {
      r: malformed.map((id) => ({ __typename: 'Case', id })),
    });
    expect(byKey.errors).toBeUndefined();
    expect(byKey.data?._entities).toEqual(malformed.map(() => null));
    expect(await readCase(c.id)).toEqual(before);
  });
});
