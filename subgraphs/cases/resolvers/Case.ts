import type { ApplicantKind } from '../entities.js';
import type { CaseResolvers } from '../generated/resolvers.js';
import { withdrawer } from '../access.js';
import { allowedActions, WITHDRAWABLE } from '../lifecycle.js';
import { standsNow } from '../mandates.js';
import { clockOn, inPersonVisits } from '../timeline.js';
import { certificatesUsed } from './CertificateUse.js';

/** A reference to the applicant's entity: a Person ({ id }) or an Enterprise ({ creditCode }). */
export const applicantRef = ({ applicantKind, applicantId }: { applicantKind: ApplicantKind; applicantId: string }) =>
  applicantKind === 'PERSON' ? { id: applicantId } : { creditCode: applicantId };

/** Time fields use the request's today (loaders.clock), so one answer never straddles midnight. */
export const CaseResolver: CaseResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.caseById.load(id),
  applicant: (c) => applicantRef(c),
  item: (c) => ({ code: c.itemCode }),
  region: (c) => ({ code: c.regionCode }),
  department: (c) => ({ code: c.departmentCode }),
  agent: (c) => (c.agentId ? { id: c.agentId } : null),
  allowedActions: (c) => allowedActions(c.status),
  mayWithdraw: async (c, _, { caller, loaders }) =>
    WITHDRAWABLE.has(c.status) &&
    (await withdrawer(
      caller,
      c,
      standsNow((id) => loaders.mandateById.load(id)),
    )) !== null,
  dueDate: (c, _, { loaders }) => clockOn(c, loaders.clock.today).dueDate,
  suspendedWorkingDays: (c, _, { loaders }) => clockOn(c, loaders.clock.today).suspendedWorkingDays,
  overdueWorkingDays: (c, _, { loaders }) => clockOn(c, loaders.clock.today).overdueWorkingDays,
  overdue: (c, _, { loaders }) => clockOn(c, loaders.clock.today).overdueWorkingDays > 0,
  inPersonVisits: async (c, _, { loaders }) => inPersonVisits(await loaders.eventsOf.load(c.id)),
  events: (c, _, { loaders }) => loaders.eventsOf.load(c.id),
  dataRuns: (c, _, context) => certificatesUsed(c, context),
};
