import { BadInputError } from '../../../platform/errors.js';
import type { RegionResolvers } from '../generated/resolvers.js';
import { windowKey } from '../../../platform/loaders.js';
import { checkWindow } from '../../../platform/date-window.js';

/** The platform's half of Region: its dashboard, over the divisions below it too (divisionRange in platform/identifiers). */
export const RegionResolver: RegionResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  caseFigures: (region, { from, to }, { loaders }) => {
    checkWindow({ from, to });
    return loaders.regionFigures.load(windowKey(region.code, from, to));
  },
  mostOverdueItems: async (region, { from, to, first }, { loaders }) => {
    const count = first ?? 5;
    if (!Number.isInteger(count) || count < 1 || count > 100) throw new BadInputError(`must be between 1 and 100, got ${count}`, 'first');
    checkWindow({ from, to });
    return (await loaders.mostOverdueItems.load(windowKey(region.code, from, to))).slice(0, count);
  },
};
