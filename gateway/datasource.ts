import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { Agent, fetch } from 'undici';
import { ErrorCode, GovError, PUBLIC_CODES } from '../platform/errors.js';
import { log } from '../platform/log.js';
import { ANONYMOUS } from '../platform/context.js';
import type { GatewayClaims, Signer } from '../platform/security/gateway-token.js';
import type { GatewayContext } from './context.js';

/**
 * One pooled, keep-alive connection set per gateway process: no TCP or
 * handshake per subgraph fetch. Timeouts bound every request.
 */
export function subgraphFetcher(timeoutMs: number): Fetcher {
  const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64, pipelining: 1 });
  return ((url: string, init: Record<string, unknown> = {}) =>
    fetch(url, { ...init, dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) } as never)) as unknown as Fetcher;
}

/** The gateway's link to one department: forwards request id and purpose, names the department when it fails. */
export class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    fetcher: Fetcher,
    private readonly sign: Signer,
  ) {
    super({ url, fetcher });
  }

  /** Every fetch carries a fresh token for this department alone: caller, purpose, request id. */
  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // introspection-based composition (dev mode) runs without a client request
    const claims: GatewayClaims = 'requestId' in context ? (context as GatewayContext) : { requestId: 'gateway-internal', purpose: null, caller: ANONYMOUS, clientName: 'gateway' };
    request.http?.headers.set('x-gateway-token', await this.sign(this.name, claims));
    request.http?.headers.set('x-request-id', claims.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      if (typeof code === 'string' && PUBLIC_CODES.has(code)) throw error;
      // a department that answered with a non-2xx status still said why, in GraphQL errors of its own
      const answered = departmentError(error);
      if (answered) throw answered;
      const requestId = 'requestId' in options.context ? options.context.requestId : undefined;
      // the cause (refused connection, timeout, URL) is for the operator, not the client
      log.error('department request failed', { department: this.name, requestId, message: (error as Error).message });
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new GovError(
        ErrorCode.SubgraphUnavailable,
        `The ${this.name} department ${timedOut ? 'did not answer in time' : 'is not reachable'}; the rest of the response is complete.`,
        { serviceName: this.name },
      );
    }
  }
}

/** The first GraphQL error a department put in a non-2xx response body, tagged with its name. */
function departmentError(error: unknown): GraphQLError | null {
  const body = error instanceof GraphQLError ? (error.extensions.response as { body?: unknown } | undefined)?.body : undefined;
  const first = (body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | undefined)?.errors?.[0];
  if (!first || typeof first.message !== 'string' || typeof first.extensions?.code !== 'string') return null;
  return new GraphQLError(first.message, { extensions: { ...first.extensions } });
}
