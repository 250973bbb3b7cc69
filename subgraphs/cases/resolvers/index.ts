import type { Resolvers } from '../generated/resolvers.js';
import { ApplicantResolver } from './Applicant.js';
import { CaseResolver } from './Case.js';
import { CaseEventResolver } from './CaseEvent.js';
import { CertificateUseResolver } from './CertificateUse.js';
import { DepartmentResolver } from './Department.js';
import { DraftApplicationResolver } from './DraftApplication.js';
import { EnterpriseResolver } from './Enterprise.js';
import { MandateResolver } from './mandates.js';
import { Mutation } from './Mutation.js';
import { PersonResolver } from './Person.js';
import {
  CaseStepResultResolver,
  DataRunsPreviewExpiredResolver,
  IllegalTransitionResolver,
  MutationProblemResolver,
  SubmitCaseResultResolver,
} from './problems.js';
import { Query } from './Query.js';
import { ratingTicket } from './ratingTicket.js';
import { RegionResolver } from './Region.js';
import { DigitalDivideResolver, DivideBreakdownResolver } from './DigitalDivide.js';
import { ServiceItemResolver } from './ServiceItem.js';
import { Subscription } from './Subscription.js';
import { SupplyPlanResolver } from './SupplyPlan.js';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Subscription,
  Case: { ...CaseResolver, ratingTicket },
  CaseEvent: CaseEventResolver,
  CertificateUse: CertificateUseResolver,
  Applicant: ApplicantResolver,
  DraftApplication: DraftApplicationResolver,
  Person: PersonResolver,
  Enterprise: EnterpriseResolver,
  ServiceItem: ServiceItemResolver,
  Department: DepartmentResolver,
  Region: RegionResolver,
  SupplyPlan: SupplyPlanResolver,
  DigitalDivide: DigitalDivideResolver,
  DivideBreakdown: DivideBreakdownResolver,
  Mandate: MandateResolver,
  // totalCount is counted only when a client selects it
  CaseConnection: { totalCount: (page) => page.count() },
  CaseStepResult: CaseStepResultResolver,
  MutationProblem: MutationProblemResolver,
  IllegalTransition: IllegalTransitionResolver,
  SubmitCaseResult: SubmitCaseResultResolver,
  DataRunsPreviewExpired: DataRunsPreviewExpiredResolver,
};
