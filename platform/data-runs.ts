import { hash } from 'node:crypto';
import type { ClaimsChannel } from './security/department-claims.js';

/** One certificate standing in for one material of an application (数据跑腿). */
export interface DataRunUse {
  material: string;
  certificateId: string;
  certificateType: string;
  number: string;
}

export interface DataRunApplication {
  applicantKind: string;
  applicantId: string;
  itemCode: string;
}

/**
 * The fingerprint of a data-runs preview. The certificate hub shows it with the
 * preview (DraftApplication.dataRuns.digest); the cases department recomputes it
 * from the uses a submission confirms and refuses a list that is not the one shown.
 * Both departments compute it here, in the shared kit, since they never import each other.
 * Order-independent: uses are sorted by material.
 */
export function dataRunsDigest(application: DataRunApplication, uses: readonly DataRunUse[]): string {
  const canonical = [...uses]
    .sort((a, b) => (a.material < b.material ? -1 : a.material > b.material ? 1 : 0))
    .map((u) => [u.material, u.certificateId, u.certificateType, u.number]);
  const payload = JSON.stringify(['data-runs/v1', application.applicantKind, application.applicantId, application.itemCode, canonical]);
  return hash('sha256', payload);
}

/**
 * A preview is the hub's signed statement (a compact JWS over the digest) that it showed this list
 * to this applicant: the cases department verifies it with the hub's public key only, so a list
 * the client computed itself (the digest alone is public arithmetic) is not a preview.
 */
export const DATA_RUN_PREVIEWS: ClaimsChannel = {
  issuer: 'certificates',
  audience: 'cases',
  kind: 'data-runs-preview',
  pair: 'certificates-previews',
  signingKeyVariable: 'CERTIFICATES_PREVIEW_SIGNING_KEY',
  verifyKeyVariable: 'CERTIFICATES_PREVIEW_VERIFY_KEY',
};

/** A preview is confirmed within this time, or shown again: certificates change. */
export const PREVIEW_TTL_SECONDS = 15 * 60;
