import { windowKey } from '../../../platform/loaders.js';
import { gapsOf, published, type BreakdownName, type DivideScope } from '../divide.js';
import type { Context } from '../context.js';
import type { DigitalDivideResolvers, DivideBreakdownResolvers } from '../generated/resolvers.js';

/** A breakdown is computed when it is selected: one statement for every division asked in the request. */
const breakdown =
  (name: BreakdownName) =>
  async ({ code, from, to }: DivideScope, _: unknown, { loaders }: Context) => ({ groups: await loaders.divide[name].load(windowKey(code, from, to)) });

export const DigitalDivideResolver: DigitalDivideResolvers = {
  byAgeBand: breakdown('byAgeBand'),
  byResidence: breakdown('byResidence'),
  byEconomicRegion: breakdown('byEconomicRegion'),
};

export const DivideBreakdownResolver: DivideBreakdownResolvers = {
  // unsuppressed (@inaccessible): the jurisdiction router's, which suppresses after combining the provinces
  groups: ({ groups }, { unsuppressed }) => (unsuppressed ? groups : published(groups)),
  gaps: ({ groups }) => gapsOf(published(groups)),
};
