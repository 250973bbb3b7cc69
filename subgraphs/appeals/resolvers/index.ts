import type { Resolvers } from '../generated/resolvers.js';
import { AppealResolver } from './Appeal.js';
import { DepartmentResolver } from './Department.js';
import { Mutation } from './Mutation.js';
import { PersonResolver } from './Person.js';
import { Query } from './Query.js';
import { RegionResolver } from './Region.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Appeal: AppealResolver,
  Person: PersonResolver,
  Region: RegionResolver,
  Department: DepartmentResolver,
  // totalCount is counted only when a client selects it
  AppealConnection: { totalCount: (page) => page.count() },
};
