// Market's entities by key (_entities): the same record as the root query, null for a credit code
// nobody has, and the legal representative's identity kept to those entitled, by key as at the root.
import { expect, it } from 'vitest';
import { enterpriseAt } from '../../samples/synthetic.js';
import { officerOnDuty, refusedCallers } from '../../platform/testing.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { market } from './department.js';

const onDuty = officerOnDuty('market', 'basis:market-supervision');

describeEntityKeys(market, { size: 200, seed: 7 }, ['Enterprise', 'Me', 'Person'], ({ byKey, dept }) => {
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

  // Me is the catalog's (the caller); this department adds the caller's own record, never another's
  it("Me (extended: the caller's own enterprise, whatever key is sent)", async () => {
    const own = enterpriseAt(7, 0, 200).creditCode;
    const as = { caller: { role: 'ENTERPRISE' as const, subject: own, department: null, scopes: [] } };
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { subject enterprise { creditCode name } } } }';
    const { data, errors } = await dept().query(
      query,
      {
        r: [
          { __typename: 'Me', subject: own },
          { __typename: 'Me', subject: enterpriseAt(7, 1, 200).creditCode },
        ],
      },
      as,
    );
    expect(errors).toBeUndefined();
    expect(data?._entities[0].enterprise.creditCode).toBe(own);
    expect(data?._entities[1]).toEqual({ subject: enterpriseAt(7, 1, 200).creditCode, enterprise: null });
  });
});
