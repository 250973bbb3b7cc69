import type { Resolvers } from '../generated/resolvers.js';
import { AccessEntryResolver } from './AccessEntry.js';
import { ChainBreakResolver, ChainVerificationResolver } from './ChainVerification.js';
import { DataAccessResolver } from './DataAccess.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  Query,
  AccessEntry: AccessEntryResolver,
  DataAccess: DataAccessResolver,
  ChainVerification: ChainVerificationResolver,
  ChainBreak: ChainBreakResolver,
};
