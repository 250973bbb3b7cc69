import { BadInputError } from '../../../platform/errors.js';
import type { RegionResolvers } from '../generated/resolvers.js';
import { windowKey } from '../../../platform/loaders.js';
import { checkWindow } from '../../../platform/date-window.js';
import { asksSupply } from '../figures.js';

/** The platform's half of Region: its dashboard, over the divisions below it too (divisionRange in platform/identifiers). */
export const RegionResolver: RegionResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  caseFigures: (region, { from, to }, { loaders }, info) => {
    checkWindow({ from, to });
    return loaders.regionFigures(windowKey(region.code, from, to), asksSupply(info));
  },
  digitalDivide: (region, { from, to }) => {
    checkWindow({ from, to });
    return { code: region.code, from, to };
  },
  mostOverdueItems: async (region, { from, to, first, everyRow }, { loaders }) => {
    const count = first ?? 5;
    if (!Number.isInteger(count) || count < 1 || count > 100) throw new BadInputError(`must be between 1 and 100, got ${count}`, 'first');
    checkWindow({ from, to });
    const items = await loaders.mostOverdueItems.load(windowKey(region.code, from, to));
    // everyRow (@inaccessible): the jurisdiction router combines the country's list from every item
    return everyRow ? items : items.filter((i) => i.overdueCases > 0).slice(0, count);
  },
};
