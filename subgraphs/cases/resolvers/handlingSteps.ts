import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../../../platform/errors.js';
import { idempotent } from '../../../platform/idempotency.js';
import { answerProblems } from '../../../platform/problems.js';
import { nowInChina } from '../../../platform/time.js';
import type { Channel } from '../../../reference/service-types.js';
import { requireHandler, requireImplementingAgency } from '../access.js';
import type { Context } from '../context.js';
import { CaseEntity, CaseEventEntity, type Case, type CaseEvent } from '../entities.js';
import {
  DECISIONS,
  MUTATIONS,
  NEEDS_REASON,
  illegalTransition,
  nextStatus,
  type CaseAction,
  type CaseStatus,
  type IllegalTransitionProblem,
} from '../lifecycle.js';
import { caseFacts } from '../timeline.js';
import { checkText } from '../validate.js';

/** The case an earlier request with the same idempotency key acted on, as it is now. */
export const replayCase = (tx: EntityManager, id: string): Promise<Case> => tx.findOneOrFail(CaseEntity, { id });

/** What a step on a case answers (CaseStepResult). */
export type StepResult = Case | IllegalTransitionProblem;

/** One step asked of one case: the event's channel and note, and what the idempotency key covers. */
export interface StepRequest {
  id: string;
  channel: Channel;
  note: string | null;
  idempotencyKey?: string | null;
  /** every argument but the key, as asked */
  input: unknown;
}

/**
 * Decides a step on the case found (null: no such case): the status it leads to and who the
 * timeline names. Throws NOT_FOUND or FORBIDDEN, or a Problem (IllegalTransition) to answer.
 */
export type StepPlan = (found: Case | null, tx: EntityManager) => Promise<{ status: CaseStatus; handler: string }> | { status: CaseStatus; handler: string };

/**
 * Takes one step on a case, in one transaction: plans it, appends the event and recomputes the
 * case's facts from its whole timeline. The update is conditional on the status read, so of two
 * callers acting at once only one moves the case; the other gets the problem IllegalTransition with
 * the case as the first left it. A problem rolls everything back, the idempotency key too.
 */
export function takeStep(context: Context, mutation: string, request: StepRequest, plan: StepPlan): Promise<StepResult> {
  const { id, channel, note, idempotencyKey, input } = request;
  return answerProblems<Case, IllegalTransitionProblem>(() =>
    idempotent(
      context.em,
      context.caller,
      { mutation, key: idempotencyKey, input },
      async (tx) => {
        const found = await tx.findOne(CaseEntity, { id });
        const { status, handler } = await plan(found, tx);
        if (!found) throw new NotFoundError('Case', id);
        const timeline = await tx.find(CaseEventEntity, { caseId: found.id }, { orderBy: { seq: 'asc' } });
        const event: CaseEvent = { caseId: found.id, seq: timeline.length, at: nowInChina(), status, channel, handler, note };
        const facts = caseFacts([...timeline, event], found.promisedLimitDays);
        const changed = await tx.nativeUpdate(CaseEntity, { id: found.id, status: found.status }, facts);
        if (changed !== 1) {
          const now = await tx.findOneOrFail(CaseEntity, { id: found.id }, { refresh: true });
          throw illegalTransition(now, mutation, `it changed while ${mutation} ran (someone else moved it first), so ${mutation} was not taken`);
        }
        await tx.insert(CaseEventEntity, event);
        return { ...found, ...facts };
      },
      replayCase,
    ),
  );
}

interface HandlingArgs {
  id: string;
  channel: Channel;
  reason?: string;
  note?: string | null;
  idempotencyKey?: string | null;
}

/**
 * The resolver of one officer's handling mutation: an officer with cases:write; deciding is for the
 * implementing agency, checked before the status so that a typed problem is only ever told to
 * someone allowed to take the step.
 */
export function handlingStep(action: CaseAction) {
  const mutation = MUTATIONS[action];
  return (_: unknown, { idempotencyKey, ...args }: HandlingArgs, context: Context): Promise<StepResult> => {
    const handler = requireHandler(context.caller);
    const note = NEEDS_REASON.has(action) ? checkText(args.reason, 'reason', true) : checkText(args.note, 'note', false);
    return takeStep(context, mutation, { id: args.id, channel: args.channel, note, idempotencyKey, input: args }, (found) => {
      if (!found) throw new NotFoundError('Case', args.id);
      if (DECISIONS.has(action)) requireImplementingAgency(context.caller, found.id, found.departmentCode, mutation);
      return { status: nextStatus(found, action), handler };
    });
  };
}
