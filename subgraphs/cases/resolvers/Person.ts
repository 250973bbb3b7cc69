import type { PersonResolvers } from '../generated/resolvers.js';
import { ownerPage } from './page.js';

/** The platform's half of Person: the cases they applied for, and those they submitted for others. */
export const PersonResolver: PersonResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  cases: (person, args, { loaders }) => ownerPage(loaders.casesOfPerson, loaders.countOfPerson, person.id, args),
  casesAsAgent: (person, args, { loaders }) => ownerPage(loaders.casesOfAgent, loaders.countOfAgent, person.id, args),
};
