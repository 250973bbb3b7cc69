import { subjectOf } from '../../../platform/me.js';
import type { MeResolvers } from '../generated/resolvers.js';

/**
 * The caller as the gateway vouched for them (its signed token carries the verified caller). A
 * citizen's person and an enterprise's record are added by their owners (population, market), each
 * from the caller it is sent, never from the key.
 */
export const MeResolver: MeResolvers = {
  // another department asks for "the caller with this subject": only the caller themselves
  __resolveReference: ({ subject }, { caller }) => (caller.role !== 'ANONYMOUS' && subjectOf(caller) === subject ? caller : null),
  // Role's values are the caller's roles but ANONYMOUS, which never gets a Me (Query.me)
  role: (caller) => caller.role as Exclude<typeof caller.role, 'ANONYMOUS'>,
  subject: (caller) => subjectOf(caller),
  agency: (caller, _, { loaders }) => (caller.role === 'OFFICER' && caller.department ? loaders.departmentByCode.load(caller.department) : null),
  scopes: (caller) => [...caller.scopes],
};
