// Market's entities by key (_entities): the same record as the root query, null for a credit code
// nobody has, and the legal representative's identity kept to those entitled, by key as at the root.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerOnDuty, refusedCallers, startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { entityKeys, expectResolvedByKey } from '../../platform/testing-keys.js';
import { market } from './department.js';

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(market, { size: 200, seed: 7 });
});
afterAll(() => dept?.close());

const keys = entityKeys('market');
const onDuty = officerOnDuty('market', 'basis:market-supervision');

describe('market entities by key', () => {
  it('covers every entity type of the department', () => {
    expect([...keys.keys()].sort()).toEqual(['Enterprise', 'Person']);
  });
  it('Enterprise', () =>
    expectResolvedByKey(dept, keys, {
      type: 'Enterprise',
      selection: 'creditCode name type status registrationDate region { code } businessScope registeredCapital',
      root: '{ enterprises(first: 1) { nodes { SELECTION } } }',
      pick: (d) => d.enterprises.nodes[0],
      missing: { creditCode: '91110000600037341L' },
    }));
  it('Person (extended: the enterprises a person represents)', () =>
    expectResolvedByKey(dept, keys, {
      type: 'Person',
      selection: 'id representedEnterprises { creditCode }',
      root: '{ enterprises(first: 1) { nodes { legalRepresentative { SELECTION } } } }',
      pick: (d) => d.enterprises.nodes[0].legalRepresentative,
      as: onDuty,
      refused: refusedCallers(onDuty, 'population:read'),
    }));
});
