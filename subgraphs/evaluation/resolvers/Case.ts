import type { CaseResolvers } from '../generated/resolvers.js';

/** The review system's half of Case: its rating (one per case). */
export const CaseResolver: CaseResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  evaluation: (kase, _, { loaders }) => loaders.evaluationByCase.load(kase.id),
};
