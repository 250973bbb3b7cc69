import type { SubscriptionResolvers } from '../generated/resolvers.js';
import { changesOf, follows } from '../changes.js';
import type { Case } from '../entities.js';

/**
 * caseProgress: the changes this process publishes (changes.ts) that the caller follows. Each event
 * resolves to the changed case through the department's access rules like any read of a case, and
 * the gateway reads it again with the subscriber's own query, so what an event shows is what a query
 * would show.
 */
export const Subscription: SubscriptionResolvers = {
  caseProgress: {
    subscribe: (_, { id }, context) => changesOf(context.em).watch((changed) => follows(context.caller, changed, id)),
    resolve: (changed: Case) => changed,
  },
};
