import type { SubjectsOf } from '../../platform/security/enforce.js';
import type { Case, DraftApplication, EnterpriseRef, PersonRef } from './entities.js';

/**
 * Whom each record is about. A case is its applicant's, and the agent's who
 * acts for them (帮代办) and follows its progress; a draft is its applicant's;
 * the case lists of a person or enterprise are theirs.
 */
export const subjects: Record<string, SubjectsOf> = {
  Case: (c: Case) => [c.applicantId, c.agentId],
  DraftApplication: (d: DraftApplication) => [d.applicantId],
  Person: (person: PersonRef) => [person.id],
  Enterprise: (enterprise: EnterpriseRef) => [enterprise.creditCode],
};
