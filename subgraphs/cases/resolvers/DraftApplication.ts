import type { DraftApplication } from '../entities.js';
import type { DraftApplicationResolvers } from '../generated/resolvers.js';
import { checkApplicant, itemFor } from '../validate.js';
import { applicantRef } from './Case.js';

/**
 * A draft is only its key, checked: the applicant id must be valid for its kind
 * and the item must exist and serve that kind of applicant (BAD_USER_INPUT).
 */
export function draftApplication(draft: DraftApplication): DraftApplication {
  checkApplicant(draft.applicantKind, draft.applicantId);
  itemFor(draft.itemCode, draft.applicantKind);
  return { itemCode: draft.itemCode, applicantKind: draft.applicantKind, applicantId: draft.applicantId };
}

export const DraftApplicationResolver: DraftApplicationResolvers = {
  __resolveReference: (ref) => draftApplication(ref),
  item: (draft) => ({ code: draft.itemCode }),
  applicant: (draft) => applicantRef(draft),
};
