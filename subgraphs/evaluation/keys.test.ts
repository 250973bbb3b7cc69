// The review system's entities by key (_entities): the same record as the root query, null for an
// id nobody has, and a review (personal data) refused alike by key and at the root to the unentitled.
import { it } from 'vitest';
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

describeEntityKeys(evaluation, { size: 300, seed: 7 }, ['Case', 'Department', 'Evaluation', 'Region', 'ServiceItem'], ({ byKey }) => {
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
});
