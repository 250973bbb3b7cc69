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

/**
 * The one HTTP status of each code, for a response that the error left without
 * an answer (a refused request, or no root field answered). A response that
 * answers any root field is 200 whatever its errors: the rest of the answer is
 * there (GraphQL over HTTP). The gateway and every department use this table
 * (format-error.ts errorMaskingPlugin), so a code never means two statuses.
 */
export const HTTP_STATUS: Readonly<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.QueryTooComplex]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.IllegalTransition]: 409,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Internal]: 500,
  [ErrorCode.SubgraphUnavailable]: 502,
  // Apollo Server's own codes for malformed requests
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  // a front end's query text where only its registered documents run (gateway/plugins/trusted-documents.ts)
  PERSISTED_QUERY_NOT_ALLOWED: 403,
};

/**
 * The status of a response with these errors and no answer, whatever order they arrived in (parts
 * of a request run in parallel): their codes' one status when they share it; an internal error
 * anywhere makes it 500 (the caller could not have avoided it); otherwise, of different statuses, 502
 * when a department did not answer (asking again may help), else 400 (the request was wrong in more
 * than one way, each error says how). Undefined when no error has a known code.
 */
export function httpStatusOf(errors: readonly { extensions?: Record<string, unknown> }[]): number | undefined {
  const statuses = new Set(errors.map((e) => HTTP_STATUS[String(e.extensions?.code)]).filter((s): s is number => s !== undefined));
  if (statuses.size === 0) return undefined;
  if (statuses.has(500)) return 500;
  if (statuses.size === 1) return [...statuses][0];
  return statuses.has(502) ? 502 : 400;
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
  'PERSISTED_QUERY_NOT_ALLOWED',
]);
