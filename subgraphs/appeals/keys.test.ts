// 12345 appeals' entities by key (_entities): the same record as the root query, null for an id
// nobody has, and an appeal (personal data) refused alike by key and at the root to the unentitled.
import { it } from 'vitest';
import { officerOnDuty, refusedCallers } from '../../platform/testing.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { appeals } from './department.js';
import { addDays, todayInChina } from '../../platform/time.js';

const onDuty = officerOnDuty('appeals', 'basis:hotline', { department: 'hotline' });
const REFUSED = refusedCallers(onDuty, 'cases:read');
const WINDOW = `from: "${addDays(todayInChina(), -364)}", to: "${todayInChina()}"`;

describeEntityKeys(appeals, { size: 200, seed: 7 }, ['Appeal', 'Department', 'Person', 'Region'], ({ byKey }) => {
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
});
