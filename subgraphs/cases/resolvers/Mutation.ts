import type { MutationResolvers } from '../generated/resolvers.js';
import { changesOf } from '../changes.js';
import type { Context } from '../context.js';
import type { Case } from '../entities.js';
import { handlingStep } from './handlingSteps.js';
import { mandateMutations } from './mandates.js';
import { submitCase } from './submitCase.js';

/** A mutation that changes a case, publishing the case as it now stands once the change is committed (caseProgress). */
function published<A>(mutation: (parent: unknown, args: A, context: Context) => Promise<Case>) {
  return async (parent: unknown, args: A, context: Context): Promise<Case> => {
    const changed = await mutation(parent, args, context);
    changesOf(context.em).publish(changed);
    return changed;
  };
}

/** One mutation per lifecycle step (schema: CaseAction lists them); all share handlingStep. */
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
  ...mandateMutations,
};
