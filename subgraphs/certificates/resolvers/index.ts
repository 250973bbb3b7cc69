import type { Resolvers } from '../generated/resolvers.js';
import { CaseResolver, DraftApplicationResolver } from './Application.js';
import { CertificateResolver } from './Certificate.js';
import { CertificateHolderResolver } from './CertificateHolder.js';
import { CertificateUseResolver } from './DataRuns.js';
import { EnterpriseResolver } from './Enterprise.js';
import { PersonResolver } from './Person.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  Query,
  Certificate: CertificateResolver,
  CertificateHolder: CertificateHolderResolver,
  Person: PersonResolver,
  Enterprise: EnterpriseResolver,
  Case: CaseResolver,
  DraftApplication: DraftApplicationResolver,
  CertificateUse: CertificateUseResolver,
};
