import { parentDivisionCodes } from '../../../platform/identifiers/division-code.js';
import type { Region } from '../entities.js';
import type { RegionResolvers } from '../generated/resolvers.js';

export const RegionResolver: RegionResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.regionByCode.load(code),
  parent: (region, _, { loaders }) => (region.parentCode ? loaders.regionByCode.load(region.parentCode) : null),
  children: (region, _, { loaders }) => loaders.childrenOf.load(region.code),
  ancestors: async (region, _, { loaders }) => {
    const found = await loaders.regionByCode.loadMany(parentDivisionCodes(region.code));
    return found.filter((r): r is Region => r !== null && !(r instanceof Error));
  },
};
