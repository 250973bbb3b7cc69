import type { SubjectsOf } from '../../platform/security/enforce.js';
import type { AccessCaller } from './generated/resolvers.js';
import type { AccessEntry } from './entities.js';

/**
 * Whom each record is about. A data-tracker row is its data subject's: a
 * citizen or enterprise reaches only their own. Log entries and their callers
 * are for auditors only (@access), who read them whoever they are about.
 */
export const subjects: Record<string, SubjectsOf> = {
  DataAccess: (entry: AccessEntry) => [entry.subjectId],
  AccessEntry: (entry: AccessEntry) => [entry.subjectId],
  AccessCaller: (caller: AccessCaller) => [caller.subject ?? null],
};
