import type { DepartmentContext } from '../../platform/context.js';
import type { Case } from './entities.js';

/**
 * When the caller is the case's agent (帮代办), what they do or read about the
 * applicant is on the applicant's behalf: the access records about the
 * applicant name the agent and the mandate, so the applicant's data tracker
 * says who acted for them. `act` (e.g. Mutation.submitCase) records the act
 * itself, even when the answer selects no personal field.
 */
export function noteActingFor(context: DepartmentContext<unknown>, c: Pick<Case, 'applicantId' | 'agentId' | 'mandateId'>, act?: string): void {
  const { caller } = context;
  if (caller.role !== 'CITIZEN' || !caller.subject || c.agentId !== caller.subject) return;
  context.reads.actingFor(c.applicantId, c.agentId, c.mandateId);
  if (act) context.reads.note([c.applicantId], act, 'CASE_DETAIL');
}
