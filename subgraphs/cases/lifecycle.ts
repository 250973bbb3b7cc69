import { ErrorCode, GovError } from '../../platform/errors.js';
import type { CaseStatus } from './generated/resolvers.js';

/** Where a case stands: the department's own schema enum (schema.graphql), through codegen. */
export type { CaseStatus };

/** CaseStatus values in schema order (figures list them in this order). */
export const CASE_STATUSES: readonly CaseStatus[] = ['SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'UNDER_REVIEW', 'SUSPENDED', 'APPROVED', 'REFUSED', 'DELIVERED'];

/** A handling step; each is one mutation (MUTATIONS). */
export type CaseAction = 'ACCEPT' | 'REJECT' | 'START_REVIEW' | 'SUSPEND' | 'RESUME' | 'APPROVE' | 'REFUSE' | 'DELIVER';

/**
 * The lifecycle (办件流程): SUBMITTED → ACCEPTED or NOT_ACCEPTED → UNDER_REVIEW ⇄
 * SUSPENDED → APPROVED or REFUSED → DELIVERED. Nothing else is a legal step.
 */
export const TRANSITIONS: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  SUBMITTED: { ACCEPT: 'ACCEPTED', REJECT: 'NOT_ACCEPTED' },
  ACCEPTED: { START_REVIEW: 'UNDER_REVIEW' },
  NOT_ACCEPTED: {},
  UNDER_REVIEW: { SUSPEND: 'SUSPENDED', APPROVE: 'APPROVED', REFUSE: 'REFUSED' },
  SUSPENDED: { RESUME: 'UNDER_REVIEW' },
  APPROVED: { DELIVER: 'DELIVERED' },
  REFUSED: {},
  DELIVERED: {},
};

/** The mutation that performs each action, for messages a client can act on. */
export const MUTATIONS: Record<CaseAction, string> = {
  ACCEPT: 'acceptCase',
  REJECT: 'rejectCase',
  START_REVIEW: 'startReview',
  SUSPEND: 'suspendCase',
  RESUME: 'resumeCase',
  APPROVE: 'approveCase',
  REFUSE: 'refuseCase',
  DELIVER: 'deliverCase',
};

/** Actions that must say why (the applicant is owed a reason). */
export const NEEDS_REASON: ReadonlySet<CaseAction> = new Set(['REJECT', 'SUSPEND', 'REFUSE']);

/**
 * Decisions on a case, for the implementing agency only; the other steps are
 * the window's, and any agency's window may take them (一窗受理).
 */
export const DECISIONS: ReadonlySet<CaseAction> = new Set(['SUSPEND', 'APPROVE', 'REFUSE', 'DELIVER']);

/** Statuses in which the time-limit clock runs. */
export const CLOCK_RUNNING: readonly CaseStatus[] = ['ACCEPTED', 'UNDER_REVIEW'];

export function allowedActions(status: CaseStatus): CaseAction[] {
  return Object.keys(TRANSITIONS[status]) as CaseAction[];
}

/**
 * The status `action` leads to from `status`.
 *
 * @throws GovError ILLEGAL_TRANSITION naming the current status and what is allowed instead
 */
export function nextStatus(caseId: string, status: CaseStatus, action: CaseAction): CaseStatus {
  const next = TRANSITIONS[status][action];
  if (next) return next;
  const allowed = allowedActions(status);
  const instead = allowed.length ? `allowed now: ${allowed.map((a) => MUTATIONS[a]).join(', ')}` : 'the case has ended: no step is allowed';
  throw new GovError(ErrorCode.IllegalTransition, `Case ${caseId} is ${status}: ${MUTATIONS[action]} is not allowed; ${instead}`);
}
