import type { FilterQuery } from '@mikro-orm/core';
import { BadInputError, NotFoundError } from '../../../platform/errors.js';
import { containing } from '../../../platform/like.js';
import { divisionFilter } from '../../../platform/identifiers/index.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { EnterpriseEntity, type Enterprise } from '../entities.js';
import type { QueryResolvers } from '../generated/resolvers.js';

export const Query: QueryResolvers = {
  async enterprise(_, { creditCode }, { loaders }) {
    const found = await loaders.enterpriseByCode.load(creditCode);
    if (!found) throw new NotFoundError('Enterprise', creditCode);
    return found;
  },

  async enterprises(_, { region, name, status, type, registeredFrom, registeredTo, ...page }, { em }) {
    const { limit, after } = pageRequest(page);
    if (registeredFrom && registeredTo && registeredFrom > registeredTo) {
      throw new BadInputError(`must not be after registeredTo (${registeredTo}), got ${registeredFrom}`, 'registeredFrom');
    }
    const where: FilterQuery<Enterprise>[] = [];
    if (region) where.push({ regionCode: divisionFilter(region) });
    if (name) where.push(containing('name', name));
    if (status) where.push({ status });
    if (type) where.push({ type });
    // YYYY-MM-DD text sorts as the dates do
    if (registeredFrom) where.push({ registrationDate: { $gte: registeredFrom } });
    if (registeredTo) where.push({ registrationDate: { $lte: registeredTo } });
    if (after) where.push({ creditCode: { $gt: after } });
    const rows = await em.find(EnterpriseEntity, { $and: where }, { orderBy: { creditCode: 'asc' }, limit: limit + 1 });
    return toPage(rows, { limit, after }, (e) => e.creditCode);
  },
};
