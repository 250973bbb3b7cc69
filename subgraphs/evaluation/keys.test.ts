// The review system's entities by key (_entities): the same record as the root query, null for an
// id nobody has, and a review (personal data) refused alike by key and at the root to the unentitled.
import { expect, it } from 'vitest';
import { officerOnDuty, refusedCallers } from '../../platform/testing.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { evaluation } from './department.js';
import { todayInChina } from '../../platform/time.js';

const onDuty = officerOnDuty('evaluation', 'basis:service-evaluation');
const REFUSED = refusedCallers(onDuty, 'cases:read');
const today = todayInChina();
const WINDOW = `from: "${Number(today.slice(0, 4)) - 2}${today.slice(4)}", to: "${today}"`;
const SATISFACTION = `satisfaction(${WINDOW}) { evaluations byLevel { count } }`;
const first = (selection: string) => `{ evaluations(first: 1) { nodes { ${selection} } } }`;

describeEntityKeys(evaluation, { size: 300, seed: 7 }, ['Case', 'Department', 'Evaluation', 'Region', 'ServiceItem', 'SupplyPlan'], ({ dept, byKey }) => {
  it('Evaluation', () =>
    byKey({
      type: 'Evaluation',
      selection: 'id case { id } level comment channel evaluatedAt serviceItem { code } region { code } department { code }',
      root: first('SELECTION'),
      pick: (d) => d.evaluations.nodes[0],
      missing: { id: '00000000-0000-4000-8000-000000000000' },
      as: onDuty,
      refused: REFUSED,
    }));
  it('Case (extended: its review)', () =>
    byKey({
      type: 'Case',
      selection: 'id evaluation { id level }',
      root: first('case { SELECTION }'),
      pick: (d) => d.evaluations.nodes[0].case,
      as: onDuty,
      refused: REFUSED,
    }));
  it('ServiceItem (extended: satisfaction)', () =>
    byKey({
      type: 'ServiceItem',
      selection: `code ${SATISFACTION}`,
      root: first('serviceItem { SELECTION }'),
      pick: (d) => d.evaluations.nodes[0].serviceItem,
      as: onDuty,
    }));
  it('Department (extended: satisfaction)', () =>
    byKey({
      type: 'Department',
      selection: `code ${SATISFACTION}`,
      root: first('department { SELECTION }'),
      pick: (d) => d.evaluations.nodes[0].department,
      as: onDuty,
    }));
  it('Region (extended: satisfaction)', () =>
    byKey({ type: 'Region', selection: `code ${SATISFACTION}`, root: first('region { SELECTION }'), pick: (d) => d.evaluations.nodes[0].region, as: onDuty }));
  it("SupplyPlan (extended: each item's reviews and bad reviews, as the items' satisfaction)", async () => {
    const window = { from: `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`, to: today };
    const entities = `query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) {
      ... on SupplyPlan { region from to reviewParts { item reviews badReviews } }
      ... on ServiceItem { code satisfaction(from: $from, to: $to) { evaluations badReviews } } } }`;
    const plan = await dept().query(entities, { r: [{ __typename: 'SupplyPlan', region: '000000', ...window }], ...window });
    expect(plan.errors).toBeUndefined();
    const parts = plan.data!._entities[0].reviewParts as { item: string; reviews: number; badReviews: number }[];
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.some((p) => p.badReviews > 0)).toBe(true);
    const items = await dept().query(entities, { r: parts.map((p) => ({ __typename: 'ServiceItem', code: p.item })), ...window });
    expect(items.errors).toBeUndefined();
    expect(parts).toEqual(
      (items.data!._entities as { code: string; satisfaction: { evaluations: number; badReviews: number } }[]).map((i) => ({
        item: i.code,
        reviews: i.satisfaction.evaluations,
        badReviews: i.satisfaction.badReviews,
      })),
    );
  });
});
