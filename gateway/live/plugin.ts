import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Subscriptions go through the same pipeline as queries (trusted documents, limits, access rules,
 * identifier checks) and are handed over here, before execution, to the event stream that serves them
 * (gateway/live/stream.ts). A subscription sent as a plain JSON request gets a 400 saying how to send it.
 */
export function subscriptionsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'subscription' && !contextValue.live) {
            throw new GraphQLError(
              'Subscriptions are served as Server-Sent Events: send the request with "Accept: text/event-stream" (graphql-sse\'s client does; README "Live case progress")',
              { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
            );
          }
        },
        async responseForOperation({ schema, operation, operationName, document, request, contextValue }) {
          if (operation?.operation !== 'subscription' || !contextValue.live) return null;
          contextValue.live.accepted = { schema, document, operationName, variables: request.variables ?? {} };
          return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: null } } };
        },
      };
    },
  };
}
