import type { CallerRole, DataAccessResolvers } from '../generated/resolvers.js';

/** The data tracker's row: the agency and purpose, never the officer or another subject. */
export const DataAccessResolver: DataAccessResolvers = {
  callerRole: (entry) => entry.callerRole as CallerRole,
  callerDepartment: (entry) => entry.callerDepartment,
};
