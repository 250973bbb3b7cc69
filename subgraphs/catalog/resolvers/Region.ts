import { checkWindow } from '../../../platform/date-window.js';
import type { ServiceItem } from '../entities.js';
import type { RegionResolvers } from '../generated/resolvers.js';

/** The catalog's half of Region: what is implemented there and by whom. */
export const RegionResolver: RegionResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  implementations: (region, _, { loaders }) => loaders.implementationsByRegion.load(region.code),
  serviceItems: async (region, _, { loaders }) => {
    const implementations = await loaders.implementationsByRegion.load(region.code);
    const codes = [...new Set(implementations.map((i) => i.itemCode))];
    const items = await loaders.itemByCode.loadMany(codes);
    return items.filter((i): i is ServiceItem => i !== null && !(i instanceof Error));
  },
  departments: (region, _, { loaders }) => loaders.departmentsByRegion.load(region.code),
  // a reference only: the planner fetches the departments' parts and hands them to SupplyPlan.items
  supplyPlan: (region, { from, to }) => {
    checkWindow({ from, to });
    return { region: region.code, from, to };
  },
};
