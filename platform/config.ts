import { resolve } from 'node:path';
import { z } from 'zod';
import { INGEST_PATH } from './audit/record.js';
import { departmentPort } from './departments.js';

/**
 * A department's configuration, read once from the environment and checked, as the gateway's
 * (gateway/config.ts): a wrong value stops the department at start with the variable named,
 * instead of surfacing later as a strange failure. Key material (JWKs, shared secrets) is read
 * where it is used (security/keys.ts), and refused there in production when missing.
 */

/** Where a department keeps its data: a SQLite file (default) or a PostgreSQL database. */
export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; dbName: string };

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' });
const onOff = z.enum(['on', 'off'], { error: 'must be on or off' });

const schema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  GOVGRAPH_DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: postgresUrl.optional(),
  AUDIT_RECORDING: onOff.default('on'),
  AUDIT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  AUDIT_INGEST_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});

export interface DepartmentConfig {
  production: boolean;
  host: string;
  port: number;
  database: DatabaseTarget;
  /** AUDIT_RECORDING=off exists only to measure recording's cost, and is refused in production */
  recordAccess: boolean;
  /** where access records go: AUDIT_INGEST_URL, else the audit department's address on this host */
  auditIngestUrl: string;
}

/** An empty variable counts as unset, as in a shell's `X= cmd`. */
function present(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/** Reads and checks a department's environment; throws one message naming every wrong variable. */
export function departmentConfig(department: string, env: NodeJS.ProcessEnv = process.env): DepartmentConfig {
  const values = present(env);
  const own = `${department.toUpperCase()}_DATABASE_URL`;
  const port = `${department.toUpperCase()}_PORT`;
  const parsed = schema.extend({ [own]: postgresUrl.optional(), [port]: z.coerce.number().int().min(0).max(65535).optional() }).safeParse(values);
  if (!parsed.success) {
    throw new Error(`${department}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const c = parsed.data as z.infer<typeof schema> & Record<string, string | number | undefined>;
  const production = c.NODE_ENV === 'production';
  if (production && c.AUDIT_RECORDING === 'off') {
    throw new Error(
      `${department}: AUDIT_RECORDING=off is refused in production (every read of personal data must be recorded); unset it, it is only for measuring the recording's cost outside production`,
    );
  }
  const ownUrl = c[own] as string | undefined;
  const database: DatabaseTarget = ownUrl
    ? { kind: 'postgres', url: ownUrl, dbName: new URL(ownUrl).pathname.slice(1) || `govgraph_${department}` }
    : c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL, dbName: `govgraph_${department}` }
      : { kind: 'sqlite', file: resolve(c.GOVGRAPH_DATA_DIR, `${department}.sqlite`) };
  return {
    production,
    host: c.HOST,
    port: (c[port] as number | undefined) ?? departmentPort(department, {}),
    database,
    recordAccess: c.AUDIT_RECORDING === 'on',
    auditIngestUrl: c.AUDIT_INGEST_URL ?? `http://127.0.0.1:${departmentPort('audit', values)}${INGEST_PATH}`,
  };
}
