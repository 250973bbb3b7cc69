import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '../../platform/context.js';
import { DATA_RUN_PREVIEWS, dataRunsDigest, type DataRunUse } from '../../platform/data-runs.js';
import { ClaimsRefused, claimsVerifier, lazily } from '../../platform/security/department-claims.js';
import { BadInputError, ErrorCode, ForbiddenError, GovError } from '../../platform/errors.js';
import { Problem, type MutationProblem } from '../../platform/problems.js';
import type { ItemSeed } from '../../reference/service-types.js';
import { CertificateUseEntity, type ApplicantKind, type DraftApplication } from './entities.js';

const ARGUMENT = 'input.dataRuns';
/** Only the hub's public key (CERTIFICATES_PREVIEW_VERIFY_KEY) is held here: previews can be checked, not made. */
const verifier = lazily(() => claimsVerifier(DATA_RUN_PREVIEWS));
const MAX = { certificateId: 24, number: 64 } as const;

/** Model of the DataRunsPreviewExpired problem (manifest.json maps it): the draft to preview again. */
export interface PreviewExpiredProblem extends MutationProblem {
  __typename: 'DataRunsPreviewExpired';
  code: 'PREVIEW_EXPIRED';
  draft: DraftApplication;
}

export interface Confirmation {
  applicantKind: ApplicantKind;
  applicantId: string;
  itemCode: string;
  dataRuns?: { uses: readonly DataRunUse[]; digest: string } | null;
}

/**
 * The certificates a submission may use (数据跑腿): exactly those the applicant
 * confirmed from the hub's preview, never more. The cases department cannot ask
 * the hub (departments meet only in the graph), so it records what was confirmed,
 * as shown (id, type, number), after checking that
 * - the confirming caller is the applicant (an agent never saw the preview: the
 *   hub shows a person's certificates only to them) or an officer on duty;
 * - each use is for a material of the item that the certificate's type satisfies;
 * - the list is the preview's: the hub signed the preview's digest, and the digest of
 *   the list confirmed is recomputed (platform/data-runs.ts), so a list edited after
 *   the preview, or one the client made up, is a CONFLICT; an expired preview is the
 *   problem DataRunsPreviewExpired, since the applicant only has to look again.
 * The hub then confirms through the graph, per recorded use, that the certificate
 * was the applicant's and valid that day (CertificateUse.heldAtSubmission).
 *
 * @returns the uses to record; none when nothing was confirmed
 */
export async function confirmedDataRuns(caller: Caller, application: Confirmation, item: ItemSeed): Promise<DataRunUse[]> {
  const confirmation = application.dataRuns;
  if (!confirmation) return [];
  const ownRole = application.applicantKind === 'PERSON' ? 'CITIZEN' : 'ENTERPRISE';
  const mayConfirm = caller.role === 'OFFICER' || (caller.role === ownRole && caller.subject === application.applicantId);
  if (!mayConfirm)
    throw new ForbiddenError('Only the applicant can confirm the use of their certificates; leave dataRuns out and the materials are provided in person');
  const seen = new Set<string>();
  for (const [i, use] of confirmation.uses.entries()) {
    const at = `${ARGUMENT}.uses[${i}]`;
    const material = item.materials.find((m) => m.name === use.material);
    if (!material?.certificateType) throw new BadInputError(`${item.name} has no material "${use.material}" that a certificate can stand in for`, at);
    if (material.certificateType !== use.certificateType)
      throw new BadInputError(`"${use.material}" is satisfied by ${material.certificateType}, not ${use.certificateType}`, at);
    if (seen.has(use.material)) throw new BadInputError(`"${use.material}" is confirmed twice; one certificate per material`, at);
    if (use.certificateId.length > MAX.certificateId || use.number.length > MAX.number)
      throw new BadInputError('certificate id or number too long: copy them from the preview', at);
    seen.add(use.material);
  }
  if (dataRunsDigest(application, confirmation.uses) !== (await previewed(confirmation.digest, application))) {
    throw new GovError(
      ErrorCode.Conflict,
      `${ARGUMENT}: the certificates confirmed are not the ones the preview listed (DraftApplication.dataRuns); preview again and confirm what it shows`,
      { argument: `${ARGUMENT}.digest` },
    );
  }
  return confirmation.uses.map(({ material, certificateId, certificateType, number }) => ({ material, certificateId, certificateType, number }));
}

/** The digest the hub signed in a preview; refused when the preview is not the hub's or altered, a problem when expired. */
async function previewed(token: string, { itemCode, applicantKind, applicantId }: Confirmation): Promise<string> {
  try {
    const { dr } = (await verifier())(token);
    if (typeof dr === 'string') return dr;
  } catch (error) {
    if (!(error instanceof ClaimsRefused)) throw error;
    if (error.reason === 'expired')
      throw new Problem<PreviewExpiredProblem>({
        __typename: 'DataRunsPreviewExpired',
        code: 'PREVIEW_EXPIRED',
        message: `${ARGUMENT}: the preview has expired (it is good for 15 minutes); show the applicant the fresh one and submit what they confirm`,
        draft: { itemCode, applicantKind, applicantId },
      });
  }
  throw new GovError(
    ErrorCode.Conflict,
    `${ARGUMENT}: not a preview the certificate hub made (DraftApplication.dataRuns.digest, as it was given); preview again`,
    { argument: `${ARGUMENT}.digest` },
  );
}

/** Records the confirmed uses with the case, in the submission's transaction. */
export async function recordDataRuns(tx: EntityManager, caseId: string, uses: readonly DataRunUse[]): Promise<void> {
  if (uses.length)
    await tx.insertMany(
      CertificateUseEntity,
      uses.map((use) => ({ caseId, ...use })),
    );
}
