import type { FilterQuery } from '@mikro-orm/core';
import { NotFoundError } from '../../../platform/errors.js';
import { checkDateOrder } from '../../../platform/date-window.js';
import { NEWEST_FIRST, newestAfter, pageRequest, toPage } from '../../../platform/pagination.js';
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

  async cases(_, { region, status, item, overdue, submittedFrom, submittedTo, ...page }, { em, caller, loaders }) {
    const { limit, after } = pageRequest(page);
    checkDateOrder(submittedFrom, submittedTo, ['submittedFrom', 'submittedTo']);
    const where: FilterQuery<Case>[] = [await visibleTo(caller, em)];
    if (region) where.push({ regionCode: divisionFilter(region) });
    if (status) where.push({ status });
    if (item) where.push({ itemCode: item });
    if (overdue !== null && overdue !== undefined) where.push(overdueWhere(overdue, loaders.clock.lastWorkingDay));
    if (submittedFrom) where.push({ submittedOn: { $gte: submittedFrom } });
    if (submittedTo) where.push({ submittedOn: { $lte: submittedTo } });
    if (after) where.push(newestAfter(after));
    const rows = await em.find(CaseEntity, { $and: where }, { orderBy: [...NEWEST_FIRST], limit: limit + 1 });
    return toPage(rows, limit, (c) => c.id);
  },

  draftApplication: (_, { itemCode, applicantKind, applicantId }) => draftApplication({ itemCode, applicantKind, applicantId }),

  // only the caller's own agency gets a yes: no case of another agency is revealed
  async handlesCase(_, { id }, { caller, loaders }) {
    if (caller.role !== 'OFFICER' || !caller.department) return false;
    return (await loaders.caseById.load(id))?.departmentCode === caller.department;
  },
  ...mandateQueries,
};
