import { NotFoundError } from '../../../platform/errors.js';
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
    const where: FilterQuery<Region> = {};
    if (parent) where.parentCode = parent;
    if (level) where.level = level;
    if (nameContains) where.name = { $like: `%${escapeLike(nameContains)}%` };
    if (after) where.code = { $gt: after };
    const rows = await em.find(RegionEntity, where, { orderBy: { code: 'asc' }, limit: limit + 1 });
    return toPage(rows, limit, (r) => r.code);
  },
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
