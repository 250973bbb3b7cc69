import { ErrorCode, GovError, NotFoundError } from '../../../platform/errors.js';
import { jurisdictionOf } from '../../../platform/identifiers/index.js';
import { evaluationIdOf, rectificationIdOf } from '../ids.js';
import { rectificationDeadline } from '../deadlines.js';
import { EvaluationEntity, RectificationEntity, type Evaluation } from '../entities.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { isBadReview } from '../levels.js';
import { checkRating, checkText } from '../rules.js';
import { ticketFor } from '../tickets.js';
import { evaluatorOf, requireHandler } from './callers.js';
import { replayRectification, transition } from './transitions.js';
import { idempotent } from '../../../platform/idempotency.js';
import { nowInChina, todayInChina } from '../../../platform/time.js';

export const Mutation: MutationResolvers = {
  async rateCase(_, { input, idempotencyKey }, { em, caller }) {
    const evaluator = evaluatorOf(caller);
    checkRating(input);
    const caseId = input.caseId.trim();
    // who may rate, and the case's item, region and agency, come from the signed ticket only
    const ticket = await ticketFor(input.ratingTicket, caseId, caller, todayInChina());
    // every case id the cases department issues begins with its province; one that does not names no case
    if (!jurisdictionOf(caseId)) throw new NotFoundError('Case', caseId);
    const run = async (tx: typeof em) => {
      const earlier = await tx.findOne(EvaluationEntity, { caseId });
      if (earlier) {
        throw new GovError(
          ErrorCode.Conflict,
          `Case ${caseId} was already rated on ${earlier.evaluatedOn}: one rating per case (一事一评), and a rating cannot be changed or repeated`,
        );
      }
      const evaluatedAt = nowInChina();
      const evaluation: Evaluation = {
        id: evaluationIdOf(caseId, ticket.regionCode),
        caseId,
        evaluatorKind: evaluator.kind,
        evaluatorId: evaluator.id,
        level: input.level,
        overall: input.dimensions?.overall ?? null,
        efficiency: input.dimensions?.efficiency ?? null,
        guideAccuracy: input.dimensions?.guideAccuracy ?? null,
        convenience: input.dimensions?.convenience ?? null,
        usability: input.dimensions?.usability ?? null,
        comment: input.comment?.trim() || null,
        channel: input.channel,
        evaluatedAt,
        evaluatedOn: evaluatedAt.slice(0, 10),
        // recorded now, as the case stands when it is rated: figures then need no join across departments
        itemCode: ticket.itemCode,
        regionCode: ticket.regionCode,
        departmentCode: ticket.departmentCode,
      };
      await tx.insert(EvaluationEntity, evaluation);
      if (isBadReview(evaluation.level)) await tx.insert(RectificationEntity, openedBy(evaluation));
      return evaluation;
    };
    const replay = async (tx: typeof em, id: string) => tx.findOneOrFail(EvaluationEntity, { id });
    // a repeat carries a freshly fetched ticket (another signature over the same facts): the ticket is left out of the fingerprint
    const request = { mutation: 'rateCase', key: idempotencyKey, input: { ...input, ratingTicket: null } };
    return idempotent(em, caller, request, run, replay);
  },

  async recordCallback(_, { rectificationId, summary, verified, idempotencyKey }, { em, caller }) {
    const officer = requireHandler(caller);
    const text = checkText(summary, 'summary');
    const patch = () => ({
      status: 'CALLED_BACK' as const,
      callbackAt: nowInChina(),
      callbackOfficer: officer,
      callbackSummary: text,
      callbackVerified: verified,
    });
    const request = { mutation: 'recordCallback', key: idempotencyKey, input: { rectificationId, summary: text, verified } };
    return idempotent(em, caller, request, (tx) => transition(tx, rectificationId, 'recordCallback', patch()), replayRectification);
  },

  async completeRectification(_, { id, result, idempotencyKey }, { em, caller }) {
    const officer = requireHandler(caller);
    const text = checkText(result, 'result');
    const patch = () => ({ status: 'RECTIFIED' as const, result: text, closedAt: nowInChina(), closedBy: officer });
    const request = { mutation: 'completeRectification', key: idempotencyKey, input: { id, result: text } };
    return idempotent(em, caller, request, (tx) => transition(tx, id, 'completeRectification', patch()), replayRectification);
  },

  async dismissRectification(_, { id, reason, idempotencyKey }, { em, caller }) {
    const officer = requireHandler(caller);
    const text = checkText(reason, 'reason');
    const patch = () => ({ status: 'DISMISSED' as const, dismissalReason: text, closedAt: nowInChina(), closedBy: officer });
    const request = { mutation: 'dismissRectification', key: idempotencyKey, input: { id, reason: text } };
    return idempotent(em, caller, request, (tx) => transition(tx, id, 'dismissRectification', patch()), replayRectification);
  },
};

/** The rectification a bad review opens, due RECTIFICATION_WORKING_DAYS working days later. */
function openedBy(evaluation: Evaluation) {
  return {
    id: rectificationIdOf(evaluation.caseId, evaluation.regionCode),
    evaluationId: evaluation.id,
    evaluatorId: evaluation.evaluatorId,
    regionCode: evaluation.regionCode,
    status: 'OPEN' as const,
    openedAt: evaluation.evaluatedAt,
    deadline: rectificationDeadline(evaluation.evaluatedOn),
    callbackAt: null,
    callbackOfficer: null,
    callbackSummary: null,
    callbackVerified: null,
    result: null,
    dismissalReason: null,
    closedAt: null,
    closedBy: null,
  };
}
