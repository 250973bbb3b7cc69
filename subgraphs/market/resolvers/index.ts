import type { Resolvers } from '../generated/resolvers.js';
import { EnterpriseResolver } from './Enterprise.js';
import { PersonResolver } from './Person.js';
import { MeResolver } from './Me.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  Query,
  Enterprise: EnterpriseResolver,
  Person: PersonResolver,
  Me: MeResolver,
};
