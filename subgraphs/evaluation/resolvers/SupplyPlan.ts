import { checkWindow } from '../../../platform/date-window.js';
import { windowKey } from '../../../platform/loaders.js';
import type { SupplyPlanResolvers } from '../generated/resolvers.js';

/** The review system's part of a supply plan: each item's reviews and bad reviews in the division and window. */
export const SupplyPlanResolver: SupplyPlanResolvers = {
  __resolveReference: ({ region, from, to }) => ({ region, from, to }),
  reviewParts: ({ region, from, to }, _, { loaders }) => {
    checkWindow({ from, to });
    return loaders.reviewParts.load(windowKey(region, from, to));
  },
};
