import type { EnterpriseResolvers } from '../generated/resolvers.js';

export const EnterpriseResolver: EnterpriseResolvers = {
  __resolveReference: ({ creditCode }, { loaders }) => loaders.enterpriseByCode.load(creditCode),
  registrationAuthority: (enterprise) => ({ code: enterprise.authorityCode }),
  region: (enterprise) => ({ code: enterprise.regionCode }),
  legalRepresentative: (enterprise) => ({ id: enterprise.representativeId }),
};
