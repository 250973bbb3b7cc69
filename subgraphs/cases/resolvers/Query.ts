import type { FilterQuery } from '@mikro-orm/core';
import { NotFoundError } from '../../../platform/errors.js';
import { checkDateOrder } from '../../../platform/date-window.js';
import { PAGE_ORDERS, pageQuery, pageRequest, sortKey, toPage } from '../../../platform/pagination.js';
import { CaseEntity, type Case } from '../entities.js';
import { overdueWhere, visibleTo } from '../filters.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { draftApplication } from './DraftApplication.js';
import { mandateQueries } from './mandates.js';
import { divisionFilter } from '../../../platform/identifiers/index.js';

export const Query: QueryResolvers = {
  async case(_, { id }, { loaders }) {
    const found = await loaders.caseById.load(id);
    if (!found) throw new NotFoundError('Case', id);
    return found;
  },

  async cases(_, { region, status, item, overdue, submittedFrom, submittedTo, orderBy, ...page }, { em, caller, loaders }) {
    const order = PAGE_ORDERS[orderBy ?? 'NEWEST_FIRST'];
    const request = pageRequest(page, order.tag);
    checkDateOrder(submittedFrom, submittedTo, ['submittedFrom', 'submittedTo']);
    const where: FilterQuery<Case>[] = [await visibleTo(caller, em)];
    if (region) where.push({ regionCode: divisionFilter(region) });
    if (status) where.push({ status });
    if (item) where.push({ itemCode: item });
    if (overdue !== null && overdue !== undefined) where.push(overdueWhere(overdue, loaders.clock.lastWorkingDay));
    if (submittedFrom) where.push({ submittedOn: { $gte: submittedFrom } });
    if (submittedTo) where.push({ submittedOn: { $lte: submittedTo } });
    const { where: beyond, orderBy: sorted, limit } = pageQuery<Case>(order, request);
    const rows = await em.find(CaseEntity, { $and: [...where, ...beyond] }, { orderBy: sorted, limit });
    // the count has the page's filters, the caller's visibility among them, and not its cursor
    return { ...toPage(rows, request, (c) => sortKey(order, c), order.tag), count: () => em.count(CaseEntity, { $and: where }) };
  },

  draftApplication: (_, { itemCode, applicantKind, applicantId }) => draftApplication({ itemCode, applicantKind, applicantId }),

  // only the caller's own agency gets a yes: no case of another agency is revealed
  async handlesCase(_, { id }, { caller, loaders }) {
    if (caller.role !== 'OFFICER' || !caller.department) return false;
    return (await loaders.caseById.load(id))?.departmentCode === caller.department;
  },
  ...mandateQueries,
};
