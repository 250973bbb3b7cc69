import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasePageDocument, RegionDashboardDocument } from './generated/operations.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { registeredAgencies } from '../reference/agencies.js';
import { todayInChina } from '../platform/time.js';

// officer tokens name an existing agency (gateway/auth.ts): the first of the sample catalog, 北京市公安厅
const AGENCY = registeredAgencies()[0]!.code;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

const today = todayInChina();
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
const officer = async () => ({
  ...(await bearer({
    role: 'OFFICER',
    subject: 'officer-5',
    department: AGENCY,
    scopes: ['cases:read', 'cases:unmask', 'evaluation:read', 'certificates:read'],
  })),
  'x-purpose': 'supervision of case handling',
});

describe('service delivery across cases, the certificate hub, evaluation and the hotline', () => {
  it("answers a region's items with the most overdue cases, their satisfaction, and the top unmet demands", async () => {
    const supervisor = await bearer({ role: 'SUPERVISOR', subject: 'supervisor-1' });
    const { data, errors } = await platform.query(print(RegionDashboardDocument), { code: '110000', from: yearAgo, to: today }, supervisor);
    expect(errors).toBeUndefined();
    const items = data!.region.mostOverdueItems as {
      overdueCases: number;
      totalCases: number;
      item: { name: string; satisfaction: { evaluations: number } | null };
    }[];
    for (const row of items) {
      expect(row.overdueCases).toBeLessThanOrEqual(row.totalCases);
      expect(row.item.name.length).toBeGreaterThan(0);
      expect(row.item.satisfaction).not.toBeNull();
    }
    expect(items.map((r) => r.overdueCases)).toEqual([...items.map((r) => r.overdueCases)].sort((a, b) => b - a));
    const demand = data!.region.unmetDemand as { rank: number; score: number }[];
    expect(demand.map((d) => d.rank)).toEqual(demand.map((_, i) => i + 1));
  });

  it('shows a citizen one case: its timeline from two channels, the materials they need not submit, and its evaluation', async () => {
    // find, as an officer, a delivered and evaluated case that crossed two channels
    const list = await platform.query(
      '{ cases(status: DELIVERED, first: 100) { nodes { id applicantKind applicantId events { channel } evaluation { level } } } }',
      {},
      await officer(),
    );
    expect(list.errors).toBeUndefined();
    const chosen = (
      list.data!.cases.nodes as { id: string; applicantKind: string; applicantId: string; events: { channel: string }[]; evaluation: unknown }[]
    ).find((c) => c.applicantKind === 'PERSON' && c.evaluation && new Set(c.events.map((e) => e.channel)).size >= 2);
    expect(chosen, 'the sample data has a delivered, evaluated, two-channel case').toBeDefined();
    const citizen = await bearer({ role: 'CITIZEN', subject: chosen!.applicantId });
    const { data, errors } = await platform.query(print(CasePageDocument), { id: chosen!.id }, citizen);
    expect(errors).toBeUndefined();
    const page = data!.case;
    expect(new Set(page.events.map((e: { channel: string }) => e.channel)).size).toBeGreaterThanOrEqual(2);
    expect(page.events[0].status).toBe('SUBMITTED');
    expect(page.evaluation.level).toBeTruthy();
    // data runs, not people: a material backed by a valid certificate need not be submitted
    for (const m of page.materials) expect(m.mustSubmit).toBe(m.satisfiedBy === null);
    const idCard = page.materials.find((m: { certificateType: string | null }) => m.certificateType === 'RESIDENT_ID_CARD');
    if (idCard) expect(idCard.mustSubmit).toBe(false);
    // another citizen sees none of it
    const other = await platform.query(print(CasePageDocument), { id: chosen!.id }, await bearer({ role: 'CITIZEN', subject: '11010519491231002X' }));
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(other.data ?? null)).not.toContain(chosen!.applicantId);
  });

  it('answers an illegal transition through the gateway with a typed problem, leaving the case unchanged', async () => {
    const list = await platform.query('{ cases(status: DELIVERED, first: 100) { nodes { id status evaluation { id level } } } }', {}, await officer());
    const delivered = (list.data!.cases.nodes as { id: string; evaluation: { level: string } | null }[]).find((c) => c.evaluation)!;
    const handler = await bearer({ role: 'OFFICER', subject: 'officer-6', department: AGENCY, scopes: ['cases:write', 'cases:read'] });
    const mutations = (await platform.query('{ __schema { mutationType { fields { name } } } }', {}, handler)).data?.__schema.mutationType.fields.map(
      (f: { name: string }) => f.name,
    ) as string[];
    expect(mutations.length).toBeGreaterThan(0);
    const name = mutations.find((m) => /^(acceptCase|advanceCase)$/.test(m))!;
    const illegal =
      name === 'acceptCase'
        ? await platform.query(
            'mutation($id: ID!) { acceptCase(id: $id, channel: SERVICE_HALL) { ... on MutationProblem { code } } }',
            { id: delivered.id },
            handler,
          )
        : await platform.query(
            'mutation($id: ID!) { advanceCase(id: $id, action: ACCEPT, channel: SERVICE_HALL) { ... on MutationProblem { code } } }',
            { id: delivered.id },
            handler,
          );
    // an illegal step is a typed problem (CaseStepResult), not an error
    expect(illegal.errors).toBeUndefined();
    expect(illegal.data?.[name].code).toBe('ILLEGAL_TRANSITION');
    const after = await platform.query('query($id: ID!) { case(id: $id) { status events { status } } }', { id: delivered.id }, await officer());
    expect(after.data!.case.status).toBe('DELIVERED');
    expect(after.data!.case.events.at(-1).status).toBe('DELIVERED');
  });
});
