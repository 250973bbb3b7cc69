import type { PersonResolvers } from '../generated/resolvers.js';

/** The hotline's half of Person: the appeals they raised. */
export const PersonResolver: PersonResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  appeals: (person, _, { loaders }) => loaders.appealsOfPerson.load(person.id),
};
