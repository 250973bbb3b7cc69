import type { MutationResolvers } from '../generated/resolvers.js';
import { changesOf } from '../changes.js';
import type { Context } from '../context.js';
import type { Case } from '../entities.js';
import { handlingStep } from './handlingSteps.js';
import { mandateMutations } from './mandates.js';
import { submitCase } from './submitCase.js';
import { withdrawCase } from './withdrawCase.js';

/**
 * A mutation that changes a case, publishing the case as it now stands once the change is committed
 * (caseProgress). A typed problem (IllegalTransition, DataRunsPreviewExpired) changed nothing: nothing to publish.
 */
function published<A, R extends object>(mutation: (parent: unknown, args: A, context: Context) => Promise<R>) {
  return async (parent: unknown, args: A, context: Context): Promise<R> => {
    const result = await mutation(parent, args, context);
    if (!('__typename' in result)) changesOf(context.em).publish(result as unknown as Case);
    return result;
  };
}

/** One mutation per lifecycle step (schema: CaseAction lists the officers'); all take their step with takeStep. */
export const Mutation: MutationResolvers = {
  submitCase: published(submitCase as never),
  acceptCase: published(handlingStep('ACCEPT')),
  rejectCase: published(handlingStep('REJECT')),
  startReview: published(handlingStep('START_REVIEW')),
  suspendCase: published(handlingStep('SUSPEND')),
  resumeCase: published(handlingStep('RESUME')),
  approveCase: published(handlingStep('APPROVE')),
  refuseCase: published(handlingStep('REFUSE')),
  deliverCase: published(handlingStep('DELIVER')),
  withdrawCase: published(withdrawCase as never),
  ...mandateMutations,
};
