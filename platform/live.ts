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

/**
 * Subscribes to one upstream hop and iterates its results. A refusal before the stream opens (the
 * upstream's 4xx with GraphQL errors) becomes one result with those errors; an outage or a stream cut
 * becomes one result with the hop's `unavailable` error. Either way the iteration then ends, so the
 * subscriber knows to subscribe again, and nothing is retried behind their back.
 */
export function subscribeUpstream(upstream: Upstream, request: SubscriptionRequest): AsyncIterableIterator<ExecutionResult> {
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
  const results = client.iterate<Record<string, unknown>, Record<string, unknown>>(request);
  const done = { done: true, value: undefined } as const;
  let ended = false;
  const end = async () => {
    ended = true;
    await results.return?.();
    client.dispose();
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (ended) return done;
      try {
        const step = await results.next();
        if (step.done) ended = true;
        return step;
      } catch (error) {
        void end();
        return { done: false, value: await failure(error, upstream) };
      }
    },
    async return() {
      await end();
      return done;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** What a failed hop tells the subscriber: the upstream's own GraphQL errors when it refused, else that it is unavailable. */
async function failure(error: unknown, upstream: Upstream): Promise<ExecutionResult> {
  const response = error instanceof NetworkError ? (error as NetworkError).response : undefined;
  if (response && response.status < 500) {
    try {
      const said = (await (response as unknown as globalThis.Response).json()) as { errors?: ExecutionResult['errors'] };
      if (Array.isArray(said.errors) && said.errors.length > 0) return { errors: said.errors };
    } catch {
      // not a GraphQL answer: the hop is unavailable
    }
  }
  const { message, extensions } = upstream.unavailable();
  return { errors: [{ message, extensions: { code: ErrorCode.SubgraphUnavailable, ...extensions } }] as never };
}
