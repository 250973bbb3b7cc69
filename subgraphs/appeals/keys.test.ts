// 12345 appeals' entities by key (_entities): the same record as the root query, null for an id
// nobody has, and an appeal (personal data) refused alike by key and at the root to the unentitled.
import { expect, it } from 'vitest';
import { officerOnDuty, refusedCallers } from '../../platform/testing.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { appeals } from './department.js';
import { addDays, todayInChina } from '../../platform/time.js';

const onDuty = officerOnDuty('appeals', 'basis:hotline', { department: 'hotline' });
const REFUSED = refusedCallers(onDuty, 'cases:read');
const WINDOW = `from: "${addDays(todayInChina(), -364)}", to: "${todayInChina()}"`;

describeEntityKeys(appeals, { size: 200, seed: 7 }, ['Appeal', 'Department', 'Person', 'Region', 'SupplyPlan'], ({ dept, byKey }) => {
  it('Appeal', () =>
    byKey({
      type: 'Appeal',
      selection: 'id kind category text region { code } appellant { id } anonymous channel receivedOn deadline status',
      root: '{ appeals(first: 1) { nodes { SELECTION } } }',
      pick: (d) => d.appeals.nodes[0],
      missing: { id: 'AP-0000-000000' },
      as: onDuty,
      refused: REFUSED,
    }));
  it('Person (extended: a person’s appeals)', () =>
    byKey({
      type: 'Person',
      selection: 'id appeals { id }',
      root: '{ appeals(first: 20) { nodes { appellant { SELECTION } } } }',
      pick: (d) => d.appeals.nodes.find((a: { appellant: unknown }) => a.appellant).appellant,
      as: onDuty,
      refused: REFUSED,
    }));
  it('Region (extended: demand figures)', () =>
    byKey({
      type: 'Region',
      selection: `code demand(${WINDOW}) { received }`,
      root: '{ appeals(first: 1) { nodes { region { SELECTION } } } }',
      pick: (d) => d.appeals.nodes[0].region,
      as: onDuty,
    }));
  it('Department (extended: appeal figures)', () =>
    byKey({
      type: 'Department',
      selection: `code appealFigures(${WINDOW}) { received open }`,
      root: '{ appeals(first: 20) { nodes { department { SELECTION } } } }',
      pick: (d) => d.appeals.nodes.find((a: { department: unknown }) => a.department).department,
      as: onDuty,
    }));
  it("SupplyPlan (extended: appeals per kind of agency, as the division's demand by category)", async () => {
    const window = { from: addDays(todayInChina(), -364), to: todayInChina() };
    const kinds = await dept().query('{ appealCategories { category departmentKind } }');
    const kindOf = new Map((kinds.data!.appealCategories as { category: string; departmentKind: string }[]).map((c) => [c.category, c.departmentKind]));
    for (const region of ['000000', '110000']) {
      const answer = await dept().query(
        `query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) {
          ... on SupplyPlan { region from to appealParts { departmentKind appeals } }
          ... on Region { demand(from: $from, to: $to) { received byCategory { category count } } } } }`,
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
      const byKind = new Map<string, number>();
      // byCategory lists every category, those without appeals with 0; the plan only those with some
      for (const c of (division.demand.byCategory as { category: string; count: number }[]).filter((c) => c.count > 0))
        byKind.set(kindOf.get(c.category)!, (byKind.get(kindOf.get(c.category)!) ?? 0) + c.count);
      expect(division.demand.received).toBeGreaterThan(0);
      const parts = plan.appealParts as { departmentKind: string; appeals: number }[];
      expect(new Map(parts.map((p) => [p.departmentKind, p.appeals]))).toEqual(byKind);
    }
  });
});
