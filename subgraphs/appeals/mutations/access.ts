import type { Caller } from '../../../platform/context.js';
import { ForbiddenError } from '../../../platform/errors.js';

/** Handling appeals is the duty scope of hotline operators and department officers. */
export const WRITE_SCOPE = 'appeals:write';

/** Refuses anyone but an officer holding appeals:write. */
export function requireHandler(caller: Caller, step: string): void {
  if (caller.role !== 'OFFICER' || !caller.scopes.includes(WRITE_SCOPE)) {
    throw new ForbiddenError(`${step} is a handling step: it needs an officer with the scope ${WRITE_SCOPE}`);
  }
}

/**
 * The appellant of a new appeal: a citizen registers only for themselves; an
 * operator for the person named, or anonymously when none is named.
 */
export function appellantFor(caller: Caller, named: string | null | undefined): string | null {
  if (caller.role === 'CITIZEN') {
    if (!caller.subject) throw new ForbiddenError('Your sign-in names no resident: an appeal cannot be registered for you');
    if (named && named !== caller.subject) throw new ForbiddenError('You can register appeals only for yourself; the hotline registers them for others');
    return caller.subject;
  }
  requireHandler(caller, 'registerAppeal for someone else or anonymously');
  return named ?? null;
}
