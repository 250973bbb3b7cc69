import { checkDate } from '../identifiers/index.js';
import type { Caller } from '../context.js';
import { BadInputError, ForbiddenError } from '../errors.js';
import { todayInChina } from '../time.js';

/**
 * Withholding a read from its subject's data tracker (an ongoing investigation,
 * PIPL art. 18 / 35) is a power: the officer needs the scope `<department>:withhold`
 * of the department that serves the data, exactly as reading it needs `<department>:read`.
 * The officer asks in the purpose: `withheld until 2027-06-30: investigation 2026-042`.
 * The record then names who withheld it and until when; from the next day on the
 * subject sees it, with that fact. Anything else that starts with "withheld" is refused,
 * never silently recorded as hidden.
 */
export const withholdScope = (department: string) => `${department}:withhold`;

/** The longest a read may be withheld in one request: a longer investigation asks again. */
export const MAX_WITHHOLD_DAYS = 366;

export interface Withholding {
  /** who withheld it: the officer id from the gateway-vouched caller */
  by: string;
  /** last day (YYYY-MM-DD, China time) the subject does not see it */
  until: string;
}

const ASKS = /^\s*withh[eo]ld\b/i;
const REQUEST = /^withheld until (\d{4}-\d{2}-\d{2}): ?\S/;
const SYNTAX = 'to withhold a read from its subject, write the purpose as "withheld until YYYY-MM-DD: <reason>"';

/**
 * The withholding a request asks for and may have, null when it asks for none.
 * Throws ForbiddenError (no scope) or BadInputError (malformed or out-of-range date):
 * the caller then serves no personal data.
 */
export function withholdingOf(caller: Caller, purpose: string | null, department: string, today = todayInChina()): Withholding | null {
  if (!purpose || !ASKS.test(purpose)) return null;
  if (caller.role !== 'OFFICER' || !caller.subject || !caller.scopes.includes(withholdScope(department))) {
    throw new ForbiddenError(
      `withholding a read of ${department} data from its subject needs the scope ${withholdScope(department)}; ask without "withheld" in the purpose, and the subject will see the read`,
    );
  }
  const match = REQUEST.exec(purpose);
  if (!match) throw new BadInputError(`${SYNTAX}, got ${JSON.stringify(purpose.slice(0, 60))}`, 'x-purpose');
  const until = match[1]!;
  const problem = checkDate(until);
  if (problem) throw new BadInputError(`withheld until: ${problem}`, 'x-purpose');
  if (until < today) throw new BadInputError(`withheld until ${until} is already past (today is ${today})`, 'x-purpose');
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_WITHHOLD_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (until > latest)
    throw new BadInputError(`withheld until ${until} is more than ${MAX_WITHHOLD_DAYS} days ahead (at most ${latest}); ask again before then`, 'x-purpose');
  return { by: caller.subject, until };
}

/** Whether the subject may see a withheld read on `today`: from the day after withheldUntil. */
export function disclosed(withheldUntil: string | null, today = todayInChina()): boolean {
  return withheldUntil === null || withheldUntil < today;
}
