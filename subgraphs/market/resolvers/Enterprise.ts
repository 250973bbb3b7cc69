import type { EnterpriseResolvers } from '../generated/resolvers.js';
import type { RepresentativeRef } from '../relations.js';

export const EnterpriseResolver: EnterpriseResolvers = {
  __resolveReference: ({ creditCode }, { loaders }) => loaders.enterpriseByCode.load(creditCode),
  registrationAuthority: (enterprise) => ({ code: enterprise.authorityCode }),
  region: (enterprise) => ({ code: enterprise.regionCode }),
  legalRepresentative: (enterprise) => {
    const representative: RepresentativeRef = { id: enterprise.representativeId, representing: enterprise.creditCode };
    return representative;
  },
};
