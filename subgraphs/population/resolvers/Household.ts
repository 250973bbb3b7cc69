import { GraphQLError } from 'graphql';
import type { Person } from '../entities.js';
import type { HouseholdResolvers } from '../generated/resolvers.js';

const ORDER = { HEAD: 0, SPOUSE: 1, PARENT: 2, CHILD: 3, OTHER: 4 } as const;

export const HouseholdResolver: HouseholdResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.householdById.load(id),
  region: (household) => ({ code: household.regionCode }),
  // the head comes from the members' batch: no separate look-up
  head: async (household, _, { loaders }) => {
    const head = (await loaders.membersOf.load(household.id)).find((m) => m.relation === 'HEAD');
    // no public code: a household without a head is our data's fault, not the caller's
    if (!head) throw new GraphQLError(`household ${household.id} has no head in the register`);
    return head;
  },
  members: async (household, _, { loaders }) => [...(await loaders.membersOf.load(household.id))].sort(byRelationThenAge).map((person) => ({ person })),
};

function byRelationThenAge(a: Person, b: Person): number {
  return ORDER[a.relation] - ORDER[b.relation] || a.birthDate.localeCompare(b.birthDate) || a.id.localeCompare(b.id);
}
