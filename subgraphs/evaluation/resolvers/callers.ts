import type { Caller } from '../../../platform/context.js';
import { ForbiddenError } from '../../../platform/errors.js';
import type { EvaluatorKind } from '../entities.js';

export const WRITE_SCOPE = 'evaluation:write';

/** The evaluator a rating is recorded for: the signed-in citizen or enterprise itself. */
export function evaluatorOf(caller: Caller): { kind: EvaluatorKind; id: string } {
  if ((caller.role !== 'CITIZEN' && caller.role !== 'ENTERPRISE') || !caller.subject) {
    throw new ForbiddenError('Only the applicant rates a case: sign in as the citizen or enterprise who applied');
  }
  return { kind: caller.role === 'CITIZEN' ? 'PERSON' : 'ENTERPRISE', id: caller.subject };
}

/** Handling a rectification is an officer's duty with the scope evaluation:write. */
export function requireHandler(caller: Caller): string {
  if (caller.role !== 'OFFICER' || !caller.scopes.includes(WRITE_SCOPE) || !caller.subject) {
    throw new ForbiddenError(`Handling rectifications needs an officer with the scope ${WRITE_SCOPE}`);
  }
  return caller.subject;
}

/** Citizens and enterprises list only their own records: the evaluator id to filter on, or null for officers. */
export function ownEvaluator(caller: Caller): string | null {
  if (caller.role !== 'CITIZEN' && caller.role !== 'ENTERPRISE') return null;
  if (!caller.subject) throw new ForbiddenError('Your sign-in names no one: your ratings cannot be matched to you');
  return caller.subject;
}
