import type { SubjectsOf } from '../../platform/security/enforce.js';
import type { Appeal } from './entities.js';
import type { PersonRef } from '../../platform/refs.js';

/**
 * Whom each record is about: an appeal is its appellant's. An anonymous appeal
 * has no data subject, so no citizen reaches it, only officers on duty; the
 * list of a person's appeals is theirs.
 */
export const subjects: Record<string, SubjectsOf> = {
  Appeal: (appeal: Appeal) => (appeal.appellantId ? [appeal.appellantId] : []),
  Person: (person: PersonRef) => [person.id],
};
