import type { EntityManager as CoreEntityManager, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { afterRank, parseSearch, rankKey, relevance, wordScores, type Search } from '../search/rank.js';
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
    // the count has the page's filters, not its cursor
    const filtered = [...where];
    const searched = parseSearch(search);
    if (searched) return searchItems(em, searched, where, limit, after);
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

/**
 * Items matching a search, most relevant first (then by code), paged by (relevance, code): the
 * matches are a share of the catalog (a few thousand items nationally), ranked here whole.
 */
async function searchItems(em: CoreEntityManager, search: Search, where: FilterQuery<ServiceItem>[], limit: number, after: string | null) {
  const scores = await wordScores(em, search);
  const matching: FilterQuery<ServiceItem> = {
    $or: [{ code: { $in: [...scores.keys()] } }, containing('name', search.text), containing('code', search.text.toUpperCase())],
  };
  const found = await em.find(ServiceItemEntity, { $and: [...where, matching] });
  const ranked = found.map((item) => ({ item, score: relevance(item, search, scores) })).sort((a, b) => b.score - a.score || compare(a.item.code, b.item.code));
  const from = after ? afterRank(after) : null;
  const rest = from ? ranked.filter((r) => r.score < from.score || (r.score === from.score && compare(r.item.code, from.code) > 0)) : ranked;
  const page = toPage(rest.slice(0, limit + 1), { limit, after }, (r) => rankKey(r.score, r.item.code));
  // every match is ranked here: the count is theirs
  return { ...page, nodes: page.nodes.map((r) => r.item), count: async () => ranked.length };
}

// codes are ASCII: code-unit order is the database's order of the unsearched list
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
