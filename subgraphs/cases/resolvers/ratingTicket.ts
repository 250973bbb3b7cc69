import type { Caller } from '../../../platform/context.js';
import { claimsSigner, lazily } from '../../../platform/security/department-claims.js';
import { RATING_TICKET_TTL_SECONDS, RATING_TICKETS, ticketClaims } from '../../../platform/security/rating-ticket.js';
import type { Case } from '../entities.js';
import type { CaseResolvers } from '../generated/resolvers.js';
import { allowedActions } from '../lifecycle.js';

/** Only this department holds the ticket signing key (CASES_TICKET_SIGNING_KEY); read once per process. */
const signer = lazily(() => claimsSigner(RATING_TICKETS));

/** The applicant themselves (of the right kind), or the person who acted for them. */
function ratesFor(caller: Caller, c: Case): boolean {
  if (!caller.subject) return false;
  if (caller.role === 'ENTERPRISE') return c.applicantKind === 'ENTERPRISE' && c.applicantId === caller.subject;
  if (caller.role !== 'CITIZEN') return false;
  return (c.applicantKind === 'PERSON' && c.applicantId === caller.subject) || c.agentId === caller.subject;
}

/**
 * Case.ratingTicket: the signed facts the review system needs to accept a rating, so that it
 * never takes the case's item, region or agency (or the claim that it ended) from the client.
 * Null for anyone but the applicant and their agent, and while the case can still move.
 */
export const ratingTicket: NonNullable<CaseResolvers['ratingTicket']> = async (c, _, { caller, loaders }) => {
  if (!ratesFor(caller, c) || allowedActions(c.status).length > 0) return null;
  // the last step is the one that ended it (not accepted, refused, delivered)
  const events = await loaders.eventsOf.load(c.id);
  const ended = events.at(-1);
  if (!ended) return null;
  const sign = await signer();
  const claims = ticketClaims({
    caseId: c.id,
    holderKind: caller.role === 'ENTERPRISE' ? 'ENTERPRISE' : 'PERSON',
    holderId: caller.subject!,
    holderRole: c.applicantId === caller.subject ? 'APPLICANT' : 'AGENT',
    itemCode: c.itemCode,
    regionCode: c.regionCode,
    departmentCode: c.departmentCode,
    endedOn: ended.at.slice(0, 10),
  });
  return sign(claims, RATING_TICKET_TTL_SECONDS);
};
