import { DATA_RUN_PREVIEWS, dataRunsDigest, PREVIEW_TTL_SECONDS } from '../../../platform/data-runs.js';
import { claimsSigner, lazily } from '../../../platform/security/department-claims.js';
import type { Context } from '../context.js';
import type { Application, Certificate, CertificateUseRef, DataRunPreview } from '../entities.js';
import type { CertificateUseResolvers } from '../generated/resolvers.js';
import { filterCertificates } from '../status.js';

/** Only the hub holds the preview signing key (CERTIFICATES_PREVIEW_SIGNING_KEY); read once per process. */
const signer = lazily(() => claimsSigner(DATA_RUN_PREVIEWS));

/**
 * The once-only preview (数据跑腿): for each material a certificate type satisfies,
 * the newest certificate of that type the applicant holds that is valid today, and
 * the digest the applicant confirms it with in submitCase. Only the applicant (or an
 * officer on duty) reaches it: the DraftApplication's subject is checked before this runs.
 */
export async function dataRunPreview(application: Application, { loaders }: Context): Promise<DataRunPreview> {
  const holder = application.applicantKind === 'PERSON' ? loaders.certificatesOfPerson : loaders.certificatesOfEnterprise;
  const held = await holder.load(application.applicantId);
  const uses = application.item.materials.flatMap((material) => {
    const certificate = material.certificateType ? filterCertificates(held, material.certificateType, 'VALID')[0] : undefined;
    return certificate ? [{ material: material.name, certificate }] : [];
  });
  const confirmed = uses.map(({ material, certificate: c }) => ({ material, certificateId: c.id, certificateType: c.type, number: c.number }));
  const digest = dataRunsDigest({ ...application, itemCode: application.item.code }, confirmed);
  return { uses, digest: (await signer())({ dr: digest }, PREVIEW_TTL_SECONDS) };
}

/** Held by the applicant, as recorded, and valid on the day of use (dates compare as text). */
function heldOn(certificate: Certificate | null, use: CertificateUseRef): boolean {
  if (!certificate) return false;
  const same =
    certificate.holderKind === use.applicantKind &&
    certificate.holderId === use.applicantId &&
    certificate.type === use.certificateType &&
    certificate.number === use.number;
  const validThen =
    certificate.issueDate <= use.usedOn &&
    (certificate.expiryDate === null || certificate.expiryDate >= use.usedOn) &&
    (certificate.revocationDate === null || certificate.revocationDate > use.usedOn);
  return same && validThen;
}

export const CertificateUseResolver: CertificateUseResolvers = {
  __resolveReference: (reference) => reference as CertificateUseRef,
  async heldAtSubmission(use, _, context) {
    // the hub reads the applicant's certificate for their case: the data tracker names the case
    context.reads.note([use.applicantId], 'CertificateUse.heldAtSubmission', 'CREDENTIAL', `case ${use.caseId}: certificate used at submission (数据跑腿)`);
    return heldOn(await context.loaders.certificateById.load(use.certificateId), use);
  },
};
