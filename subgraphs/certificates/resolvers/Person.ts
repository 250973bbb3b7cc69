import type { PersonResolvers } from '../generated/resolvers.js';
import { filterCertificates } from '../status.js';

/** The certificate hub's half of Person: the certificates they hold. */
export const PersonResolver: PersonResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  certificates: async (person, { type, status }, { loaders }) => filterCertificates(await loaders.certificatesOfPerson.load(person.id), type, status),
};
