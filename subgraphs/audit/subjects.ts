import type { SubjectsOf } from '../../platform/security/enforce.js';
import type { AccessEntry } from './entities.js';

/**
 * A data-tracker row is about its data subject: a citizen or enterprise reaches
 * only their own. AccessEntry has no subjects here on purpose: it is for
 * auditors (@access), whom the object-level rule would refuse.
 */
export const subjects: Record<string, SubjectsOf> = {
  DataAccess: (entry: AccessEntry) => [entry.subjectId],
};
