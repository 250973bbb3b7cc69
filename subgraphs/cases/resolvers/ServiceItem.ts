import type { ServiceItemResolvers } from '../generated/resolvers.js';
import { windowKey } from '../../../platform/loaders.js';
import { checkWindow } from '../../../platform/date-window.js';

/** The platform's half of ServiceItem: public figures on its cases (aggregates, no personal data). */
export const ServiceItemResolver: ServiceItemResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  caseFigures: (item, { from, to }, { loaders }) => {
    checkWindow({ from, to });
    return loaders.itemFigures.load(windowKey(item.code, from, to));
  },
};
