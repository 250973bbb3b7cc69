import { NotFoundError } from '../../../platform/errors.js';
import { isOverdue, overdueWorkingDays } from '../deadlines.js';
import type { RectificationResolvers } from '../generated/resolvers.js';

export const RectificationResolver: RectificationResolvers = {
  evaluation: async (rectification, _, { loaders }) =>
    (await loaders.evaluationById.load(rectification.evaluationId)) ?? Promise.reject(new NotFoundError('Evaluation', rectification.evaluationId)),
  overdue: (rectification) => isOverdue(rectification),
  overdueWorkingDays: (rectification) => overdueWorkingDays(rectification),
  callback: ({ callbackAt, callbackOfficer, callbackSummary, callbackVerified }) =>
    callbackAt === null ? null : { at: callbackAt, officer: callbackOfficer!, summary: callbackSummary!, verified: callbackVerified === true },
};
