import type { EvaluationResolvers } from '../generated/resolvers.js';

export const EvaluationResolver: EvaluationResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.evaluationById.load(id),
  case: (evaluation) => ({ id: evaluation.caseId }),
  evaluator: (evaluation) => (evaluation.evaluatorKind === 'PERSON' ? { id: evaluation.evaluatorId } : { creditCode: evaluation.evaluatorId }),
  // the five are written together: all set (an online rating) or all null
  dimensions: ({ overall, efficiency, guideAccuracy, convenience, usability }) =>
    overall === null ? null : { overall, efficiency: efficiency!, guideAccuracy: guideAccuracy!, convenience: convenience!, usability: usability! },
  serviceItem: (evaluation) => ({ code: evaluation.itemCode }),
  region: (evaluation) => ({ code: evaluation.regionCode }),
  department: (evaluation) => ({ code: evaluation.departmentCode }),
  rectification: (evaluation, _, { loaders }) => loaders.rectificationByEvaluation.load(evaluation.id),
};
