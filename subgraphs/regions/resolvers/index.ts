import { DivisionCodeScalar } from '../../../platform/identifiers/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { Query } from './Query.js';
import { RegionResolver } from './Region.js';

export const resolvers: Resolvers = {
  DivisionCode: DivisionCodeScalar,
  Query,
  Region: RegionResolver,
};
