import { describePurpose } from '../../../platform/purposes.js';
import type { CallerRole, DataAccessResolvers } from '../generated/resolvers.js';

/** The data tracker's row: the agency and purpose, never the officer or another subject (but the agent who acted for them, by default). */
export const DataAccessResolver: DataAccessResolvers = {
  callerRole: (entry) => entry.callerRole as CallerRole,
  callerDepartment: (entry) => entry.callerDepartment,
  // the citizen reads why in words, from the same register the gateway checks purposes against
  purposeText: (entry) => (entry.purpose ? describePurpose(entry.purpose) : null),
};
