import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ANONYMOUS } from '../platform/context.js';
import { gatewaySigner, type Signer } from '../platform/security/gateway-token.js';
import { configuredKey } from '../platform/security/keys.js';
import { authenticator } from './auth.js';
import { errorMaskingPlugin, formatError } from '../platform/format-error.js';
import { createHttpServer, listen, type Listening } from '../platform/http.js';
import { requestIdFrom } from '../platform/request-id.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { DepartmentDataSource, departmentAgent } from './datasource.js';
import { limitsPlugin } from './limits/plugin.js';
import { parseOptionsFor } from './limits/policy.js';
import { createRateLimiter } from './limits/rate-limit.js';
import { accessPlugin } from './plugins/access.js';
import { personalDataMaskingPlugin } from './plugins/masking.js';
import { caseLookup, checkPurpose } from './purpose.js';
import { scalarChecksPlugin } from './plugins/scalars.js';
import { textInputPlugin } from '../platform/text-input.js';
import { graphPolicies } from './policies.js';
import { departmentsHealth } from './health.js';
import { landingPagePlugin } from './plugins/landing.js';
import { subscriptionsPlugin } from './live/plugin.js';
import { liveStream } from './live/stream.js';
import { trustedDocumentsEnforced, trustedDocumentsPlugin } from './plugins/trusted-documents.js';
import { consolePages } from '../clients/console/server/routes.js';

export interface RunningGateway extends Listening {
  gateway: ApolloGateway;
}

/** The Apollo gateway over the static supergraph (or, in dev mode, over the running departments). */
export function buildGateway(config: GatewayConfig, sign: Signer): ApolloGateway {
  const agent = departmentAgent();
  const buildService = ({ name }: { name: string; url?: string }) => {
    const url = config.subgraphUrls[name];
    if (!url) throw new Error(`No URL configured for department ${name}; set ${name.toUpperCase()}_URL`);
    return new DepartmentDataSource(name, url, agent, sign, config.subgraphTimeoutMs);
  };
  if (config.introspect) {
    const subgraphs = Object.entries(config.subgraphUrls).map(([name, url]) => ({ name, url }));
    return new ApolloGateway({ supergraphSdl: new IntrospectAndCompose({ subgraphs }), buildService });
  }
  return new ApolloGateway({ supergraphSdl: readFileSync(config.supergraphFile, 'utf8'), buildService });
}

/**
 * Only for measuring what the defences cost (scripts/overhead.ts): never read from
 * the environment, so no deployment can switch them off by configuration.
 */
export interface MeasurementSwitches {
  /** false: callers are taken as the given caller without verifying a token */
  authentication?: boolean;
  /** false: no limits, access pre-check, scalar checks or masking plugins */
  defences?: boolean;
}

export async function startGateway(config: GatewayConfig, switches: MeasurementSwitches = {}): Promise<RunningGateway> {
  // access rules and owners come from the supergraph (in dev mode, from the file if there is one)
  const policies = graphPolicies(readFileSync(config.supergraphFile, 'utf8'));
  const sign = await gatewaySigner(await configuredKey('GATEWAY_SIGNING_KEY', 'privateJwk', 'gateway'));
  const authenticate = await authenticator(config.auth);
  const gateway = buildGateway(config, sign);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    // runMain owns SIGINT/SIGTERM; Apollo's own handler raced it and left forked processes hanging
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // introspection is decided per caller by limitsPlugin (production: auditors only)
    introspection: true,
    parseOptions: parseOptionsFor(),
    // one operation per HTTP request: batches would multiply every limit below
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    plugins: [
      errorMaskingPlugin('gateway'),
      trustedDocumentsPlugin(trustedDocumentsEnforced(config.production)),
      ...(switches.defences === false ? [] : defences(config, policies)),
      landingPagePlugin(config.production),
      subscriptionsPlugin(),
      // no cache hints anywhere in the graph: nothing to compute per response
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await server.start();
  const handlesCase = caseLookup(server);
  const contextFor = async (req: IncomingMessage) => {
    const context: GatewayContext = {
      requestId: requestIdFrom(header(req, 'x-request-id')),
      purpose: purposeFrom(header(req, 'x-purpose')),
      caller: switches.authentication === false ? unverifiedCaller(req) : await authenticate(req),
      clientName: header(req, 'apollographql-client-name')?.slice(0, 100) ?? null,
      clientAddress: req.socket.remoteAddress ?? 'unknown',
    };
    await checkPurpose(context, config.production, handlesCase);
    return context;
  };
  const http = createHttpServer({
    server,
    context: contextFor,
    stream: liveStream({ server, contextFor, holders: policies.holders, subgraphUrls: config.subgraphUrls, sign }),
    ready: () => departmentsReady(config),
    health: departmentsHealth(config),
    allowOrigin: config.allowOrigin,
    pages: consolePages({ production: config.production, subjects: config.consoleSubjects, authenticate }),
  });
  const listening = await listen(http, config.port, config.host, 'gateway');
  return {
    ...listening,
    gateway,
    async close() {
      await listening.close();
      await server.stop();
    },
  };
}

/** The gateway's defences, in the order they run before planning (and masking after). */
function defences(config: GatewayConfig, policies: ReturnType<typeof graphPolicies>) {
  return [
    limitsPlugin<GatewayContext>({
      rateLimiter: createRateLimiter({ capacity: config.rateLimit.capacity, refillPerSecond: config.rateLimit.refillPerSecond }),
      // callers are limited by who they are; anonymous callers by their address
      callerKey: ({ caller, clientAddress }) => (caller.subject ? `${caller.role}:${caller.subject}` : `ip:${clientAddress}`),
      production: () => config.production,
      mayIntrospect: ({ caller }) => caller.role === 'AUDITOR',
    }),
    accessPlugin(policies),
    scalarChecksPlugin(),
    textInputPlugin(),
    personalDataMaskingPlugin(policies),
  ];
}

/** Measurement only: the caller a trusted load generator names in x-bench-caller (JSON). */
function unverifiedCaller(req: IncomingMessage): GatewayContext['caller'] {
  const value = header(req, 'x-bench-caller');
  return value ? (JSON.parse(value) as GatewayContext['caller']) : ANONYMOUS;
}

/** Ready means every department answers its own /ready within the subgraph timeout. */
async function departmentsReady(config: GatewayConfig): Promise<boolean> {
  const checks = Object.values(config.subgraphUrls).map(async (url) => {
    const response = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(config.subgraphTimeoutMs) });
    return response.ok;
  });
  const results = await Promise.allSettled(checks);
  return results.every((r) => r.status === 'fulfilled' && r.value);
}

/**
 * x-purpose, percent-decoded (headers are Latin-1, free text is often Chinese), at most 200 characters.
 * What it may say (case:<id>, basis:<code>) is checked by checkPurpose (gateway/purpose.ts).
 */
function purposeFrom(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // not percent-encoded after all: keep it as sent
  }
  return text.trim().slice(0, 200);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
