import { CreditCodeScalar, DateScalar, ResidentIdScalar } from '../../../platform/identifiers/scalars.js';
import type { Resolvers } from '../generated/resolvers.js';
import { CaseResolver, DraftApplicationResolver } from './Application.js';
import { CertificateResolver } from './Certificate.js';
import { CertificateHolderResolver } from './CertificateHolder.js';
import { CertificateUseResolver } from './DataRuns.js';
import { EnterpriseResolver } from './Enterprise.js';
import { PersonResolver } from './Person.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  ResidentId: ResidentIdScalar,
  CreditCode: CreditCodeScalar,
  Date: DateScalar,
  Query,
  Certificate: CertificateResolver,
  CertificateHolder: CertificateHolderResolver,
  Person: PersonResolver,
  Enterprise: EnterpriseResolver,
  Case: CaseResolver,
  DraftApplication: DraftApplicationResolver,
  CertificateUse: CertificateUseResolver,
};
