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

export type TicketApplicantKind = 'PERSON' | 'ENTERPRISE';

/** What a ticket states about its case. */
export interface RatingTicket {
  caseId: string;
  applicantKind: TicketApplicantKind;
  /** resident identity number or credit code */
  applicantId: string;
  /** the person who acted for the applicant (帮代办), or null */
  agentId: string | null;
  itemCode: string;
  regionCode: string;
  departmentCode: string;
  /** the day (China time, YYYY-MM-DD) the case ended: not accepted, refused or delivered */
  endedOn: string;
}

/** The claims a ticket carries (short names keep it compact). */
export function ticketClaims(t: RatingTicket): Record<string, unknown> {
  return { sub: t.caseId, ak: t.applicantKind, app: t.applicantId, agt: t.agentId, item: t.itemCode, reg: t.regionCode, dep: t.departmentCode, end: t.endedOn };
}

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * The ticket in verified claims. A claim of the wrong shape means an issuer bug or a
 * forgery with the issuer's key; either way it is refused.
 * @throws ClaimsRefused
 */
export function ticketOf(claims: VerifiedClaims): RatingTicket {
  const { sub, ak, app, agt, item, reg, dep, end } = claims;
  const shaped = text(sub) && (ak === 'PERSON' || ak === 'ENTERPRISE') && text(app) && (agt === null || text(agt)) && text(item) && text(reg) && text(dep) && text(end);
  if (!(shaped && /^\d{4}-\d{2}-\d{2}$/.test(end))) throw new ClaimsRefused('invalid', 'malformed rating ticket');
  return { caseId: sub, applicantKind: ak, applicantId: app, agentId: agt, itemCode: item, regionCode: reg, departmentCode: dep, endedOn: end };
}
