import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keysDir } from '../security/keys.js';

/**
 * One read of personal data, as the department that served it records it
 * (X-Road style: who, on whose behalf, why, about whom, which data, when).
 * Departments write it to their own outbox first, then deliver it to the audit
 * department, which chains it into its append-only log.
 */
export interface AccessRecord {
  /** unique id (UUID), chosen by the recording department: the audit log dedups on it */
  id: string;
  /** the department that served the data */
  department: string;
  /** ISO time the data was served */
  at: string;
  requestId: string;
  clientName: string | null;
  callerRole: string;
  callerSubject: string | null;
  callerDepartment: string | null;
  purpose: string | null;
  subjectKind: 'PERSON' | 'ENTERPRISE';
  /** resident identity number or credit code of the data subject */
  subjectId: string;
  /** "Type.field" coordinates read, sorted */
  fields: string[];
  /** personal-data categories of those fields, sorted */
  categories: string[];
  /**
   * Withheld from the data subject's tracker (e.g. an ongoing investigation,
   * PIPL art. 18 / 35): set when the purpose starts with "withheld:". Auditors see it.
   */
  withheld: boolean;
  /**
   * Acting for another (帮代办): resident identity number of the agent who acted
   * for the data subject (the caller), and the mandate they acted under (null
   * when none is on record). Left out (null) when the caller acted for themselves
   * or on duty; hashed into the audit chain only when set.
   */
  agent?: string | null;
  mandate?: string | null;
}

/** The ingest endpoint of the audit department, relative to its /graphql URL. */
export const INGEST_PATH = '/ingest';

/** The shared ingest key: AUDIT_INGEST_KEY, or a development key created under .keys/. */
export function ingestKey(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AUDIT_INGEST_KEY) return env.AUDIT_INGEST_KEY;
  if (env.NODE_ENV === 'production') throw new Error('AUDIT_INGEST_KEY must be set in production');
  const file = join(keysDir(env), 'audit-ingest.key');
  if (!existsSync(file)) {
    mkdirSync(keysDir(env), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // another process created it first: use theirs
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** HMAC-SHA256 of the exact body bytes, sent as x-audit-signature. */
export function signIngest(body: string, key = ingestKey()): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

export function verifyIngest(body: string, signature: string | undefined, key = ingestKey()): boolean {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(signIngest(body, key), 'hex'), Buffer.from(signature, 'hex'));
}
