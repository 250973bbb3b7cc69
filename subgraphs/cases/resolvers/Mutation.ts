import type { MutationResolvers } from '../generated/resolvers.js';
import { handlingStep } from './handlingSteps.js';
import { mandateMutations } from './mandates.js';
import { submitCase } from './submitCase.js';
import { withdrawCase } from './withdrawCase.js';

/** One mutation per lifecycle step (schema: CaseAction lists the officers'); all take their step with takeStep. */
export const Mutation: MutationResolvers = {
  submitCase,
  acceptCase: handlingStep('ACCEPT'),
  rejectCase: handlingStep('REJECT'),
  startReview: handlingStep('START_REVIEW'),
  suspendCase: handlingStep('SUSPEND'),
  resumeCase: handlingStep('RESUME'),
  approveCase: handlingStep('APPROVE'),
  refuseCase: handlingStep('REFUSE'),
  deliverCase: handlingStep('DELIVER'),
  withdrawCase,
  ...mandateMutations,
};
