import { DivisionCodeScalar } from '../../../platform/identifiers/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { DepartmentResolver } from './Department.js';
import { ImplementationResolver } from './Implementation.js';
import { Query } from './Query.js';
import { RegionResolver } from './Region.js';
import { ServiceItemResolver } from './ServiceItem.js';

export const resolvers: Resolvers = {
  DivisionCode: DivisionCodeScalar,
  Query,
  Department: DepartmentResolver,
  ServiceItem: ServiceItemResolver,
  Implementation: ImplementationResolver,
  Region: RegionResolver,
};
