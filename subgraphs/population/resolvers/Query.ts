import type { FilterQuery } from '@mikro-orm/core';
import { BadInputError, NotFoundError } from '../../../platform/errors.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { PersonEntity, type Person } from '../entities.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { checkHouseholdId } from '../household.js';
import { namePrefixFilter } from './filters.js';
import { divisionFilter } from '../../../platform/identifiers/index.js';

export const Query: QueryResolvers = {
  async person(_, { id }, { loaders }) {
    const person = await loaders.personById.load(id);
    if (!person) throw new NotFoundError('Person', maskId(id));
    return person;
  },

  async household(_, { id }, { loaders }) {
    const reason = checkHouseholdId(id);
    if (reason) throw new BadInputError(reason, 'id');
    const household = await loaders.householdById.load(id);
    if (!household) throw new NotFoundError('Household', id);
    return household;
  },

  async people(_, { region, name, bornFrom, bornTo, ...page }, { em }) {
    const { limit, after } = pageRequest(page);
    if (bornFrom && bornTo && bornFrom > bornTo) throw new BadInputError(`${bornFrom} is after bornTo ${bornTo}`, 'bornFrom');
    const where: FilterQuery<Person>[] = [];
    if (region) where.push({ regionCode: divisionFilter(region) });
    if (name !== null && name !== undefined) where.push(namePrefixFilter(name));
    if (bornFrom) where.push({ birthDate: { $gte: bornFrom } });
    if (bornTo) where.push({ birthDate: { $lte: bornTo } });
    if (after) where.push({ id: { $gt: after } });
    const rows = await em.find(PersonEntity, { $and: where }, { orderBy: { id: 'asc' }, limit: limit + 1 });
    return toPage(rows, { limit, after }, (p) => p.id);
  },
};

// error messages end up in logs: an identity number is sensitive, so only its non-personal part is shown
function maskId(id: string): string {
  return `${id.slice(0, 6)}************`;
}
