import type { SubjectsOf } from '../../platform/security/enforce.js';
import { noteActingFor } from './acting-for.js';
import type { Case, CertificateUse, DraftApplication } from './entities.js';
import type { EnterpriseRef, PersonRef } from '../../platform/refs.js';
import type { Context } from './context.js';
import type { Mandate } from './entities.js';
import { isActive } from './mandates.js';

/**
 * Whom each record is about. A case is its applicant's, and the agent's who
 * acts for them (帮代办) and follows its progress; a draft is its applicant's;
 * the case lists of a person or enterprise are theirs. What the agent reads
 * of a case is recorded as done on the applicant's behalf (acting-for.ts).
 */
export const subjects: Record<string, SubjectsOf> = {
  Case: async (c: Case, context: Context) => {
    // the agent follows the case only while the mandate it was submitted under stands
    const mandate = c.mandateId ? await context.loaders.mandateById.load(c.mandateId) : null;
    if (c.mandateId && !(mandate && isActive(mandate, new Date().toISOString()))) return [c.applicantId];
    noteActingFor(context, c);
    return [c.applicantId, c.agentId];
  },
  // a mandate is its principal's, and its agent's, who acts under it
  Mandate: (m: Mandate) => [m.principalId, m.agentId],
  DraftApplication: (d: DraftApplication) => [d.applicantId],
  // a certificate a case used is its applicant's
  CertificateUse: (u: CertificateUse) => [u.applicantId],
  Person: (person: PersonRef) => [person.id],
  Enterprise: (enterprise: EnterpriseRef) => [enterprise.creditCode],
};
