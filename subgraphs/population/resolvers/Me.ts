import { ownRecordOf } from '../../../platform/me.js';
import type { MeResolvers } from '../generated/resolvers.js';

/** The caller's own person (catalog's Me): from the caller this request is for, never from the key alone. */
export const MeResolver: MeResolvers = {
  __resolveReference: ({ subject }) => ({ subject }),
  person: (me, _, { caller, loaders }) => {
    const own = ownRecordOf(caller, 'CITIZEN', me);
    return own ? loaders.personById.load(own) : null;
  },
};
