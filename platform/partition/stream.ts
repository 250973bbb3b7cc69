import { getOperationAST, parse, type DocumentNode } from 'graphql';
import type { ExecutionResult } from 'graphql-sse';
import { ErrorCode } from '../errors.js';
import { eventStreamHandler, openUpstream, refusal, type StreamHandler } from '../live.js';
import { GatewayTokenError, type GatewayClaims, type Signer } from '../security/gateway-token.js';
import type { Carriers } from './carriers.js';
import { route, type Instance } from './route.js';

export interface RouterStreamOptions {
  department: string;
  instances: readonly Instance[];
  unpartitioned?: readonly string[];
  verify: (token: string | undefined, body: string) => Promise<GatewayClaims>;
  sign: Signer;
  carriers: Carriers;
}

/**
 * A partitioned department's subscriptions, at the router: like a query, one of a record's province
 * goes to that province's instance, one of national scope to every instance, each with a token made
 * for that instance and that body; their events are passed on as they come. An instance that fails
 * costs only its own events: the subscriber gets one error naming it, and the others go on.
 */
export function routerStream(options: RouterStreamOptions): StreamHandler {
  return eventStreamHandler<Record<string, unknown>>({
    async onSubscribe(req, params) {
      let claims: GatewayClaims;
      try {
        const header = req.raw.headers['x-gateway-token'];
        claims = await options.verify(Array.isArray(header) ? header[0] : header, req.context.body);
      } catch (error) {
        if (error instanceof GatewayTokenError) return refusal(401, ErrorCode.Unauthenticated, error.message);
        throw error;
      }
      let document: DocumentNode;
      try {
        document = parse(params.query);
      } catch {
        return refusal(400, 'BAD_REQUEST', 'The request is not a GraphQL request this department can read');
      }
      const operation = getOperationAST(document, params.operationName);
      if (operation?.operation !== 'subscription') return refusal(400, 'BAD_REQUEST', 'Only subscriptions are served as event streams');
      const plan = route(operation, params.variables ?? {}, options.carriers, options.instances, new Set(options.unpartitioned));
      if (plan.kind !== 'fields') return refusal(400, ErrorCode.BadUserInput, plan.kind === 'refused' ? plan.message : 'Not a subscription');
      const instances = plan.national.length > 0 ? options.instances : plan.parts.map((p) => p.instance);
      const opened = await Promise.all(
        instances.map((instance) =>
          openUpstream(
            {
              url: instance.url,
              headers: async (body) => ({ 'x-gateway-token': await options.sign(instance.name, claims, body), 'x-request-id': claims.requestId }),
              unavailable: () => ({
                message: `The ${options.department} department of ${instance.province === null ? 'the national platform' : `province ${instance.province}`} is unavailable: its cases' updates are missing. Subscribe again to follow them.`,
                extensions: { department: options.department, jurisdiction: instance.province ?? 'national' },
              }),
            },
            { query: params.query, variables: params.variables, operationName: params.operationName },
          ),
        ),
      );
      const streams = opened.flatMap((o) => ('events' in o ? [o.events] : []));
      const refusals = opened.flatMap((o) => ('refused' in o ? [o.refused] : []));
      // every instance refused alike (the caller's role, a bad argument): one refusal, as a query gets one
      const refused = refusals.find((r) => r.status < 500);
      if (streams.length === 0 || refused) {
        await endAll(streams);
        const first = refused ?? refusals[0]!;
        return [
          JSON.stringify({ errors: first.errors }),
          { status: first.status, statusText: 'Refused', headers: { 'content-type': 'application/json; charset=utf-8' } },
        ];
      }
      // some instances are down: the others stream, after one event naming those that are not
      return merged([...(refusals.length > 0 ? [once({ errors: refusals.flatMap((r) => r.errors) })] : []), ...streams]);
    },
  });
}

/** One event, then the end. */
function once(result: ExecutionResult): AsyncIterableIterator<ExecutionResult> {
  return (async function* () {
    yield result;
  })();
}

/** The events of several streams as they come; ends when all have ended; returning it returns them all. */
function merged(streams: AsyncIterableIterator<ExecutionResult>[]): AsyncIterableIterator<ExecutionResult> {
  const pending = new Map<number, Promise<{ index: number; step: IteratorResult<ExecutionResult> }>>();
  const pull = (index: number) =>
    pending.set(
      index,
      streams[index]!.next().then((step) => ({ index, step })),
    );
  streams.forEach((_, index) => pull(index));
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      while (pending.size > 0) {
        const { index, step } = await Promise.race(pending.values());
        if (step.done) {
          pending.delete(index);
          continue;
        }
        pull(index);
        return step;
      }
      return { done: true, value: undefined };
    },
    async return() {
      pending.clear();
      await endAll(streams);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

const endAll = (streams: AsyncIterableIterator<ExecutionResult>[]) => Promise.all(streams.map(async (s) => s.return?.()));
