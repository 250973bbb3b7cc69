import type { ChainBreakResolvers, ChainProblem, ChainVerificationResolvers } from '../generated/resolvers.js';

export const ChainVerificationResolver: ChainVerificationResolvers = {
  headSeq: (verification) => verification.head.seq,
  headHash: (verification) => verification.head.hash,
  firstBad: (verification) => (verification.ok ? null : verification.firstBad),
};

export const ChainBreakResolver: ChainBreakResolvers = {
  problem: (brk) => brk.problem.toUpperCase() as ChainProblem,
};
