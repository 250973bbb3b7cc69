import type { GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, httpStatusOf, PUBLIC_CODES } from './errors.js';
import { log } from './log.js';

/**
 * Apollo's formatError hook: only errors with a public code keep their message.
 * Everything else (driver messages, stack traces, file paths, internal URLs)
 * reads as an internal error; the original goes to the log with the request id
 * (see errorMaskingPlugin), which the client can quote.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const serviceName = formatted.extensions?.serviceName;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code };
    // department and jurisdiction: which partitioned department's instance did not answer (platform/partition/router.ts)
    for (const key of ['argument', 'serviceName', 'department', 'jurisdiction', 'limit', 'max', 'actual', 'retryAfterSeconds'] as const) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    // "Did you mean …?" would teach a prober the schema's field names
    return { message: stripSuggestions(formatted.message), locations: formatted.locations, path: formatted.path, extensions };
  }
  // A department that failed or timed out behind the gateway: say which, nothing more.
  if (typeof serviceName === 'string' && code !== ErrorCode.Internal) {
    return {
      message: `The ${serviceName} department did not answer; the rest of the response is complete.`,
      path: formatted.path,
      extensions: { code: ErrorCode.SubgraphUnavailable, serviceName },
    };
  }
  void unwrapResolverError(error);
  return { message: 'Internal error. Quote the request id when you report it.', path: formatted.path, extensions: { code: ErrorCode.Internal } };
}

/**
 * Logs every error with its request id, stamps that id on what the client sees,
 * and gives a response that answered nothing the HTTP status of its errors'
 * code (errors.ts HTTP_STATUS): an error thrown before execution (e.g. a check
 * in didResolveOperation) would otherwise be Apollo's default 500, and a root
 * field refused at execution a 200 with `data: null`.
 */
export function errorMaskingPlugin(service: string): ApolloServerPlugin<{ requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = error.extensions?.code;
            if (typeof code === 'string' && PUBLIC_CODES.has(code)) continue;
            log.error('request failed', {
              service,
              requestId: contextValue.requestId,
              // at the gateway a department's error wraps the plain object it sent, not an Error
              message: original instanceof Error ? original.message : error.message,
              stack: original instanceof Error ? original.stack : undefined,
              path: error.path,
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors?.length) return;
          for (const error of errors) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
          // 405 (GET mutation) and the like keep the status Apollo chose for them
          const status = answeredNothing(data) ? httpStatusOf(errors) : undefined;
          if (status !== undefined && response.http.status !== 405) response.http.status = status;
        },
      };
    },
  };
}

/**
 * No data, or every root field null: the errors are the whole answer and give
 * it their status. With any root field answered it stays 200 (a partial answer).
 */
function answeredNothing(data: Record<string, unknown> | null | undefined): boolean {
  if (data == null) return true;
  for (const key in data) if (data[key] !== null) return false;
  return true;
}

/**
 * graphql-js's " Did you mean "x"?" hints (fields, arguments, types, enum
 * values, input fields, "to use an inline fragment on ...") name parts of the
 * schema; strip them so a typo teaches a client nothing.
 */
export function stripSuggestions(message: string): string {
  return message.replace(/ ?Did you mean (?:[a-z][a-z ]*? )?"[^"]*"(?:, "[^"]*")*(?:,? or "[^"]*")?\?/g, '');
}
