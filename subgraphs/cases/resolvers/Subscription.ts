import { ForbiddenError } from '../../../platform/errors.js';
import { readScope } from '../../../platform/security/roles.js';
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
    subscribe: (_, { id }, context) => {
      // the rest of Query.case's rules (an unknown case, another's) the gateway asks Query.case itself
      if (context.caller.role === 'OFFICER' && !context.caller.scopes.includes(readScope('cases')))
        throw new ForbiddenError(`Following cases is outside your duties: it needs the scope ${readScope('cases')}`);
      return changesOf(context.em).watch((changed) => follows(context.caller, changed, id));
    },
    resolve: (changed: Case) => changed,
  },
};
