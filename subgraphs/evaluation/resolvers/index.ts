import type { Resolvers } from '../generated/resolvers.js';
import { CaseResolver } from './Case.js';
import { DepartmentResolver } from './Department.js';
import { EvaluationResolver } from './Evaluation.js';
import { EvaluatorResolver } from './Evaluator.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { RectificationResolver } from './Rectification.js';
import { RegionResolver } from './Region.js';
import { ServiceItemResolver } from './ServiceItem.js';
import { SupplyPlanResolver } from './SupplyPlan.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Evaluation: EvaluationResolver,
  Rectification: RectificationResolver,
  Evaluator: EvaluatorResolver,
  Case: CaseResolver,
  ServiceItem: ServiceItemResolver,
  Department: DepartmentResolver,
  Region: RegionResolver,
  SupplyPlan: SupplyPlanResolver,
};
