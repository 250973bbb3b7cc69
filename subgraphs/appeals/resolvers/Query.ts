import { raw, type FilterQuery } from '@mikro-orm/core';
import { NotFoundError } from '../../../platform/errors.js';
import { checkDateOrder } from '../../../platform/date-window.js';
import { PAGE_ORDERS, pageQuery, pageRequest, toPage } from '../../../platform/pagination.js';
import { CATEGORIES, CATEGORY_LIST, KIND_NAMES, KINDS, OPEN_STATUSES, RESPONSE_LIMIT_DAYS } from '../data/reference.js';
import { AppealEntity, type Appeal } from '../entities.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { appellantFilter } from './appellant.js';
import { demandOf, trendOf, unmetOf } from './figures.js';
import { divisionFilter } from '../../../platform/identifiers/index.js';

/** The SQL of lifecycle.ts isOverdue, or of its negation, as of `today`. */
function overdueWhere(overdue: boolean, today: string): FilterQuery<Appeal> {
  if (overdue) return { $or: [{ status: { $in: [...OPEN_STATUSES] }, deadline: { $lt: today } }, { [raw('responded_on > deadline')]: [] }] };
  return {
    $and: [
      { $or: [{ status: { $nin: [...OPEN_STATUSES] } }, { deadline: { $gte: today } }] },
      { [raw('(responded_on is null or responded_on <= deadline)')]: [] },
    ],
  };
}

export const Query: QueryResolvers = {
  async appeal(_, { id }, { loaders }) {
    const found = await loaders.appealById.load(id);
    if (!found) throw new NotFoundError('Appeal', id);
    return found;
  },

  async appeals(_, { region, kind, category, status, overdue, department, appellant, from, to, ...page }, { em, caller, loaders }) {
    const request = pageRequest(page);
    checkDateOrder(from, to);
    const appellantId = appellantFilter(caller, appellant);
    const where: FilterQuery<Appeal>[] = [];
    if (region) where.push({ regionCode: divisionFilter(region) });
    if (kind) where.push({ kind });
    if (category) where.push({ category });
    if (status) where.push({ status });
    if (overdue !== null && overdue !== undefined) where.push(overdueWhere(overdue, loaders.today));
    if (department) where.push({ departmentCode: department });
    if (appellantId) where.push({ appellantId });
    if (from) where.push({ receivedOn: { $gte: from } });
    if (to) where.push({ receivedOn: { $lte: to } });
    const { where: beyond, orderBy, limit } = pageQuery<Appeal>(PAGE_ORDERS.NEWEST_FIRST, request);
    const rows = await em.find(AppealEntity, { $and: [...where, ...beyond] }, { orderBy, limit });
    // the count has the page's filters, the caller's own appeals among them, and not its cursor
    return { ...toPage(rows, request, (a) => a.id), count: () => em.count(AppealEntity, { $and: where }) };
  },

  demand: (_, { region, from, to }, context) => demandOf(region, from, to, context),
  demandTrend: (_, { region, from, to, interval, category }, context) => trendOf(region, from, to, interval, category, context),
  unmetDemand: (_, { region, from, to, first, everyRow }, context) => unmetOf(region, from, to, first, everyRow, context),

  appealKinds: () => KINDS.map((kind) => ({ kind, name: KIND_NAMES[kind], responseLimitDays: RESPONSE_LIMIT_DAYS[kind] })),
  appealCategories: () => CATEGORY_LIST.map((category) => ({ category, ...CATEGORIES[category] })),
};
