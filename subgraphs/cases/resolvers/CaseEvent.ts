import type { CaseEventResolvers } from '../generated/resolvers.js';

export const CaseEventResolver: CaseEventResolvers = {
  time: (event) => event.at,
};
