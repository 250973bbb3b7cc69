import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { NotFoundError } from '../../../platform/errors.js';
import { containing } from '../../../platform/like.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { DepartmentEntity, ImplementationEntity, ServiceItemEntity, type Department, type ServiceItem } from '../entities.js';
import type { QueryResolvers } from '../generated/resolvers.js';

export const Query: QueryResolvers = {
  // who the caller is (resolvers/Me.ts); an anonymous caller is nobody
  me: (_, __, { caller }) => (caller.role === 'ANONYMOUS' ? null : caller),

  async serviceItem(_, { code }, { loaders }) {
    const item = await loaders.itemByCode.load(code);
    if (!item) throw new NotFoundError('Service item', code);
    return item;
  },

  async serviceItems(_, { region, department, type, fullyOnline, search, ...page }, { em }) {
    const { limit, after } = pageRequest(page);
    const where: FilterQuery<ServiceItem>[] = [];
    if (region || department) {
      // items implemented there, as one SQL statement with a sub-select
      const implemented = (em as EntityManager)
        .createQueryBuilder(ImplementationEntity, 'i')
        .select('i.itemCode')
        .where({ ...(region ? { regionCode: region } : {}), ...(department ? { departmentCode: department } : {}) });
      where.push({ code: { $in: implemented as never } });
    }
    if (type) where.push({ type });
    if (fullyOnline !== null && fullyOnline !== undefined) where.push({ fullyOnline });
    if (search) {
      where.push({ $or: [containing('name', search), containing('code', search)] });
    }
    // the count has the page's filters, not its cursor
    const filtered = [...where];
    if (after) where.push({ code: { $gt: after } });
    const rows = await em.find(ServiceItemEntity, { $and: where }, { orderBy: { code: 'asc' }, limit: limit + 1 });
    return { ...toPage(rows, { limit, after }, (i) => i.code), count: () => em.count(ServiceItemEntity, { $and: filtered }) };
  },

  async department(_, { code }, { loaders }) {
    const found = await loaders.departmentByCode.load(code);
    if (!found) throw new NotFoundError('Department', code);
    return found;
  },

  async departments(_, { region, kind, ...page }, { em }) {
    const { limit, after } = pageRequest(page);
    const where: FilterQuery<Department> = {};
    if (region) where.regionCode = region;
    if (kind) where.kind = kind;
    if (after) where.code = { $gt: after };
    const rows = await em.find(DepartmentEntity, where, { orderBy: { code: 'asc' }, limit: limit + 1 });
    return toPage(rows, { limit, after }, (d) => d.code);
  },
};
