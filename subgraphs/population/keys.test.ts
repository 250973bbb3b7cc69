// Population's entities by key (_entities), as the gateway joins them: the same record as the
// root query, null for a key nobody has, and an unentitled caller refused alike either way.
import { expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { personAt } from '../../samples/synthetic.js';
import { officerOnDuty, refusedCallers } from '../../platform/testing.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { population } from './department.js';

const SEED = { size: 50, seed: 7 };
const onDuty = officerOnDuty('population', 'basis:household-register');
const self = personAt(SEED.seed, 3);
const nobody = personAt(SEED.seed, 5_000); // a well-formed identity number the seed never issued
const REFUSED = [
  ...refusedCallers(onDuty, 'market:read'),
  { caller: { role: 'CITIZEN', subject: personAt(SEED.seed, 6).id, department: null, scopes: [] } as Caller },
];

describeEntityKeys(population, SEED, ['Household', 'Me', 'Person'], ({ byKey, dept }) => {
  it('Person', () =>
    byKey({
      type: 'Person',
      selection: 'id name gender birthDate ethnicity address phone registeredRegion { code }',
      root: 'query($id: ResidentId!) { person(id: $id) { SELECTION } }',
      variables: { id: self.id },
      pick: (d) => d.person,
      missing: { id: nobody.id },
      as: onDuty,
      refused: REFUSED,
    }));

  it('Household', () =>
    byKey({
      type: 'Household',
      selection: 'id number address region { code } head { id }',
      root: 'query($id: ResidentId!) { person(id: $id) { household { SELECTION } } }',
      variables: { id: self.id },
      pick: (d) => d.person.household,
      missing: { id: '110101999999999' },
      as: onDuty,
      refused: REFUSED,
    }));

  // Me is the catalog's (the caller); this department adds the caller's own record, never another's
  it("Me (extended: the caller's own person, whatever key is sent)", async () => {
    const own = self.id;
    const as = { caller: { role: 'CITIZEN' as const, subject: own, department: null, scopes: [] } };
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { subject person { id name } } } }';
    const { data, errors } = await dept().query(
      query,
      {
        r: [
          { __typename: 'Me', subject: own },
          { __typename: 'Me', subject: personAt(SEED.seed, 6).id },
        ],
      },
      as,
    );
    expect(errors).toBeUndefined();
    expect(data?._entities[0].person.id).toBe(own);
    expect(data?._entities[1].person).toBeNull();
    // another's identity number is not even echoed in full (masked at the source)
    expect(JSON.stringify(data?._entities[1])).not.toContain(personAt(SEED.seed, 6).id);
  });
});
