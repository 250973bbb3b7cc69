import type { FilterQuery } from '@mikro-orm/core';
import { NotFoundError } from '../../../platform/errors.js';
import { checkDateOrder } from '../../../platform/date-window.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { EvaluationEntity, RectificationEntity, type Evaluation, type Rectification } from '../entities.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { OPEN_STATUSES } from '../levels.js';
import { ownEvaluator } from './callers.js';
import { todayInChina } from '../../../platform/time.js';
import { divisionFilter } from '../../../platform/identifiers/index.js';

export const Query: QueryResolvers = {
  async evaluation(_, { id }, { loaders }) {
    const found = await loaders.evaluationById.load(id);
    if (!found) throw new NotFoundError('Evaluation', id);
    return found;
  },

  async evaluations(_, { case: caseId, region, level, from, to, ...page }, { em, caller, loaders }) {
    const { limit, after } = pageRequest(page);
    checkDateOrder(from, to);
    const where: FilterQuery<Evaluation>[] = [];
    const own = ownEvaluator(caller);
    if (own) where.push({ evaluatorId: own });
    if (caseId) where.push({ caseId });
    if (region) where.push({ regionCode: divisionFilter(region) });
    if (level) where.push({ level });
    if (from) where.push({ evaluatedOn: { $gte: from } });
    if (to) where.push({ evaluatedOn: { $lte: to } });
    if (after) where.push({ id: { $gt: after } });
    const rows = await em.find(EvaluationEntity, { $and: where }, { orderBy: { id: 'asc' }, limit: limit + 1 });
    return toPage(loaders.known.evaluations(rows), { limit, after }, (e) => e.id);
  },

  async rectification(_, { id }, { loaders }) {
    const found = await loaders.rectificationById.load(id);
    if (!found) throw new NotFoundError('Rectification', id);
    return found;
  },

  async rectifications(_, { overdue, status, region, ...page }, { em, caller, loaders }) {
    const { limit, after } = pageRequest(page);
    const today = todayInChina();
    const where: FilterQuery<Rectification>[] = [];
    const own = ownEvaluator(caller);
    if (own) where.push({ evaluatorId: own });
    // the same test as Rectification.overdue: still open after the deadline day
    if (overdue === true) where.push({ status: { $in: [...OPEN_STATUSES] }, deadline: { $lt: today } });
    if (overdue === false) where.push({ $or: [{ status: { $nin: [...OPEN_STATUSES] } }, { deadline: { $gte: today } }] });
    if (status) where.push({ status });
    if (region) where.push({ regionCode: divisionFilter(region) });
    if (after) where.push({ id: { $gt: after } });
    const rows = await em.find(RectificationEntity, { $and: where }, { orderBy: { id: 'asc' }, limit: limit + 1 });
    return toPage(loaders.known.rectifications(rows), { limit, after }, (r) => r.id);
  },
};
