import { resolveResultType } from '../../../platform/problems.js';
import type {
  CaseStepResultResolvers,
  DataRunsPreviewExpiredResolvers,
  IllegalTransitionResolvers,
  MutationProblemResolvers,
  SubmitCaseResultResolvers,
} from '../generated/resolvers.js';

/** A step answers the case (a row, no __typename) or a problem (which names its type). */
export const CaseStepResultResolver: CaseStepResultResolvers = {
  __resolveType: (value) => resolveResultType('Case')(value) as 'Case' | 'IllegalTransition',
};

export const SubmitCaseResultResolver: SubmitCaseResultResolvers = {
  __resolveType: (value) => resolveResultType('Case')(value) as 'Case' | 'DataRunsPreviewExpired',
};

export const MutationProblemResolver: MutationProblemResolvers = {
  __resolveType: (problem) => problem.__typename,
};

/** The problem carries the case row as it is now: Case's own resolvers answer its fields. */
export const IllegalTransitionResolver: IllegalTransitionResolvers = {};

/** The draft is its key: DraftApplication's own resolvers, and the hub's dataRuns through the graph, answer the rest. */
export const DataRunsPreviewExpiredResolver: DataRunsPreviewExpiredResolvers = {};
