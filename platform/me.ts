import type { Caller } from './context.js';

/**
 * The key of `Me` (the caller, catalog/resolvers/Me.ts) in every department that adds to it: the
 * token's subject, or the role's name for a role without one. A department adding a field to Me
 * answers for the caller it was sent (ownRecordOf), never for the key alone, so no key names
 * someone else's record.
 */
export function subjectOf(caller: Caller): string {
  return caller.subject ?? caller.role.toLowerCase();
}

/** The caller's own record id when they have the role and the representation names them; else null. */
export function ownRecordOf(caller: Caller, role: Caller['role'], me: { subject: string }): string | null {
  return caller.role === role && caller.subject && caller.subject === me.subject ? caller.subject : null;
}
