import { ownRecordOf } from '../../../platform/me.js';
import type { MeResolvers } from '../generated/resolvers.js';

/** The caller's own enterprise (catalog's Me): from the caller this request is for, never from the key alone. */
export const MeResolver: MeResolvers = {
  __resolveReference: ({ subject }) => ({ subject }),
  enterprise: (me, _, { caller, loaders }) => {
    const own = ownRecordOf(caller, 'ENTERPRISE', me);
    return own ? loaders.enterpriseByCode.load(own) : null;
  },
};
