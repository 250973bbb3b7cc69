import type { Caller } from '../../platform/context.js';
import { BadInputError, ForbiddenError } from '../../platform/errors.js';
import { ClaimsRefused, claimsVerifier, lazily } from '../../platform/security/department-claims.js';
import { RATING_TICKETS, ticketOf, type RatingTicket } from '../../platform/security/rating-ticket.js';

/**
 * Ratings are accepted for 30 days after a case ends. domain.md sets no period; 30 days
 * gives an applicant time to receive and use the result, and keeps figures of a month final
 * soon after it.
 */
export const RATING_PERIOD_DAYS = 30;

const ARGUMENT = 'input.ratingTicket';
/** Only the cases department's public key (CASES_TICKET_VERIFY_KEY) is held here: tickets can be checked, not made. */
const verifier = lazily(() => claimsVerifier(RATING_TICKETS));

/** The last day a case that ended on `endedOn` may be rated (YYYY-MM-DD, calendar days). */
export function lastRatingDay(endedOn: string): string {
  const day = new Date(`${endedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + RATING_PERIOD_DAYS);
  return day.toISOString().slice(0, 10);
}

/**
 * The case facts of a rating, from its ticket: signed by the cases department for this case,
 * held by its applicant or their agent, within the rating period. Refusals say what to do and
 * reveal nothing of a case to anyone but them.
 */
export async function ticketFor(token: string, caseId: string, caller: Caller, today: string): Promise<RatingTicket> {
  let ticket: RatingTicket;
  try {
    ticket = ticketOf((await verifier())(token.trim()));
  } catch (error) {
    if (!(error instanceof ClaimsRefused)) throw error;
    if (error.reason === 'expired') throw new BadInputError('the rating ticket has expired; fetch a fresh one (Case.ratingTicket) and rate again', ARGUMENT);
    throw new BadInputError(
      'not a rating ticket signed by the one-network platform (altered, forged or damaged); use Case.ratingTicket of the case as it is',
      ARGUMENT,
    );
  }
  if (ticket.caseId !== caseId) throw new BadInputError(`this ticket is for another case, not ${caseId}; use Case.ratingTicket of the case you rate`, ARGUMENT);
  if (!ratesFor(caller, ticket)) throw new ForbiddenError('Only the applicant of a case, or the person who acted for them, may rate it');
  const last = lastRatingDay(ticket.endedOn);
  if (today > last)
    throw new BadInputError(
      `case ${caseId} ended on ${ticket.endedOn}: ratings are accepted for ${RATING_PERIOD_DAYS} days after a case ends (until ${last})`,
      ARGUMENT,
    );
  return ticket;
}

/** The ticket was issued to this very caller (the cases department issues it only to the applicant or their agent). */
function ratesFor({ role, subject }: Caller, ticket: RatingTicket): boolean {
  if (!subject || ticket.holderId !== subject) return false;
  return (role === 'CITIZEN' && ticket.holderKind === 'PERSON') || (role === 'ENTERPRISE' && ticket.holderKind === 'ENTERPRISE');
}
