import type { Caller, Role } from '../context.js';

export const ROLES: readonly Role[] = ['ANONYMOUS', 'CITIZEN', 'ENTERPRISE', 'OFFICER', 'SUPERVISOR', 'AUDITOR'];

/**
 * Who may ever read a field marked @personal when it has no @access of its own:
 * the data subject (citizen, enterprise) and officers within their duty with a
 * purpose. Supervisors see aggregates only; auditors see the trail and the schema.
 */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['CITIZEN', 'ENTERPRISE', 'OFFICER'];

/** An officer's duty to read a department's personal data is the scope `<department>:read`. */
export const readScope = (department: string) => `${department}:read`;
/** …and to see full identity numbers, phones and addresses, `<department>:unmask`. */
export const unmaskScope = (department: string) => `${department}:unmask`;

/**
 * May this caller see full identity numbers, phones and addresses held by one of these departments?
 * Only with a stated purpose and that department's unmask scope: officers for their duties, auditors
 * for an investigation of the log itself (`audit:unmask`). Every such read is recorded.
 */
export function mayUnmask(caller: Caller, purpose: string | null, holders: readonly string[]): boolean {
  if ((caller.role !== 'OFFICER' && caller.role !== 'AUDITOR') || purpose === null) return false;
  return holders.some((department) => caller.scopes.includes(unmaskScope(department)));
}
