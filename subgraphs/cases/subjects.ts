import type { SubjectsOf } from '../../platform/security/enforce.js';
import type { Case, CertificateUse, DraftApplication, EnterpriseRef, PersonRef } from './entities.js';

/**
 * Whom each record is about. A case is its applicant's, and the agent's who
 * acts for them (帮代办) and follows its progress; a draft is its applicant's;
 * the case lists of a person or enterprise are theirs.
 */
export const subjects: Record<string, SubjectsOf> = {
  Case: (c: Case) => [c.applicantId, c.agentId],
  DraftApplication: (d: DraftApplication) => [d.applicantId],
  // a certificate a case used is its applicant's
  CertificateUse: (u: CertificateUse) => [u.applicantId],
  Person: (person: PersonRef) => [person.id],
  Enterprise: (enterprise: EnterpriseRef) => [enterprise.creditCode],
};
