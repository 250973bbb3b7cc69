import { Problem, type MutationProblem } from '../../platform/problems.js';
import type { Case } from './entities.js';
import type { CaseStatus } from './generated/resolvers.js';

/** Where a case stands: the department's own schema enum (schema.graphql), through codegen. */
export type { CaseStatus };

/** CaseStatus values in schema order (figures list them in this order). */
export const CASE_STATUSES: readonly CaseStatus[] = [
  'SUBMITTED',
  'ACCEPTED',
  'NOT_ACCEPTED',
  'UNDER_REVIEW',
  'SUSPENDED',
  'APPROVED',
  'REFUSED',
  'DELIVERED',
  'WITHDRAWN',
];

/** A handling step; each is one mutation (MUTATIONS). */
export type CaseAction = 'ACCEPT' | 'REJECT' | 'START_REVIEW' | 'SUSPEND' | 'RESUME' | 'APPROVE' | 'REFUSE' | 'DELIVER';

/**
 * The lifecycle (办件流程): SUBMITTED → ACCEPTED or NOT_ACCEPTED → UNDER_REVIEW ⇄
 * SUSPENDED → APPROVED or REFUSED → DELIVERED. Nothing else is a legal handling step; the
 * applicant's withdrawal is not one (WITHDRAWABLE).
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
  WITHDRAWN: {},
};

/** Where the applicant may still withdraw (撤回): not decided, not ended. */
export const WITHDRAWABLE: ReadonlySet<CaseStatus> = new Set(['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'SUSPENDED']);

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

/** Model of the IllegalTransition problem (manifest.json maps it): the case as it is now, and what may happen to it. */
export interface IllegalTransitionProblem extends MutationProblem {
  __typename: 'IllegalTransition';
  code: 'ILLEGAL_TRANSITION';
  attempted: string;
  status: CaseStatus;
  allowedActions: CaseAction[];
  case: Case;
}

/**
 * The problem a step meets on a case that is not in a status allowing it: `attempted` is the
 * mutation, `refused` says why. An officer's step also names the steps allowed now.
 */
export function illegalTransition(found: Case, attempted: string, refused = `${attempted} is not allowed`): Problem<IllegalTransitionProblem> {
  const allowed = allowedActions(found.status);
  const instead = allowed.length ? `allowed now: ${allowed.map((a) => MUTATIONS[a]).join(', ')}` : 'the case has ended: no step is allowed';
  const officers = Object.values(MUTATIONS).includes(attempted);
  return new Problem({
    __typename: 'IllegalTransition',
    code: 'ILLEGAL_TRANSITION',
    message: `Case ${found.id} is ${found.status}: ${refused}${officers ? `; ${instead}` : ''}`,
    attempted,
    status: found.status,
    allowedActions: allowed,
    case: found,
  });
}

/**
 * The status `action` leads to from the case's status.
 *
 * @throws Problem IllegalTransition naming the current status and what is allowed instead
 */
export function nextStatus(found: Case, action: CaseAction): CaseStatus {
  const next = TRANSITIONS[found.status][action];
  if (next) return next;
  throw illegalTransition(found, MUTATIONS[action]);
}
