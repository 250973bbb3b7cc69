import type { VerifiedClaims } from './jws.js';
import { ClaimsRefused, type ClaimsChannel } from './department-claims.js';

/**
 * The rating ticket (好差评): the cases department's signed statement that a case has ended,
 * whose it is and what it was, which the review system requires with every rating. It is the
 * contract between the two departments, so it lives here and neither imports the other.
 */
export const RATING_TICKETS: ClaimsChannel = {
  issuer: 'cases',
  audience: 'evaluation',
  kind: 'rating-ticket',
  pair: 'cases-tickets',
  signingKeyVariable: 'CASES_TICKET_SIGNING_KEY',
  verifyKeyVariable: 'CASES_TICKET_VERIFY_KEY',
};

/** How long one ticket is good for: fetched when the rating form opens; a fresh one can be fetched at any time. */
export const RATING_TICKET_TTL_SECONDS = 24 * 60 * 60;

export type TicketHolderKind = 'PERSON' | 'ENTERPRISE';

/**
 * What a ticket states about its case. It names only the one who fetched it (the applicant, or the
 * person who acted for them) and never anyone else: the agent's ticket does not carry the
 * principal's identity number, which the cases department masks for the agent everywhere else.
 */
export interface RatingTicket {
  caseId: string;
  /** who may rate with it: the caller it was issued to */
  holderKind: TicketHolderKind;
  /** resident identity number or credit code of that caller */
  holderId: string;
  holderRole: 'APPLICANT' | 'AGENT';
  itemCode: string;
  regionCode: string;
  departmentCode: string;
  /** the day (China time, YYYY-MM-DD) the case ended: not accepted, refused or delivered */
  endedOn: string;
}

/** The claims a ticket carries (short names keep it compact). */
export function ticketClaims(t: RatingTicket): Record<string, unknown> {
  return { sub: t.caseId, hk: t.holderKind, hid: t.holderId, hr: t.holderRole, item: t.itemCode, reg: t.regionCode, dep: t.departmentCode, end: t.endedOn };
}

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * The ticket in verified claims. A claim of the wrong shape means an issuer bug or a
 * forgery with the issuer's key; either way it is refused.
 * @throws ClaimsRefused
 */
export function ticketOf(claims: VerifiedClaims): RatingTicket {
  const { sub, hk, hid, hr, item, reg, dep, end } = claims;
  const shaped =
    text(sub) &&
    (hk === 'PERSON' || hk === 'ENTERPRISE') &&
    text(hid) &&
    (hr === 'APPLICANT' || hr === 'AGENT') &&
    text(item) &&
    text(reg) &&
    text(dep) &&
    text(end);
  if (!(shaped && /^\d{4}-\d{2}-\d{2}$/.test(end))) throw new ClaimsRefused('invalid', 'malformed rating ticket');
  return { caseId: sub, holderKind: hk, holderId: hid, holderRole: hr, itemCode: item, regionCode: reg, departmentCode: dep, endedOn: end };
}
