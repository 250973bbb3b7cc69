import type { Caller } from '../../platform/context.js';
import { BadInputError, ForbiddenError } from '../../platform/errors.js';
import type { ApplicantKind, Case } from './entities.js';

/** An officer's duty to handle cases. */
export const WRITE_SCOPE = 'cases:write';

const mayHandle = (caller: Caller) => caller.role === 'OFFICER' && caller.scopes.includes(WRITE_SCOPE);

/**
 * Handling steps are for officers on duty. Any agency's window may take them
 * (一窗受理: one window accepts for every agency), so the scope alone decides.
 *
 * @returns the handler the timeline records
 * @throws ForbiddenError for anyone else
 */
export function requireHandler(caller: Caller): string {
  if (!mayHandle(caller)) throw new ForbiddenError(`Handling a case needs an officer with the scope ${WRITE_SCOPE}`);
  return caller.subject ?? caller.department ?? 'officer';
}

export interface Submission {
  applicantKind: ApplicantKind;
  applicantId: string;
  agentId?: string | null;
}

/**
 * Who may submit for whom. A citizen applies for themselves, or for someone
 * else as the agent (帮代办: then the agent is the caller) under their mandate;
 * an enterprise for itself, possibly naming the person handling it; an officer
 * with cases:write for anyone, e.g. entering an application at a hall window,
 * and with an agent only under the applicant's mandate to that agent.
 *
 * @returns the agent to record, the handler of the submission, and whether the
 *   agent needs the applicant's mandate (checked against the database: mandates.ts)
 * @throws ForbiddenError when the caller may not submit this application
 */
export function submitter(
  caller: Caller,
  { applicantKind, applicantId, agentId }: Submission,
): { agentId: string | null; handler: string; needsMandate: boolean } {
  const given = agentId ?? null;
  if (given !== null && given === applicantId)
    throw new BadInputError('an agent acts for someone else; leave agentId out when applying for yourself', 'input.agentId');
  switch (caller.role) {
    case 'CITIZEN': {
      if (!caller.subject) throw new ForbiddenError('Your sign-in names no resident: a case cannot be submitted for you');
      const forSelf = applicantKind === 'PERSON' && applicantId === caller.subject;
      if (forSelf) return { agentId: null, handler: 'applicant', needsMandate: false };
      if (given !== null && given !== caller.subject)
        throw new ForbiddenError('You can submit for someone else only as their agent yourself: agentId must be your own identity number');
      return { agentId: caller.subject, handler: 'agent', needsMandate: true };
    }
    case 'ENTERPRISE':
      if (applicantKind !== 'ENTERPRISE' || applicantId !== caller.subject) throw new ForbiddenError('An enterprise can submit cases only for itself');
      return { agentId: given, handler: 'applicant', needsMandate: false };
    case 'OFFICER':
      if (!mayHandle(caller)) break;
      return { agentId: given, handler: requireHandler(caller), needsMandate: given !== null };
    default:
      break;
  }
  throw new ForbiddenError(`Submitting a case needs a citizen or enterprise sign-in, or an officer with the scope ${WRITE_SCOPE}`);
}

/**
 * Deciding a case (DECISIONS in lifecycle.ts) is for the agency that implements
 * it: an officer of another agency may take the case in at their window, never
 * decide it.
 *
 * @throws ForbiddenError when the caller's agency is not the implementing agency
 */
export function requireImplementingAgency(caller: Caller, caseId: string, departmentCode: string, mutation: string): void {
  if (caller.department !== departmentCode) {
    throw new ForbiddenError(`Case ${caseId} is implemented by another agency: only its officers may ${mutation}; your agency may accept cases at its window`);
  }
}

/**
 * Who may withdraw a case (撤回): its applicant (a citizen their own case, an enterprise its own), or
 * the person acting for them while the mandate the case was submitted under stands, the same reach
 * they have to read it (subjects.ts). Officers never: withdrawing is the applicant's choice.
 *
 * @param mandateStands whether the case's mandate (when it has one) is active now (mandates.ts isActive)
 * @returns the handler the timeline records, or null for anyone else
 */
export async function withdrawer(
  caller: Caller,
  c: Pick<Case, 'applicantKind' | 'applicantId' | 'agentId' | 'mandateId'>,
  mandateStands: (id: string) => Promise<boolean>,
): Promise<'applicant' | 'agent' | null> {
  if (!caller.subject || (caller.role !== 'CITIZEN' && caller.role !== 'ENTERPRISE')) return null;
  const ownKind = caller.role === 'CITIZEN' ? 'PERSON' : 'ENTERPRISE';
  if (c.applicantKind === ownKind && c.applicantId === caller.subject) return 'applicant';
  if (caller.role !== 'CITIZEN' || c.agentId !== caller.subject) return null;
  return !c.mandateId || (await mandateStands(c.mandateId)) ? 'agent' : null;
}
