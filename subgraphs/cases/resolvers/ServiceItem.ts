import type { ServiceItemResolvers } from '../generated/resolvers.js';
import { windowKey } from '../../../platform/loaders.js';
import { checkWindow } from '../../../platform/date-window.js';
import { asksSupply } from '../figures.js';

/** The platform's half of ServiceItem: public figures on its cases (aggregates, no personal data). */
export const ServiceItemResolver: ServiceItemResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  caseFigures: (item, { from, to }, { loaders }, info) => {
    checkWindow({ from, to });
    return loaders.itemFigures(windowKey(item.code, from, to), asksSupply(info));
  },
};
