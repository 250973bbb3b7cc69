import type { EnterpriseResolvers } from '../generated/resolvers.js';
import { ownerPage } from './page.js';

/** The platform's half of Enterprise: the cases it applied for. */
export const EnterpriseResolver: EnterpriseResolvers = {
  __resolveReference: ({ creditCode }) => ({ creditCode }),
  cases: (enterprise, args, { loaders }) => ownerPage(loaders.casesOfEnterprise, loaders.countOfEnterprise, enterprise.creditCode, args),
};
