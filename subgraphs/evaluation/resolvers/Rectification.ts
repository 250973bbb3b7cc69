import { NotFoundError } from '../../../platform/errors.js';
import { isOverdue, overdueWorkingDays } from '../deadlines.js';
import type { RectificationResolvers } from '../generated/resolvers.js';

export const RectificationResolver: RectificationResolvers = {
  evaluation: async (rectification, _, { loaders }) =>
    (await loaders.evaluationById.load(rectification.evaluationId)) ?? Promise.reject(new NotFoundError('Evaluation', rectification.evaluationId)),
  overdue: (rectification) => isOverdue(rectification),
  overdueWorkingDays: (rectification) => overdueWorkingDays(rectification),
  callback: (r) =>
    r.callbackAt === null
      ? null
      : { at: r.callbackAt, officer: r.callbackOfficer!, summary: r.callbackSummary!, verified: r.callbackVerified === true, evaluatorId: r.evaluatorId },
};
