import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { Agent, request, type Dispatcher } from 'undici';
import { ANONYMOUS } from '../platform/context.js';
import { ErrorCode, GovError } from '../platform/errors.js';
import { log } from '../platform/log.js';
import type { GatewayClaims, Signer } from '../platform/security/gateway-token.js';
import type { GatewayContext } from './context.js';

/**
 * One pooled, keep-alive connection set per gateway process: no TCP
 * handshake per subgraph fetch.
 */
export function departmentAgent(): Dispatcher {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64, pipelining: 1 });
}

/**
 * The gateway's link to one department: one signed POST per fetch of the
 * query plan, the department named when it fails.
 *
 * Not Apollo's RemoteGraphQLDataSource: that one copies headers into
 * node-fetch objects, builds a node-fetch Request it never sends and goes
 * through WHATWG fetch, which together were about half of the gateway's CPU
 * on a six-department page (bench/README.md, "Profile"). Here a fetch is
 * undici's request() on a kept-alive pool, one JSON.stringify and one
 * JSON.parse. It sends no cache-control handling and no APQ, which the
 * gateway does not use.
 */
export class DepartmentDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    readonly url: string,
    private readonly dispatcher: Dispatcher,
    private readonly sign: Signer,
    /** every request to the department is abandoned after this long */
    private readonly timeoutMs: number,
  ) {}

  async process({ request: operation, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    // introspection-based composition (dev mode) runs without a client request
    const claims: GatewayClaims =
      'requestId' in context ? (context as GatewayContext) : { requestId: 'gateway-internal', purpose: null, caller: ANONYMOUS, clientName: 'gateway' };
    const body = JSON.stringify({ query: operation.query, variables: operation.variables, operationName: operation.operationName });
    let answer: { status: number; text: string };
    try {
      // each fetch carries a fresh token for this department alone: caller, purpose, request id
      const token = await this.sign(this.name, claims, body);
      const response = await request(this.url, {
        method: 'POST',
        dispatcher: this.dispatcher,
        headers: { 'content-type': 'application/json', 'x-gateway-token': token, 'x-request-id': claims.requestId },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      answer = { status: response.statusCode, text: await response.body.text() };
    } catch (error) {
      throw this.unavailable(error, claims.requestId);
    }
    const parsed = parseObject(answer.text);
    if (answer.status >= 200 && answer.status < 300 && parsed) return parsed as GatewayGraphQLResponse;
    // a department that answered with a non-2xx status still said why, in GraphQL errors of its own
    const said = departmentError(parsed);
    if (said) throw said;
    throw this.unavailable(new Error(`status ${answer.status}: ${answer.text.slice(0, 200)}`), claims.requestId);
  }

  /** The cause (refused connection, timeout, URL, body) is for the operator's log, not the client. */
  private unavailable(error: unknown, requestId: string): GovError {
    const { name, message, code } = error as { name?: string; message?: string; code?: string };
    log.error('department request failed', { department: this.name, requestId, message: message ?? String(error) });
    const timedOut = name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
    return new GovError(
      ErrorCode.SubgraphUnavailable,
      `The ${this.name} department ${timedOut ? 'did not answer in time' : 'is not reachable'}; the rest of the response is complete.`,
      { serviceName: this.name },
    );
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The first GraphQL error a department put in a non-2xx response body, with its code. */
function departmentError(body: Record<string, unknown> | null): GraphQLError | null {
  const first = (body?.errors as { message?: unknown; extensions?: Record<string, unknown> }[] | undefined)?.[0];
  if (!first || typeof first.message !== 'string' || typeof first.extensions?.code !== 'string') return null;
  return new GraphQLError(first.message, { extensions: { ...first.extensions } });
}
