import type { ServiceItemResolvers } from '../generated/resolvers.js';
import { checkWindow } from '../../../platform/date-window.js';
import { windowKey } from '../../../platform/loaders.js';

/** The review system's half of ServiceItem: its published satisfaction (a public aggregate). */
export const ServiceItemResolver: ServiceItemResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  satisfaction: (item, window, { loaders }) => {
    checkWindow(window);
    return loaders.itemSatisfaction.load(windowKey(item.code, window.from, window.to));
  },
};
