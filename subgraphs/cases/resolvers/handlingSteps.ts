import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, GovError, NotFoundError } from '../../../platform/errors.js';
import type { Channel } from '../../../reference/service-types.js';
import { requireHandler, requireImplementingAgency } from '../access.js';
import type { Context } from '../context.js';
import { CaseEntity, CaseEventEntity, type Case, type CaseEvent } from '../entities.js';
import { DECISIONS, MUTATIONS, NEEDS_REASON, nextStatus, type CaseAction } from '../lifecycle.js';
import { caseFacts } from '../timeline.js';
import { checkText } from '../validate.js';
import { idempotent } from '../../../platform/idempotency.js';
import { nowInChina } from '../../../platform/time.js';

/** The case an earlier request with the same idempotency key acted on, as it is now. */
export const replayCase = (tx: EntityManager, id: string): Promise<Case> => tx.findOneOrFail(CaseEntity, { id });

interface StepArgs {
  id: string;
  channel: Channel;
  reason?: string;
  note?: string | null;
  idempotencyKey?: string | null;
}

/**
 * The resolver of one handling mutation: checks the caller and the transition,
 * appends the event and recomputes the case's facts from its whole timeline, in
 * one transaction. The update is conditional on the status read, so two clerks
 * acting at once cannot both move the case.
 */
export function handlingStep(action: CaseAction) {
  const mutation = MUTATIONS[action];
  return async (_: unknown, { idempotencyKey, ...args }: StepArgs, context: Context): Promise<Case> => {
    const handler = requireHandler(context.caller);
    const note = NEEDS_REASON.has(action) ? checkText(args.reason, 'reason', true) : checkText(args.note, 'note', false);
    const request = { mutation, key: idempotencyKey, input: args };
    return idempotent(
      context.em,
      context.caller,
      request,
      async (tx) => {
        const found = await tx.findOne(CaseEntity, { id: args.id });
        if (!found) throw new NotFoundError('Case', args.id);
        const status = nextStatus(found.id, found.status, action);
        if (DECISIONS.has(action)) requireImplementingAgency(context.caller, found.id, found.departmentCode, mutation);
        const timeline = await tx.find(CaseEventEntity, { caseId: found.id }, { orderBy: { seq: 'asc' } });
        const event: CaseEvent = { caseId: found.id, seq: timeline.length, at: nowInChina(), status, channel: args.channel, handler, note };
        const facts = caseFacts([...timeline, event], found.promisedLimitDays);
        const changed = await tx.nativeUpdate(CaseEntity, { id: found.id, status: found.status }, facts);
        if (changed !== 1) {
          throw new GovError(ErrorCode.IllegalTransition, `Case ${found.id} changed while ${mutation} ran; read it again and retry`);
        }
        await tx.insert(CaseEventEntity, event);
        return { ...found, ...facts };
      },
      replayCase,
    );
  };
}
