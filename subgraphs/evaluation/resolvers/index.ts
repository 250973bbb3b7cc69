import { CreditCodeScalar, DateScalar, DivisionCodeScalar, ResidentIdScalar } from '../../../platform/identifiers/scalars.js';
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

export const resolvers: Resolvers = {
  ResidentId: ResidentIdScalar,
  CreditCode: CreditCodeScalar,
  DivisionCode: DivisionCodeScalar,
  Date: DateScalar,
  Query,
  Mutation,
  Evaluation: EvaluationResolver,
  Rectification: RectificationResolver,
  Evaluator: EvaluatorResolver,
  Case: CaseResolver,
  ServiceItem: ServiceItemResolver,
  Department: DepartmentResolver,
  Region: RegionResolver,
};
