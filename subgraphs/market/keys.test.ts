// Market's entities by key (_entities): the same record as the root query, null for a credit code
// nobody has, and the legal representative's identity kept to those entitled, by key as at the root.
import { it } from 'vitest';
import { officerOnDuty, refusedCallers } from '../../platform/testing.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { market } from './department.js';

const onDuty = officerOnDuty('market', 'basis:market-supervision');

describeEntityKeys(market, { size: 200, seed: 7 }, ['Enterprise', 'Person'], ({ byKey }) => {
  it('Enterprise', () =>
    byKey({
      type: 'Enterprise',
      selection: 'creditCode name type status registrationDate region { code } businessScope registeredCapital',
      root: '{ enterprises(first: 1) { nodes { SELECTION } } }',
      pick: (d) => d.enterprises.nodes[0],
      missing: { creditCode: '91110000600037341L' },
    }));
  it('Person (extended: the enterprises a person represents)', () =>
    byKey({
      type: 'Person',
      selection: 'id representedEnterprises { creditCode }',
      root: '{ enterprises(first: 1) { nodes { legalRepresentative { SELECTION } } } }',
      pick: (d) => d.enterprises.nodes[0].legalRepresentative,
      as: onDuty,
      refused: refusedCallers(onDuty, 'population:read'),
    }));
});
