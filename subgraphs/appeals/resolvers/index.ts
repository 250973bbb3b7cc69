import type { Resolvers } from '../generated/resolvers.js';
import { AppealResolver } from './Appeal.js';
import { DepartmentResolver } from './Department.js';
import { Mutation } from './Mutation.js';
import { PersonResolver } from './Person.js';
import { Query } from './Query.js';
import { RegionResolver } from './Region.js';
import { SupplyPlanResolver } from './SupplyPlan.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Appeal: AppealResolver,
  Person: PersonResolver,
  Region: RegionResolver,
  SupplyPlan: SupplyPlanResolver,
  Department: DepartmentResolver,
  // totalCount is counted only when a client selects it
  AppealConnection: { totalCount: (page) => page.count() },
};
