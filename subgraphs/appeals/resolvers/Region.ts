import type { RegionResolvers } from '../generated/resolvers.js';
import { demandOf, trendOf, unmetOf } from './figures.js';

/** The hotline's half of Region: what people there ask for, in and below the division. */
export const RegionResolver: RegionResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  demand: (region, { from, to }, context) => demandOf(region.code, from, to, context),
  demandTrend: (region, { from, to, interval, category }, context) => trendOf(region.code, from, to, interval, category, context),
  unmetDemand: (region, { from, to, first, everyRow }, context) => unmetOf(region.code, from, to, first, everyRow, context),
};
