import { GraphQLError } from 'graphql';

/**
 * Every error a client may see carries one of these codes in `extensions.code`.
 * Anything else is masked as INTERNAL_SERVER_ERROR (see format-error.ts).
 */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  Conflict = 'CONFLICT',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  RateLimited = 'RATE_LIMITED',
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  SubgraphUnavailable = 'SUBGRAPH_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

/** Base of every expected error: a code and a message a person can act on. */
export class GovError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extra, code } });
  }
}

export class BadInputError extends GovError {
  /** @param argument the argument or field that holds the bad value, named in the message */
  constructor(message: string, argument?: string) {
    super(ErrorCode.BadUserInput, argument ? `${argument}: ${message}` : message, argument ? { argument } : {});
  }
}

export class NotFoundError extends GovError {
  constructor(what: string, key: string) {
    super(ErrorCode.NotFound, `${what} ${key} does not exist`);
  }
}

export class ForbiddenError extends GovError {
  constructor(message: string) {
    super(ErrorCode.Forbidden, message);
  }
}

/** Codes whose message was written for the client and may be shown as is. */
export const PUBLIC_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.Internal),
  // Apollo Server's own codes for malformed requests
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
