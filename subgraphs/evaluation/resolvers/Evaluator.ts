import type { EvaluatorResolvers } from '../generated/resolvers.js';

/** An evaluator reference is a Person ({ id }) or an Enterprise ({ creditCode }). */
export const EvaluatorResolver: EvaluatorResolvers = {
  __resolveType: (evaluator) => ('id' in evaluator ? 'Person' : 'Enterprise'),
};
