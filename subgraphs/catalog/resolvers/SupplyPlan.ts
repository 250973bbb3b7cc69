import { BadInputError, ErrorCode, GovError } from '../../../platform/errors.js';
import type { ServiceItem } from '../entities.js';
import type { SupplyPlanResolvers } from '../generated/resolvers.js';
import { MIN_PEOPLE } from '../../../platform/suppression.js';
import { rank, type PlanParts } from '../supply-plan.js';

/** The parts the planner fetched from the platform, the review system and the hotline (@requires); null when one was down. */
function partsOf(plan: object): PlanParts {
  // codegen types the representation as any subset of the required fields; the planner sends them all or nulls
  const { caseParts, reviewParts, appealParts } = plan as { [K in keyof PlanParts]?: PlanParts[K] | null };
  const missing = [!caseParts && 'cases', !reviewParts && 'evaluation', !appealParts && 'appeals'].filter(Boolean);
  if (!caseParts || !reviewParts || !appealParts) {
    throw new GovError(ErrorCode.SubgraphUnavailable, `the supply plan needs the figures of ${missing.join(', ')}, which did not answer; try again later`);
  }
  return { caseParts, reviewParts, appealParts };
}

/** The catalog's half of a supply plan: the items ranked from every department's parts. */
export const SupplyPlanResolver: SupplyPlanResolvers = {
  __resolveReference: (plan) => plan,
  items: async (plan, { first }, { loaders }) => {
    const count = first ?? 10;
    if (!Number.isInteger(count) || count < 1 || count > 100) throw new BadInputError(`must be between 1 and 100, got ${count}`, 'first');
    const parts = partsOf(plan);
    const items = await loaders.itemByCode.loadMany(parts.caseParts.map((p) => p.item));
    const known = new Map(items.filter((i): i is ServiceItem => i !== null && !(i instanceof Error)).map((i) => [i.code, i]));
    return rank(parts, (code) => known.get(code)).slice(0, count);
  },
  unscoredItems: (plan) => partsOf(plan).caseParts.filter((p) => p.cases < MIN_PEOPLE).length,
};
