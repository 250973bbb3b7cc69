import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, GovError, NotFoundError } from '../../../platform/errors.js';
import { RectificationEntity, type Rectification } from '../entities.js';
import type { RectificationStatus } from '../levels.js';

export type Step = 'recordCallback' | 'completeRectification' | 'dismissRectification';

/** Which step each status allows, and on what condition. */
const ALLOWED: Record<Step, { from: RectificationStatus; when?: (r: Rectification) => string | null }> = {
  recordCallback: { from: 'OPEN' },
  completeRectification: { from: 'CALLED_BACK' },
  dismissRectification: {
    from: 'CALLED_BACK',
    when: (r) =>
      r.callbackVerified ? 'the call back verified the problem the review describes, so it is not mistaken: complete the rectification instead' : null,
  },
};

const NEXT: Record<RectificationStatus, string> = {
  OPEN: 'recordCallback (call the evaluator back first)',
  CALLED_BACK: 'completeRectification, or dismissRectification when the call did not verify the review',
  RECTIFIED: 'nothing: it is closed',
  DISMISSED: 'nothing: it is closed',
};

/**
 * Moves a rectification one step, or refuses with ILLEGAL_TRANSITION and
 * changes nothing. The update is conditional on the status read, so two
 * officers acting at once cannot both move it.
 */
export async function transition(tx: EntityManager, id: string, step: Step, patch: Partial<Rectification>): Promise<Rectification> {
  const row = await tx.findOne(RectificationEntity, { id });
  if (!row) throw new NotFoundError('Rectification', id);
  const rule = ALLOWED[step];
  const refusal = row.status !== rule.from ? `${step} needs a ${rule.from} rectification` : rule.when?.(row);
  if (refusal) throw illegal(row, refusal);
  const changed = await tx.nativeUpdate(RectificationEntity, { id, status: row.status }, patch);
  if (changed !== 1) throw illegal(row, 'it changed while this request ran');
  return { ...row, ...patch };
}

function illegal(row: Rectification, why: string): GovError {
  return new GovError(ErrorCode.IllegalTransition, `Rectification ${row.id} is ${row.status}: ${why}. Allowed now: ${NEXT[row.status]}`);
}

/** Loads the rectification an earlier request with the same idempotency key returned. */
export const replayRectification = (tx: EntityManager, id: string) => tx.findOneOrFail(RectificationEntity, { id });
