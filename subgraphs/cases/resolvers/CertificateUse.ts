import type { Context } from '../context.js';
import type { Case, CertificateUse } from '../entities.js';
import type { CertificateUseResolvers } from '../generated/resolvers.js';

/**
 * The certificates a case used, as recorded at submission, with the case's applicant and day.
 * A person acting for the applicant follows the case but is not shown their certificates.
 */
export async function certificatesUsed(c: Case, { loaders, caller }: Context): Promise<CertificateUse[]> {
  if (caller.role === 'CITIZEN' && caller.subject !== c.applicantId) return [];
  const rows = await loaders.certificatesUsedBy.load(c.id);
  return rows.map((row) => ({ ...row, applicantKind: c.applicantKind, applicantId: c.applicantId, usedOn: c.submittedOn }));
}

export const CertificateUseResolver: CertificateUseResolvers = {
  async __resolveReference({ caseId, material }, context) {
    const found = await context.loaders.caseById.load(caseId);
    if (!found) return null;
    return (await certificatesUsed(found, context)).find((u) => u.material === material) ?? null;
  },
};
