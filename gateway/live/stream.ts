import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServer, HTTPGraphQLResponse } from '@apollo/server';
import type { ExecutionResult, Response } from 'graphql-sse';
import { decodeJwt } from 'jose';
import { ErrorCode, httpStatusOf } from '../../platform/errors.js';
import { headerMap } from '../../platform/http.js';
import { eventStreamHandler, openUpstream, refusal, type StreamHandler } from '../../platform/live.js';
import type { Signer } from '../../platform/security/gateway-token.js';
import type { GatewayContext, LiveRequest } from '../context.js';
import { livePlan, type LivePlan } from './derive.js';

export interface LiveOptions {
  server: ApolloServer<GatewayContext>;
  /** the context of a request, exactly as /graphql builds it (token, purpose, client) */
  contextFor: (req: IncomingMessage) => Promise<GatewayContext>;
  /** the departments that answer a field (the supergraph's owners) */
  holders: (coordinate: string) => readonly string[];
  subgraphUrls: Readonly<Record<string, string>>;
  sign: Signer;
}

/** Refusals that say only "not for you": an event the subscriber may not read is left out, never reported. */
const WITHHELD = new Set<unknown>([ErrorCode.NotFound, ErrorCode.Forbidden]);

/**
 * The gateway's subscriptions, as Server-Sent Events at /graphql (graphql-sse's protocol). A
 * subscription goes through Apollo Server's pipeline like a query (trusted documents, limits, access
 * rules; gateway/live/plugin.ts hands it over before execution); then the department that owns the
 * field streams which records changed, and each change is read with the subscriber's own selection
 * (derive.ts). A query or mutation sent this way is answered as one event.
 */
export function liveStream(options: LiveOptions): StreamHandler {
  return eventStreamHandler<Record<string, unknown>>({
    async onSubscribe(req, params) {
      if (req.method !== 'POST') return refusal(405, 'BAD_REQUEST', "Subscribe with POST and a JSON body (graphql-sse's client does)");
      const live: LiveRequest = { accepted: null };
      let context: GatewayContext | null = null;
      const sent = JSON.parse(req.context.body) as Record<string, unknown>;
      // the pipeline answers in JSON: its refusals are sent as such, before any stream
      const headers = headerMap(req.raw);
      headers.set('accept', 'application/json');
      const response = await options.server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers,
          search: '',
          // an empty query with a document id (graphql-sse's client always sends a query) is the id alone
          body: { ...sent, query: params.query === '' ? undefined : params.query },
        },
        context: async () => (context = { ...(await options.contextFor(req.raw)), live }),
      });
      if (!live.accepted || !context) return answer(response);
      return serve(options, context, livePlan(live.accepted.schema, live.accepted.document, live.accepted.operationName, live.accepted.variables), req.raw);
    },
  });
}

/** What the pipeline answered instead of a subscription: a refusal with its status, or a query's result as one event. */
function answer(response: HTTPGraphQLResponse): Response | ExecutionResult {
  const text = response.body.kind === 'complete' ? response.body.string : '{}';
  const status = response.status ?? 200;
  return status === 200 ? (JSON.parse(text) as ExecutionResult) : json(status, JSON.parse(text));
}

async function serve(
  options: LiveOptions,
  context: GatewayContext,
  plan: LivePlan,
  req: IncomingMessage,
): Promise<Response | AsyncIterableIterator<ExecutionResult>> {
  const coordinate = `Subscription.${plan.upstream.rootField}`;
  const department = options.holders(coordinate)[0];
  const url = department ? options.subgraphUrls[department] : undefined;
  if (!department || !url) throw new Error(`No department serves ${coordinate}`);
  const run = (query: string, variables: Record<string, unknown>, operationName?: string) =>
    options.server.executeOperation(
      { query, operationName, variables },
      { contextValue: { ...context, requestId: randomUUID(), internal: true, live: undefined } },
    );
  // one record: refused exactly as Query would refuse reading it (unknown, another's), before anything streams
  if (plan.probe) {
    const probed = await run(plan.probe.query, plan.probe.variables);
    const errors = probed.body.kind === 'single' ? probed.body.singleResult.errors : undefined;
    if (errors?.length) return json(httpStatusOf(errors) ?? 400, { errors });
  }
  const opened = await openUpstream(
    {
      url,
      headers: async (body) => ({ 'x-gateway-token': await options.sign(department, context, body), 'x-request-id': context.requestId }),
      unavailable: () => ({
        message: `The ${department} department's live updates are not reachable: subscribe again shortly (your data is unchanged).`,
        extensions: { serviceName: department },
      }),
    },
    plan.upstream,
  );
  if ('refused' in opened) return json(opened.refused.status, { errors: opened.refused.errors });
  const read = async (changed: unknown): Promise<ExecutionResult | null> => {
    const response = await run(plan.read.query, plan.read.variables(changed), plan.read.operationName);
    if (response.body.kind !== 'single') return null;
    const { data, errors } = response.body.singleResult;
    if (data?.[plan.responseKey] == null && (errors ?? []).every((e) => WITHHELD.has(e.extensions?.code))) return null;
    return { data: data ?? null, ...(errors ? { errors: errors as never } : {}) } as ExecutionResult;
  };
  return events(opened.events, plan, read, expiryOf(req));
}

const json = (status: number, body: unknown): Response => [
  JSON.stringify(body),
  { status, statusText: String(status), headers: { 'content-type': 'application/json; charset=utf-8' } },
];

/**
 * The subscriber's events: each change read through the graph, in order; a change they may not read
 * is left out. Ends when they leave, when the department's stream ends (with its error, if it failed),
 * or when their token expires: a subscription lives no longer than the sign-in that opened it.
 */
function events(
  changes: AsyncIterableIterator<ExecutionResult>,
  plan: LivePlan,
  read: (changed: unknown) => Promise<ExecutionResult | null>,
  expiresAt: number | null,
): AsyncIterableIterator<ExecutionResult> {
  const done = { done: true, value: undefined } as const;
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    if (expiresAt !== null) timer = setTimeout(() => resolve('expired'), Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)));
  });
  const end = async () => {
    ended = true;
    clearTimeout(timer);
    await changes.return?.();
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      while (!ended) {
        const step = await Promise.race([changes.next(), expired]);
        if (step === 'expired') {
          await end();
          return {
            done: false,
            value: {
              errors: [{ message: 'Your token has expired: sign in again and subscribe again', extensions: { code: ErrorCode.Unauthenticated } }] as never,
            },
          };
        }
        if (step.done) break;
        const changed = (step.value.data?.[plan.upstream.field] as Record<string, unknown> | null | undefined)?.[plan.key];
        if (changed === undefined || changed === null) {
          // the department's own refusal of one change (an agent whose mandate ended) is left out too
          if ((step.value.errors ?? []).every((e) => WITHHELD.has(e.extensions?.code))) continue;
          return { done: false, value: { errors: step.value.errors } };
        }
        const result = await read(changed);
        if (result) return { done: false, value: result };
      }
      await end();
      return done;
    },
    async return() {
      await end();
      return done;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** When the caller's token expires (ms), read from the token the pipeline already verified; null without one. */
function expiryOf(req: IncomingMessage): number | null {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return null;
  const { exp } = decodeJwt(token);
  return typeof exp === 'number' ? exp * 1000 : null;
}
