import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPERGRAPH_FILE } from '../../bench/departments.js';
import { forkChild, ROOT, type Child } from '../../bench/processes.js';
import { queryText } from '../../bench/queries.js';
import { DEPARTMENTS } from '../../platform/departments.js';
import { post } from '../../platform/testing.js';
import type { TokenRequest } from '../../platform/security/dev-tokens.js';
import { registeredAgencies } from '../../reference/agencies.js';
import type { TestPlatform } from './platform.js';
import { bearer } from './tokens.js';

/** Who asks: the roles the operations are for. */
export type Caller = { kind: 'anonymous' } | { kind: 'officer' } | { kind: 'supervisor' } | { kind: 'citizen'; subject: string };

/** An officer of every department with read and unmask scopes and a purpose (as the bench's): nothing is masked, so answers compare. */
export async function headersFor(caller: Caller): Promise<Record<string, string>> {
  switch (caller.kind) {
    case 'anonymous':
      return {};
    case 'supervisor':
      return bearer({ role: 'SUPERVISOR', subject: 'supervisor-equiv' });
    case 'citizen':
      return bearer({ role: 'CITIZEN', subject: caller.subject });
    case 'officer':
      return {
        ...(await bearer({
          role: 'OFFICER',
          subject: 'officer-equiv',
          department: registeredAgencies()[0]!.code,
          scopes: DEPARTMENTS.flatMap((d) => [`${d.name}:read`, `${d.name}:unmask`]),
        } as TokenRequest)),
        'x-purpose': encodeURIComponent('basis:licensing-review'),
      };
  }
}

/** What is compared of an answer: its data and its error codes (messages may differ between gateways). */
export interface Outcome {
  data: unknown;
  codes: string[];
}

export async function ask(url: string, query: string, variables: Record<string, unknown>, caller: Caller): Promise<Outcome> {
  const res = await post(url, query, variables, await headersFor(caller));
  return { data: res.data ?? null, codes: (res.errors ?? []).map((e) => `${String(e.extensions?.code ?? 'NO_CODE')}`).sort() };
}

/** The client operations of tests/operations/, by file name. */
export function clientOperations(): Record<string, string> {
  const dir = join(ROOT, 'tests', 'operations');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => [f.replace(/\.graphql$/, ''), readFileSync(join(dir, f), 'utf8')]),
  );
}

export const benchQuery = (file: string) => queryText(file);

/** Hive Gateway in its own process over a running platform's departments, started the way the bench starts target (b). */
export async function startHive(platform: TestPlatform): Promise<Child> {
  const urls = Object.fromEntries([...Object.values(platform.departments), ...Object.values(platform.partitioned)].map((d) => [d.name, d.url]));
  return forkChild({
    name: 'hive-gateway',
    entry: 'bench/hive/server.ts',
    env: { GOVGRAPH_KEYS_DIR: process.env.GOVGRAPH_KEYS_DIR, SUPERGRAPH_FILE, BENCH_SUBGRAPH_URLS: JSON.stringify(urls) },
  });
}
