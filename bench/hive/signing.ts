import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { authenticator, type Authenticate } from '../../gateway/auth.js';
import { ANONYMOUS } from '../../platform/context.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../platform/security/dev-tokens.js';
import { gatewaySigner, type GatewayClaims, type Signer } from '../../platform/security/gateway-token.js';
import { configuredKey } from '../../platform/security/keys.js';

/** department name → its /graphql URL, from BENCH_SUBGRAPH_URLS (JSON) */
export function subgraphUrls(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const raw = env.BENCH_SUBGRAPH_URLS;
  if (!raw) throw new Error('BENCH_SUBGRAPH_URLS is not set: a JSON object of department name → URL');
  return JSON.parse(raw) as Record<string, string>;
}

let keys: Promise<{ sign: Signer; authenticate: Authenticate }> | undefined;
function load() {
  keys ??= (async () => ({
    sign: await gatewaySigner(await configuredKey('GATEWAY_SIGNING_KEY', 'privateJwk', 'gateway')),
    authenticate: await authenticator({
      jwksUrl: process.env.AUTH_JWKS_URL ?? null,
      issuer: process.env.AUTH_ISSUER ?? DEV_ISSUER,
      audience: process.env.AUTH_AUDIENCE ?? DEV_AUDIENCE,
    }),
  }))();
  return keys;
}

/** Per client request: who is calling, decided once and shared by every subgraph fetch of the request. */
const claimsOf = new WeakMap<object, Promise<GatewayClaims>>();

function header(headers: Headers | undefined, name: string): string | null {
  return headers?.get(name) ?? null;
}

async function claimsFor(request: Request | undefined): Promise<GatewayClaims> {
  if (!request) return { caller: ANONYMOUS, purpose: null, requestId: 'gateway-internal', clientName: 'hive-gateway' };
  const { authenticate } = await load();
  const authorization = header(request.headers, 'authorization');
  const caller = await authenticate({ headers: authorization ? { authorization } : {} } as IncomingMessage);
  const purpose = header(request.headers, 'x-purpose');
  let decoded = purpose;
  try {
    decoded = purpose ? decodeURIComponent(purpose) : null;
  } catch {
    // not percent-encoded: keep it as sent
  }
  return {
    caller,
    purpose: decoded?.trim().slice(0, 200) || null,
    requestId: randomUUID(),
    clientName: header(request.headers, 'apollographql-client-name')?.slice(0, 100) ?? null,
  };
}

/**
 * Signs every subgraph fetch like gateway/datasource.ts: one fresh token per fetch,
 * audience = the department, caller and purpose of the client request inside.
 */
export function govgraphSigning(urls: Record<string, string>): GatewayPlugin {
  const byUrl = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
  const subgraphOf = new WeakMap<object, string>();
  return {
    onSubgraphExecute({ subgraphName, executionRequest }) {
      subgraphOf.set(executionRequest, subgraphName);
    },
    async onFetch({ url, options, setOptions, context, executionRequest }) {
      const department = (executionRequest && subgraphOf.get(executionRequest)) ?? byUrl.get(url);
      if (!department) return;
      const request = 'request' in context ? (context.request as Request) : undefined;
      let claims = request ? claimsOf.get(request) : undefined;
      if (!claims) {
        claims = claimsFor(request);
        if (request) claimsOf.set(request, claims);
      }
      const resolved = await claims;
      const { sign } = await load();
      setOptions({
        ...options,
        headers: {
          ...(options.headers as Record<string, string> | undefined),
          'x-gateway-token': await sign(department, resolved, typeof options.body === 'string' ? options.body : ''),
          'x-request-id': resolved.requestId,
        },
      });
    },
  };
}
