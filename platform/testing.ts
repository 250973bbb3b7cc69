import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from './db.js';
import { startDepartment, type Department, type RunningDepartment, type SeedOptions } from './department.js';

/**
 * A fresh, private database for one test: a SQLite file in a temp folder, or,
 * when TEST_DATABASE_URL is set (CI), a new database on that PostgreSQL server.
 */
export function testDatabase(department: string): DatabaseTarget {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { kind: 'postgres', url, dbName: `t_${department}_${randomBytes(4).toString('hex')}` };
  return { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'govgraph-')), `${department}.sqlite`) };
}

/** Starts a department on a free port over a private database, seeded unless told otherwise. */
export function startTestDepartment<L>(department: Department<L>, seed: SeedOptions | false = { size: 50, seed: 7 }): Promise<RunningDepartment> {
  return startDepartment(department, { port: 0, target: testDatabase(department.name), seed });
}

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  headers: Headers;
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
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T; errors?: GraphQLResult['errors'] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `non-JSON body: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}
