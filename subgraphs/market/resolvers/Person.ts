import type { PersonResolvers } from '../generated/resolvers.js';

/** Market regulation's half of Person: the enterprises they represent. */
export const PersonResolver: PersonResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  representedEnterprises: (person, _, { loaders }) => loaders.enterprisesByRepresentative.load(person.id),
};
