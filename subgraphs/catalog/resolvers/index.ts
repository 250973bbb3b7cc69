import type { Resolvers } from '../generated/resolvers.js';
import { DepartmentResolver } from './Department.js';
import { ImplementationResolver } from './Implementation.js';
import { MeResolver } from './Me.js';
import { Query } from './Query.js';
import { RegionResolver } from './Region.js';
import { ServiceItemResolver } from './ServiceItem.js';
import { SupplyPlanResolver } from './SupplyPlan.js';

export const resolvers: Resolvers = {
  Query,
  Department: DepartmentResolver,
  ServiceItem: ServiceItemResolver,
  Implementation: ImplementationResolver,
  Region: RegionResolver,
  Me: MeResolver,
  SupplyPlan: SupplyPlanResolver,
  // totalCount is counted only when a client selects it
  ServiceItemConnection: { totalCount: (page) => page.count() },
};
