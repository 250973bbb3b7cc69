import type { PersonResolvers } from '../generated/resolvers.js';

export const PersonResolver: PersonResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.personById.load(id),
  registeredRegion: (person) => ({ code: person.regionCode }),
  household: (person, _, { loaders }) => loaders.householdById.load(person.householdId),
};
