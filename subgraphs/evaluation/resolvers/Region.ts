import { BadInputError } from '../../../platform/errors.js';
import { checkDivisionOrCountry } from '../../../platform/identifiers/index.js';
import type { RegionResolvers } from '../generated/resolvers.js';
import { checkWindow } from '../../../platform/date-window.js';
import { windowKey } from '../../../platform/loaders.js';

/** The review system's half of Region: satisfaction in the division and every division below it. */
export const RegionResolver: RegionResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  satisfaction: (region, window, { loaders }) => {
    // a representation's key has not been through the DivisionCode scalar
    const invalid = checkDivisionOrCountry(region.code);
    if (invalid) throw new BadInputError(invalid, 'code');
    checkWindow(window);
    return loaders.regionSatisfaction.load(windowKey(region.code, window.from, window.to));
  },
};
