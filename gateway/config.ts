import { z } from 'zod';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEPARTMENTS, GATEWAY_PORT, departmentPort } from '../platform/departments.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../platform/security/dev-tokens.js';
import { parseConsoleSubjects, type ConsoleSubjects } from '../clients/console/server/sign-in.js';
import type { AuthConfig } from './auth.js';

const schema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(GATEWAY_PORT),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_FILE: z.string().default(fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url))),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  GATEWAY_INTROSPECT: z.enum(['true', 'false']).default('false'),
  NODE_ENV: z.string().default('development'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().default(DEV_ISSUER),
  AUTH_AUDIENCE: z.string().default(DEV_AUDIENCE),
  RATE_LIMIT_CAPACITY: z.coerce.number().int().positive().default(20_000),
  RATE_LIMIT_REFILL_PER_SECOND: z.coerce.number().positive().default(2_000),
  // One process by default: in development every department shares this machine with the
  // gateway, and workers would take cores from them. Production sets it per host ('auto').
  // exact browser origins allowed to call the endpoint (CORS), comma-separated; see corsOrigins
  CORS_ORIGINS: z.string().optional(),
  // development: who the console's sign-in mints a token for, per role (JSON; npm start sets the demo's)
  CONSOLE_SUBJECTS: z.string().optional(),
  GATEWAY_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().positive()], { error: 'a positive integer or auto' }).default(1),
});

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphFile: string;
  /** every request to a department is abandoned after this long */
  subgraphTimeoutMs: number;
  /** dev only: compose from the running departments instead of the static supergraph */
  introspect: boolean;
  production: boolean;
  /** department name -> its /graphql URL */
  subgraphUrls: Record<string, string>;
  auth: AuthConfig;
  /** per caller: a bucket of `capacity` objects, refilled at `refillPerSecond` */
  rateLimit: { capacity: number; refillPerSecond: number };
  /** processes serving the port (node:cluster); 1 = this process alone */
  workers: number;
  /** whether a browser page of this origin may call the endpoint (CORS) */
  allowOrigin: (origin: string) => boolean;
  /** development: the subjects of the console's sign-in per role (none in production: it has no sign-in) */
  consoleSubjects: ConsoleSubjects;
}

/** A page on this machine, any port: a front end's development server (e.g. Vite's :5173) or a local console. */
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * CORS_ORIGINS, when set: exactly those origins (scheme://host[:port], no path; empty = none).
 * Unset: none in production, pages served from this machine (localhost, any port) in development.
 * Returns the problem with a listed origin, or the check.
 */
export function corsOrigins(value: string | undefined, production: boolean): string | ((origin: string) => boolean) {
  if (value === undefined) return production ? () => false : (origin) => LOOPBACK_ORIGIN.test(origin);
  const listed = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of listed) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol))
      return `"${origin.slice(0, 80)}" is not an origin: scheme, host and port only, e.g. https://portal.example.gov.cn`;
  }
  const allowed = new Set(listed);
  return (origin) => allowed.has(origin);
}

/** Reads the gateway's configuration; lists every problem at once and exits when it is invalid. */
export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    process.stderr.write(`Invalid gateway configuration:\n${problems}\n`);
    process.exit(1);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.AUTH_JWKS_URL) {
    process.stderr.write("Invalid gateway configuration:\n  AUTH_JWKS_URL: required in production (the identity service's JWKS)\n");
    process.exit(1);
  }
  const allowOrigin = corsOrigins(e.CORS_ORIGINS, e.NODE_ENV === 'production');
  if (typeof allowOrigin === 'string') {
    process.stderr.write(`Invalid gateway configuration:\n  CORS_ORIGINS: ${allowOrigin}\n`);
    process.exit(1);
  }
  const consoleSubjects = parseConsoleSubjects(e.CONSOLE_SUBJECTS);
  if (typeof consoleSubjects === 'string') {
    process.stderr.write(`Invalid gateway configuration:\n  CONSOLE_SUBJECTS: ${consoleSubjects}\n`);
    process.exit(1);
  }
  const subgraphUrls = Object.fromEntries(
    DEPARTMENTS.map((d) => [d.name, env[`${d.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${departmentPort(d.name, env)}/graphql`]),
  );
  return {
    port: e.GATEWAY_PORT,
    host: e.HOST,
    supergraphFile: e.SUPERGRAPH_FILE,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    introspect: e.GATEWAY_INTROSPECT === 'true',
    production: e.NODE_ENV === 'production',
    subgraphUrls,
    rateLimit: { capacity: e.RATE_LIMIT_CAPACITY, refillPerSecond: e.RATE_LIMIT_REFILL_PER_SECOND },
    workers: e.GATEWAY_WORKERS === 'auto' ? availableParallelism() : e.GATEWAY_WORKERS,
    allowOrigin,
    consoleSubjects: e.NODE_ENV === 'production' ? {} : consoleSubjects,
    auth: { jwksUrl: e.AUTH_JWKS_URL ?? null, issuer: e.AUTH_ISSUER, audience: e.AUTH_AUDIENCE },
  };
}
