import { ForbiddenError, ErrorCode, GovError } from '../../../platform/errors.js';
import { withdrawer } from '../access.js';
import { noteActingFor } from '../acting-for.js';
import { MandateEntity } from '../entities.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { illegalTransition, WITHDRAWABLE } from '../lifecycle.js';
import { standsNow } from '../mandates.js';
import { checkText } from '../validate.js';
import { takeStep } from './handlingSteps.js';

/** One answer for an unknown case and someone else's: the two must not be told apart. */
const noCaseOfYours = (id: string) => new GovError(ErrorCode.NotFound, `No case ${id} that you applied for or act in; check the id in your own cases`);

/**
 * The applicant withdraws a case before a decision (撤回), or the person acting for them does.
 * Officers are refused before anything is read: withdrawing is the applicant's choice.
 */
export const withdrawCase: NonNullable<MutationResolvers['withdrawCase']> = async (_, { id, reason, channel, idempotencyKey }, context) => {
  const { caller } = context;
  if ((caller.role !== 'CITIZEN' && caller.role !== 'ENTERPRISE') || !caller.subject)
    throw new ForbiddenError('Only the applicant, or the person acting for them, can withdraw a case: officers cannot withdraw for the applicant');
  const note = checkText(reason, 'reason', true, 'must say why the case is withdrawn');
  const via = channel ?? 'WEB_PORTAL';
  const result = await takeStep(context, 'withdrawCase', { id, channel: via, note, idempotencyKey, input: { id, reason, channel: via } }, async (found, tx) => {
    const handler =
      found &&
      (await withdrawer(
        caller,
        found,
        standsNow((mandateId) => tx.findOne(MandateEntity, { id: mandateId })),
      ));
    if (!found || !handler) throw noCaseOfYours(id);
    if (!WITHDRAWABLE.has(found.status)) throw illegalTransition(found, 'withdrawCase', 'a case can be withdrawn only before a decision');
    return { status: 'WITHDRAWN', handler };
  });
  if (!('__typename' in result)) noteActingFor(context, result, 'Mutation.withdrawCase');
  return result;
};
