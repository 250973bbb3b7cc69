import { CreditCodeScalar, DateScalar, DivisionCodeScalar, ResidentIdScalar } from '../../../platform/identifiers/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { EnterpriseResolver } from './Enterprise.js';
import { PersonResolver } from './Person.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  CreditCode: CreditCodeScalar,
  ResidentId: ResidentIdScalar,
  DivisionCode: DivisionCodeScalar,
  Date: DateScalar,
  Query,
  Enterprise: EnterpriseResolver,
  Person: PersonResolver,
};
