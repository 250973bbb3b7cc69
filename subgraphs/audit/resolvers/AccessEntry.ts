import type { AccessEntryResolvers, CallerRole, SubjectKind } from '../generated/resolvers.js';

export const AccessEntryResolver: AccessEntryResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.entryById.load(id),
  caller: (entry) => ({ role: entry.callerRole as CallerRole, subject: entry.callerSubject, department: entry.callerDepartment }),
  subjectKind: (entry) => entry.subjectKind as SubjectKind,
};
