import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { log } from './log.js';
import { wantsEventStream, type StreamHandler } from './live.js';

/** Requests larger than this are refused before parsing (a hostile-query defence). */
export const MAX_BODY_BYTES = 1_000_000;

export interface HttpOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  /**
   * builds the per-request context; may throw a GraphQLError with extensions.http.status.
   * `raw` is the request as sent: the body of a POST, the query string of a GET.
   */
  context: (req: IncomingMessage, raw: string) => Promise<C>;
  /** resolves true when everything this process depends on answers */
  ready: () => Promise<boolean>;
  /** what /health answers besides its 200 (default: `{status: "ok"}`, the process is alive) */
  health?: () => Promise<unknown>;
  /** extra POST endpoints besides /graphql (e.g. the audit department's /ingest) */
  routes?: Record<string, Route>;
  /** fixed headers added to every /graphql answer */
  headers?: Readonly<Record<string, string>>;
  /** the browser origins allowed to call /graphql from another origin (CORS); none when absent */
  allowOrigin?: (origin: string) => boolean;
  /** subscriptions: /graphql requests that accept text/event-stream (platform/live.ts); refused when absent */
  stream?: StreamHandler;
  /** pages served besides the API (the gateway's console): answers the request and returns true, or leaves it */
  pages?: PageHandler;
}

/** Serves a request outside /graphql (any method) when it is one of its own; false leaves it to the 404. */
export type PageHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

/** A plain JSON endpoint: gets the parsed body and the request, answers a status and a JSON body. */
export type Route = (body: string, req: IncomingMessage) => Promise<{ status: number; body: unknown }>;

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A plain node:http front for an ApolloServer: /graphql, /health (process alive),
 * /ready (dependencies answer). No framework: the gateway and every department
 * share these few lines, and the hot path stays short.
 */
export function createHttpServer<C extends BaseContext>(options: HttpOptions<C>): Server {
  const server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      log.error('http handler failed', { message: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000; // outlive the gateway's pooled connections
  return server;
}

async function handle<C extends BaseContext>(options: HttpOptions<C>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return sendJson(res, 200, options.health ? await options.health() : { status: 'ok' });
  if (url.pathname === '/ready') {
    const ok = await options.ready().catch(() => false);
    return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
  }
  const route = options.routes?.[url.pathname];
  if (route && req.method === 'POST') {
    const raw = await readText(req);
    if (raw === null) return sendJson(res, 413, { error: `Request body over ${MAX_BODY_BYTES} bytes` });
    const answer = await route(raw, req);
    return sendJson(res, answer.status, answer.body);
  }
  if (url.pathname !== '/graphql' && options.pages && (await options.pages(req, res, url))) return;
  if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'Not found: the GraphQL endpoint is /graphql' });
  if (allowCors(options, req, res) && req.method === 'OPTIONS') return preflight(res);

  if (wantsEventStream(req)) return eventStream(options, req, res, url);
  const { text, body } = req.method === 'POST' ? await readJson(req) : { text: url.search, body: undefined };
  if (body instanceof Error) {
    return sendJson(res, body.message === 'too large' ? 413 : 400, {
      errors: [
        {
          message: body.message === 'too large' ? `Request body over ${MAX_BODY_BYTES} bytes` : 'Request body is not valid JSON',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  }
  const response = await options.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search: url.search, body },
    context: () => options.context(req, text),
  });
  if (options.headers) for (const key in options.headers) res.setHeader(key, options.headers[key]!);
  for (const [key, value] of response.headers) res.setHeader(key, key === 'vary' && res.hasHeader('vary') ? `Origin, ${value}` : value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A request's headers as Apollo Server takes them. */
export function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** A subscription: the body (a GET's query string) read and bounded here, the stream served by the handler. */
async function eventStream<C extends BaseContext>(options: HttpOptions<C>, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const error = (status: number, message: string) => sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  if (!options.stream) return error(406, 'This endpoint serves no subscriptions: send the request as JSON (Accept: application/json)');
  const body = req.method === 'POST' ? await readText(req) : url.search;
  if (body === null) return error(413, `Request body over ${MAX_BODY_BYTES} bytes`);
  await options.stream(req, res, body);
}

/** What a browser page may send (preflight) and read (exposed) across origins. */
export const CORS_ALLOWED_HEADERS = 'authorization, content-type, x-purpose, x-request-id, apollographql-client-name, apollographql-client-version';
const CORS_EXPOSED_HEADERS = 'retry-after, x-request-id';

/**
 * Adds the CORS headers when the request's Origin is allowed; true then. A request from another
 * origin gets none, so the browser keeps the answer from its page; Apollo's CSRF prevention still
 * refuses the simple (unpreflighted) requests a page of any origin can send.
 */
function allowCors<C extends BaseContext>(options: HttpOptions<C>, req: IncomingMessage, res: ServerResponse): boolean {
  if (!options.allowOrigin) return false;
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (!origin || !options.allowOrigin(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
  return true;
}

function preflight(res: ServerResponse): void {
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': CORS_ALLOWED_HEADERS,
    'access-control-max-age': '600',
  });
  res.end();
}

export async function readText(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage): Promise<{ text: string; body: unknown }> {
  const text = await readText(req);
  if (text === null) return { text: '', body: new Error('too large') };
  if (text === '') return { text, body: undefined };
  // Apollo checks the content type itself; only JSON bodies are parsed here.
  if (!(req.headers['content-type'] ?? '').includes('json')) return { text, body: text };
  try {
    return { text, body: JSON.parse(text) };
  } catch {
    return { text, body: new Error('invalid json') };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Listens on host:port (port 0 picks a free one) and says clearly when the port is taken. */
export async function listen(server: Server, port: number, host: string, name: string): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortTakenError(name, port) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/graphql`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export class PortTakenError extends Error {
  constructor(name: string, port: number) {
    super(`${name}: port ${port} is already in use. Stop whatever holds it or choose another port (see the configuration table in README.md).`);
  }
}
