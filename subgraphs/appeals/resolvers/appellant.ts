import type { Caller } from '../../../platform/context.js';
import { ForbiddenError } from '../../../platform/errors.js';

/**
 * The appellant a list of appeals is limited to for this caller. A citizen
 * lists only their own appeals: naming someone else is refused up front, so
 * not even how many appeals they raised shows. Officers may list across
 * appellants (their duty and purpose are checked on every appeal); other roles
 * read figures, never appeals.
 *
 * @returns null when the caller may list across appellants and named none
 */
export function appellantFilter(caller: Caller, named: string | null | undefined): string | null {
  if (caller.role === 'OFFICER') return named ?? null;
  if (caller.role !== 'CITIZEN') {
    throw new ForbiddenError('Appeals are personal data: read the demand figures (demand, unmetDemand) instead');
  }
  if (!caller.subject) throw new ForbiddenError('Your sign-in names no resident: appeals cannot be matched to you');
  if (named && named !== caller.subject) throw new ForbiddenError('You can only read your own appeals');
  return caller.subject;
}
