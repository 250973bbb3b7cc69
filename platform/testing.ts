import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANONYMOUS, type Caller } from './context.js';
import type { DatabaseTarget } from './config.js';
import { startDepartment, type Department, type RunningDepartment, type SeedOptions, type StartOptions } from './department.js';
import { gatewaySigner } from './security/gateway-token.js';
import { devKeyPair } from './security/keys.js';

/**
 * A fresh, private database for one test: a SQLite file in a temp folder, or,
 * when TEST_DATABASE_URL is set (CI), a new database on that PostgreSQL server.
 */
export function testDatabase(department: string): DatabaseTarget {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { kind: 'postgres', url, dbName: `t_${department}_${randomBytes(4).toString('hex')}` };
  return { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'govgraph-')), `${department}.sqlite`) };
}

/** Who a test request is made for, as the gateway would vouch for them. */
export interface As {
  caller?: Caller;
  purpose?: string | null;
}

/** An officer on duty for a department: its read and unmask scopes, and a stated purpose. */
export function officerOnDuty(department: string, purpose: string, caller: Partial<Caller> = {}): { caller: Caller; purpose: string } {
  return { caller: { role: 'OFFICER', subject: 'officer-1', department: null, scopes: [`${department}:read`, `${department}:unmask`], ...caller }, purpose };
}

/**
 * The callers a department refuses its personal records to (security/enforce.ts), by key as at the
 * root: anonymous, its own officer without a purpose, an officer on duty with only another
 * department's scope (`otherScope`), a supervisor.
 */
export function refusedCallers(onDuty: { caller: Caller; purpose: string }, otherScope: string): As[] {
  return [
    {},
    { caller: onDuty.caller },
    { caller: { ...onDuty.caller, scopes: [otherScope] }, purpose: onDuty.purpose },
    { caller: { role: 'SUPERVISOR', subject: 'supervisor-1', department: null, scopes: [] } },
  ];
}

export interface TestDepartment extends RunningDepartment {
  /** POSTs an operation signed the way the gateway signs it (anonymous unless `as` says otherwise) */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: As): Promise<GraphQLResult<T>>;
}

/** Starts a department on a free port over a private database, seeded unless told otherwise. */
export async function startTestDepartment<L>(
  department: Department<L>,
  seed: SeedOptions | false = { size: 50, seed: 7 },
  options: Pick<StartOptions, 'auditIngestUrl' | 'auditIntervalMs'> = {},
): Promise<TestDepartment> {
  const running = await startDepartment(department, { port: 0, target: testDatabase(department.name), seed, auditIntervalMs: 200, ...options });
  const sign = await gatewaySigner((await devKeyPair('gateway')).privateJwk);
  return Object.assign(running, {
    async query<T>(query: string, variables: Record<string, unknown> = {}, as: As = {}) {
      const claims = { caller: as.caller ?? ANONYMOUS, purpose: as.purpose ?? null, requestId: 'test-request', clientName: 'tests' };
      const token = await sign(department.name, claims, requestBody(query, variables));
      return post<T>(running.url, query, variables, { 'x-gateway-token': token });
    },
  });
}

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  headers: Headers;
}

/** The body post() sends: a gateway token for a department request is made for exactly this text. */
export function requestBody(query: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, variables });
}

/** POSTs one operation the way a client does. */
export async function post<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: requestBody(query, variables),
  });
  const text = await response.text();
  let body: { data?: T; errors?: GraphQLResult['errors'] };
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `non-JSON body: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}
