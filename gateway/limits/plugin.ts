import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ErrorCode, GovError, HTTP_STATUS } from '../../platform/errors.js';
import { analyseOperation } from './analyse.js';
import { checkLimits, resolvePolicy, type LimitPolicy } from './policy.js';
import type { RateLimiter } from './rate-limit.js';

export interface LimitsPluginOptions<TContext extends BaseContext> {
  /** Overrides of DEFAULT_LIMITS. */
  policy?: Partial<LimitPolicy>;
  /** Charged estimatedCost (at least 1) per operation that passes the limits; none = no rate limit. */
  rateLimiter?: RateLimiter;
  /** The rate-limit key of the caller (e.g. their id, or the client address when anonymous). */
  callerKey: (contextValue: TContext) => string;
  production: () => boolean;
  /** Asked only in production, for operations that use __schema or __type. */
  mayIntrospect: (contextValue: TContext) => boolean;
}

/**
 * Apollo's status header for an error thrown from didResolveOperation: Apollo
 * Server 5 merges `extensions.http` into the response (and strips it from the
 * body); without it a thrown error is a 500.
 */
function withStatus<E extends GovError>(error: E, status: number, headers?: Record<string, string>): E {
  const http = { status, headers: new HeaderMap(Object.entries(headers ?? {})) };
  (error.extensions as Record<string, unknown>).http = http;
  return error;
}

/**
 * Refuses hostile operations once they are parsed, validated and resolved,
 * before any query planning, subgraph call or resolver:
 *  0. a document whose operation cannot be chosen (several, no operationName;
 *     or an unknown name): BAD_USER_INPUT, 400;
 *  1. introspection in production by a caller that may not: FORBIDDEN, 403;
 *  2. the first limit broken (see checkLimits): QUERY_TOO_COMPLEX, or
 *     BAD_USER_INPUT for a page size over the ceiling or negative, 400;
 *  3. the caller's bucket cannot pay estimatedCost: RATE_LIMITED, 429, with
 *     extensions.retryAfterSeconds and a Retry-After header.
 * The document's token count is the parser's job: see parseOptionsFor.
 */
// TContext defaults to `any` so that unannotated callbacks type-check anywhere;
// in `plugins: [...]` it is inferred from the server's context type.
export function limitsPlugin<TContext extends BaseContext = any>(options: LimitsPluginOptions<TContext>): ApolloServerPlugin<TContext> {
  const policy = resolvePolicy(options.policy);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, operationName, schema, contextValue }) {
          if (!operation) {
            // Nothing would run, but refuse here so that nothing unanalysed reaches the planner.
            throw withStatus(
              new GovError(
                ErrorCode.BadUserInput,
                request.operationName
                  ? `The document has no operation named "${request.operationName}"; set operationName to one of its operations.`
                  : 'The document has several operations; set operationName to the one to run.',
                { argument: 'operationName' },
              ),
              400,
            );
          }
          const shape = analyseOperation(schema, document, operationName, request.variables ?? {});

          if (shape.introspection && options.production() && !options.mayIntrospect(contextValue)) {
            throw withStatus(
              new GovError(
                ErrorCode.Forbidden,
                'Introspection (__schema, __type) is disabled in production; use the published schema (schema/api.graphql) instead.',
              ),
              403,
            );
          }

          const refusal = checkLimits(shape, policy);
          if (refusal) throw withStatus(refusal, HTTP_STATUS[String(refusal.extensions.code)] ?? 400);

          if (options.rateLimiter) {
            const taken = options.rateLimiter.take(options.callerKey(contextValue), Math.max(1, shape.estimatedCost));
            if (!taken.ok) {
              throw withStatus(
                new GovError(
                  ErrorCode.RateLimited,
                  `Too many requests: this query costs ${Math.max(1, shape.estimatedCost)} and your allowance is spent; ` +
                    `retry after ${taken.retryAfterSeconds} s, or ask for fewer objects per query.`,
                  { retryAfterSeconds: taken.retryAfterSeconds },
                ),
                429,
                { 'retry-after': String(taken.retryAfterSeconds) },
              );
            }
          }
        },
      };
    },
  };
}

export { stripSuggestions } from '../../platform/format-error.js';
