// The one-network platform's entities by key (_entities): the same record as the root query, null
// for a case nobody has, and personal records refused alike by key and at the root to the unentitled.
import { expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { personAt } from '../../samples/synthetic.js';
import { officerOnDuty, refusedCallers } from '../../platform/testing.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { cases } from './department.js';
import { todayInChina } from '../../platform/time.js';

const SEED = { size: 300, seed: 7 };
const onDuty = officerOnDuty('cases', 'basis:case-handling');
const REFUSED = refusedCallers(onDuty, 'population:read');
// a citizen's list holds their own records only (nothing to refuse); by id they are refused
const STRANGER = { caller: { role: 'CITIZEN', subject: personAt(SEED.seed, 299).id, department: null, scopes: [] } as Caller };
const today = todayInChina();
const FIGURES = `caseFigures(from: "${Number(today.slice(0, 4)) - 1}${today.slice(4)}", to: "${today}") { total onTimeRate }`;
const firstCase = (selection: string) => `{ cases(first: 1) { nodes { ${selection} } } }`;
const personCase = (selection: string) => `{ cases(first: 50) { nodes { applicantKind ${selection} } } }`;
const ofKind = (kind: string, field: string) => (d: any) => d.cases.nodes.find((c: { applicantKind: string }) => c.applicantKind === kind)[field];

describeEntityKeys(
  cases,
  SEED,
  ['Case', 'CertificateUse', 'Department', 'DraftApplication', 'Enterprise', 'Person', 'Region', 'ServiceItem', 'SupplyPlan'],
  ({ dept, byKey }) => {
    it('Case', async () => {
      const { data } = await dept().query(firstCase('id'), {}, onDuty);
      return byKey({
        type: 'Case',
        selection: 'id status applicantKind applicantId item { code } department { code } region { code } dueDate events { status }',
        root: 'query($id: ID!) { case(id: $id) { SELECTION } }',
        variables: { id: data?.cases.nodes[0].id },
        pick: (d) => d.case,
        missing: { id: '11C2000010100000000' },
        as: onDuty,
        refused: [...REFUSED, STRANGER],
      });
    });
    it('Person (extended: their cases)', () =>
      byKey({
        type: 'Person',
        selection: 'id cases { nodes { id } }',
        root: personCase('applicant { ... on Person { SELECTION } }'),
        pick: ofKind('PERSON', 'applicant'),
        as: onDuty,
        refused: REFUSED,
      }));
    it('Enterprise (extended: its cases)', () =>
      byKey({
        type: 'Enterprise',
        selection: 'creditCode cases { nodes { id } }',
        root: personCase('applicant { ... on Enterprise { SELECTION } }'),
        pick: ofKind('ENTERPRISE', 'applicant'),
        as: onDuty,
      }));
    it('DraftApplication', () =>
      byKey({
        type: 'DraftApplication',
        selection: 'itemCode applicantKind applicantId item { code }',
        root: `{ draftApplication(itemCode: "JF-040003-001", applicantKind: PERSON, applicantId: "${personAt(SEED.seed, 0).id}") { SELECTION } }`,
        pick: (d) => d.draftApplication,
        as: onDuty,
        refused: REFUSED,
      }));
    // the seed records no data runs (they come from submissions): a key nobody has is null to an
    // officer on duty, and refused before the look-up to everyone else
    it('CertificateUse', async () => {
      const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on CertificateUse { caseId material number } } }';
      const r = [{ __typename: 'CertificateUse', caseId: '11C2000010100000000', material: 'none' }];
      expect((await dept().query(entities, { r }, onDuty)).data?._entities).toEqual([null]);
      for (const who of [...REFUSED, STRANGER]) {
        const answer = await dept().query(entities, { r }, who);
        expect(answer.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
      }
    });
    it('ServiceItem (extended: case figures)', () =>
      byKey({ type: 'ServiceItem', selection: `code ${FIGURES}`, root: firstCase('item { SELECTION }'), pick: (d) => d.cases.nodes[0].item, as: onDuty }));
    it('Department (extended: case figures)', () =>
      byKey({
        type: 'Department',
        selection: `code ${FIGURES}`,
        root: firstCase('department { SELECTION }'),
        pick: (d) => d.cases.nodes[0].department,
        as: onDuty,
      }));
    it('Region (extended: case figures)', () =>
      byKey({ type: 'Region', selection: `code ${FIGURES}`, root: firstCase('region { SELECTION }'), pick: (d) => d.cases.nodes[0].region, as: onDuty }));
    it("SupplyPlan (extended: each item's cases, as the division's items with their overdue cases)", async () => {
      const window = { from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
      for (const region of ['000000', '110000']) {
        const answer = await dept().query(
          `query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) {
            ... on SupplyPlan { region from to caseParts { item cases overdue } }
            ... on Region { mostOverdueItems(from: $from, to: $to, everyRow: true) { item { code } overdueCases totalCases } } } }`,
          {
            r: [
              { __typename: 'SupplyPlan', region, ...window },
              { __typename: 'Region', code: region },
            ],
            ...window,
          },
        );
        expect(answer.errors).toBeUndefined();
        const [plan, division] = answer.data!._entities;
        expect(plan).toMatchObject({ region, ...window });
        const items = (division.mostOverdueItems as { item: { code: string }; overdueCases: number; totalCases: number }[])
          .map((i) => ({ item: i.item.code, cases: i.totalCases, overdue: i.overdueCases }))
          .sort((a, b) => (a.item < b.item ? -1 : 1));
        expect(items.length).toBeGreaterThan(0);
        expect(plan.caseParts).toEqual(items);
      }
    });
  },
);
