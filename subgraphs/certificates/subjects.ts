import type { SubjectsOf } from '../../platform/security/enforce.js';
import type { Application, Certificate, CertificateUseRef } from './entities.js';
import type { EnterpriseRef, PersonRef } from '../../platform/refs.js';

/**
 * Whom each record is about: a certificate is its holder's, and the list of a
 * person's or an enterprise's certificates is theirs. Even a business licence
 * stays with its holder here: the public register is market regulation's.
 */
export const subjects: Record<string, SubjectsOf> = {
  Certificate: (certificate: Certificate) => [certificate.holderId],
  Person: (person: PersonRef) => [person.id],
  Enterprise: (enterprise: EnterpriseRef) => [enterprise.creditCode],
  // an application's material check is about its applicant
  Case: (application: Application) => [application.applicantId],
  DraftApplication: (application: Application) => [application.applicantId],
  // a case's use of a certificate is about its applicant, whoever the certificate id names
  CertificateUse: (use: CertificateUseRef) => [use.applicantId],
};
