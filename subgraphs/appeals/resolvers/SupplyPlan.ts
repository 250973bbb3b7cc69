import { checkWindow } from '../../../platform/date-window.js';
import { windowKey } from '../../../platform/loaders.js';
import type { KindAppeals, SupplyPlanResolvers } from '../generated/resolvers.js';

/** The hotline's part of a supply plan: appeals per kind of agency, from the categories' counts (unmetDemand's). */
export const SupplyPlanResolver: SupplyPlanResolvers = {
  __resolveReference: ({ region, from, to }) => ({ region, from, to }),
  appealParts: async ({ region, from, to }, _, { loaders }) => {
    checkWindow({ from, to });
    const kinds = new Map<KindAppeals['departmentKind'], number>();
    for (const c of await loaders.unmet.load(windowKey(region, from, to))) kinds.set(c.departmentKind, (kinds.get(c.departmentKind) ?? 0) + c.received);
    return [...kinds].map(([departmentKind, appeals]) => ({ departmentKind, appeals }));
  },
};
