import { resolveResultType } from '../../../platform/problems.js';
import type { CaseStepResultResolvers, IllegalTransitionResolvers, MutationProblemResolvers } from '../generated/resolvers.js';

/** A step answers the case (a row, no __typename) or a problem (which names its type). */
export const CaseStepResultResolver: CaseStepResultResolvers = {
  __resolveType: (value) => resolveResultType('Case')(value) as 'Case' | 'IllegalTransition',
};

export const MutationProblemResolver: MutationProblemResolvers = {
  __resolveType: (problem) => problem.__typename,
};

/** The problem carries the case row as it is now: Case's own resolvers answer its fields. */
export const IllegalTransitionResolver: IllegalTransitionResolvers = {};
