import type { Resolvers } from '../generated/resolvers.js';
import { Query } from './Query.js';
import { RegionResolver } from './Region.js';

export const resolvers: Resolvers = {
  Query,
  Region: RegionResolver,
};
