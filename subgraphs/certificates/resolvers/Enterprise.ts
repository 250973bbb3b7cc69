import type { EnterpriseResolvers } from '../generated/resolvers.js';
import { filterCertificates } from '../status.js';

/** The certificate hub's half of Enterprise: its licences. */
export const EnterpriseResolver: EnterpriseResolvers = {
  __resolveReference: ({ creditCode }) => ({ creditCode }),
  certificates: async (enterprise, { type, status }, { loaders }) =>
    filterCertificates(await loaders.certificatesOfEnterprise.load(enterprise.creditCode), type, status),
};
