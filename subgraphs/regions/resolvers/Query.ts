import { NotFoundError } from '../../../platform/errors.js';
import { containing } from '../../../platform/like.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { RegionEntity, type Region } from '../entities.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import type { FilterQuery } from '@mikro-orm/core';

export const Query: QueryResolvers = {
  async region(_, { code }, { loaders }) {
    const region = await loaders.regionByCode.load(code);
    if (!region) throw new NotFoundError('Region', code);
    return region;
  },

  async regions(_, { parent, level, nameContains, ...page }, { em }) {
    const { limit, after } = pageRequest(page);
    const where: FilterQuery<Region>[] = [];
    if (parent) where.push({ parentCode: parent });
    if (level) where.push({ level });
    if (nameContains) where.push(containing('name', nameContains));
    if (after) where.push({ code: { $gt: after } });
    const rows = await em.find(RegionEntity, { $and: where }, { orderBy: { code: 'asc' }, limit: limit + 1 });
    return toPage(rows, { limit, after }, (r) => r.code);
  },
};
