import type { CertificateHolderResolvers } from '../generated/resolvers.js';

/** A holder reference is a Person ({ id }) or an Enterprise ({ creditCode }). */
export const CertificateHolderResolver: CertificateHolderResolvers = {
  __resolveType: (holder) => ('id' in holder ? 'Person' : 'Enterprise'),
};
