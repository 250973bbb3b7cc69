import type { IncomingMessage, ServerResponse } from 'node:http';
import { createClient, createHandler, NetworkError, type ExecutionResult, type HandlerOptions, type OperationContext, type Response } from 'graphql-sse';
import { ErrorCode } from './errors.js';

/**
 * Subscriptions travel as Server-Sent Events in graphql-sse's protocol ("distinct connections mode":
 * one POST with `Accept: text/event-stream` per subscription, `next` events, then `complete`), on
 * every hop: browser to gateway, gateway to department (or its jurisdiction router), router to
 * instance. The library speaks the protocol; what each hop does with a subscription is its own.
 */

/** Whether a request asks for an event stream (graphql-sse's client sends exactly this Accept). */
export function wantsEventStream(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/event-stream');
}

/** A refusal before the stream opens: an HTTP status and GraphQL errors with a code, as a query would get. */
export function refusal(status: number, code: string, message: string, extensions: Record<string, unknown> = {}): Response {
  return [
    JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }),
    { status, statusText: code, headers: { 'content-type': 'application/json; charset=utf-8' } },
  ];
}

export type StreamHandler = (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>;

/**
 * A graphql-sse handler over node:http, given the body already read (and bounded) by the HTTP front:
 * the gateway token of a department request is checked against those very bytes. Only distinct
 * connections: single-connection mode keeps state between requests, which the gateway's token per
 * request and the jurisdiction router have no place for.
 */
export function eventStreamHandler<C extends OperationContext>(options: HandlerOptions<IncomingMessage, { body: string }, C>): StreamHandler {
  const handler = createHandler<IncomingMessage, { body: string }, C>({ ...options, authenticate: () => null });
  return async (req, res, body) => {
    const [answer, init] = await handler({
      method: req.method ?? 'POST',
      url: req.url ?? '/',
      headers: { get: (key) => headerValue(req, key) },
      body,
      raw: req,
      context: { body },
    });
    res.writeHead(init.status, init.statusText, init.headers);
    if (answer === null || typeof answer === 'string') {
      res.end(answer ?? undefined);
      return;
    }
    // the subscriber left: end the operation, so nothing keeps listening for it
    res.once('close', () => void answer.return(undefined));
    for await (const chunk of answer) {
      if (!res.writable) break;
      res.write(chunk);
    }
    res.end();
  };
}

function headerValue(req: IncomingMessage, key: string): string | undefined {
  const value = req.headers[key.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

export interface Upstream {
  url: string;
  /** who is asking, for the hop's token: the headers to send with this exact body */
  headers: (body: string) => Promise<Record<string, string>>;
  /** named in the error a subscriber gets when this hop fails */
  unavailable: () => { message: string; extensions: Record<string, unknown> };
}

export interface SubscriptionRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** An upstream stream that opened, or the refusal (or outage) that kept it from opening. */
export type Opened = { events: AsyncIterableIterator<ExecutionResult> } | { refused: Refused };
export interface Refused {
  status: number;
  errors: NonNullable<ExecutionResult['errors']>;
}

/**
 * Subscribes to one upstream hop, resolving once its stream is open (or refused: the upstream's 4xx
 * with its GraphQL errors, or an outage as the hop's `unavailable` error, 502), so a subscriber is
 * refused with a status before their own stream opens. A stream cut later becomes one last event with
 * the `unavailable` error; either way nothing is retried behind the subscriber's back.
 */
export async function openUpstream(upstream: Upstream, request: SubscriptionRequest): Promise<Opened> {
  const client = createClient({
    url: upstream.url,
    singleConnection: false,
    retryAttempts: 0,
    fetchFn: async (input: string, init: RequestInit = {}) => {
      const body = typeof init.body === 'string' ? init.body : '';
      const headers = new Headers(init.headers);
      for (const [key, value] of Object.entries(await upstream.headers(body))) headers.set(key, value);
      return fetch(input, { ...init, headers });
    },
  });
  let connected!: () => void;
  const open = new Promise<'open'>((resolve) => (connected = () => resolve('open')));
  const results = client.iterate<Record<string, unknown>, Record<string, unknown>>(request, { connected });
  const first = results.next();
  const done = { done: true, value: undefined } as const;
  let ended = false;
  const end = async () => {
    ended = true;
    await results.return?.();
    client.dispose();
  };
  try {
    const step = await Promise.race([open, first]);
    // a stream that ended before it said it was open (a refusal streamed as one event) still opened
    if (step !== 'open' && step.done) await end();
  } catch (error) {
    // read before ending: ending aborts the request, and its body with it
    const refused = await failure(error, upstream);
    await end();
    return { refused };
  }
  let pending: Promise<IteratorResult<ExecutionResult>> | null = first;
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (ended && !pending) return done;
      try {
        const step = await (pending ?? results.next());
        pending = null;
        if (step.done) await end();
        return step;
      } catch (error) {
        pending = null;
        const { errors } = await failure(error, upstream);
        await end();
        return { done: false, value: { errors } };
      }
    },
    async return() {
      pending = null;
      await end();
      return done;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return { events: iterator };
}

/** What a failed hop tells the subscriber: the upstream's own GraphQL errors and status when it refused, else that it is unavailable. */
async function failure(error: unknown, upstream: Upstream): Promise<Refused> {
  const response = error instanceof NetworkError ? (error as NetworkError).response : undefined;
  if (response && response.status < 500) {
    try {
      const said = (await (response as unknown as globalThis.Response).json()) as { errors?: ExecutionResult['errors'] };
      if (Array.isArray(said.errors) && said.errors.length > 0) return { status: response.status, errors: said.errors };
    } catch {
      // not a GraphQL answer: the hop is unavailable
    }
  }
  const { message, extensions } = upstream.unavailable();
  return { status: 502, errors: [{ message, extensions: { code: ErrorCode.SubgraphUnavailable, ...extensions } }] as never };
}
