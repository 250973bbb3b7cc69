import { checkWindow } from '../../../platform/date-window.js';
import { windowKey } from '../../../platform/loaders.js';
import type { SupplyPlanResolvers } from '../generated/resolvers.js';

/** The platform's part of a supply plan: each item's cases and supply gaps in the division and window. */
export const SupplyPlanResolver: SupplyPlanResolvers = {
  __resolveReference: ({ region, from, to }) => ({ region, from, to }),
  caseParts: ({ region, from, to }, _, { loaders }) => {
    checkWindow({ from, to });
    return loaders.caseParts.load(windowKey(region, from, to));
  },
};
