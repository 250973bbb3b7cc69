import { residentIdFacts } from '../../platform/identifiers/resident-id.js';
import { ageBand, type AgeBand } from '../../reference/divide.js';
import type { ApplicantKind } from './entities.js';

/**
 * The age band recorded on a case at submission (issue #17 item 5): the department already holds
 * the applicant's identity number, whose birth date gives it; only the band is kept for figures, so
 * no personal fact has to come from another department. Null for an enterprise. The migration
 * 005-applicant-age-band fills older rows by the same rule in SQL.
 */
export function applicantAgeBand(kind: ApplicantKind, applicantId: string, submittedOn: string): AgeBand | null {
  return kind === 'PERSON' ? ageBand(residentIdFacts(applicantId).birthDate, submittedOn) : null;
}
