import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPARTMENTS } from '../departments.js';
import { keysDir } from '../security/keys.js';

/**
 * Every department signs its own deliveries to the audit log with its own
 * Ed25519 key; the audit department holds only the public halves, one per
 * department, and accepts from a department only records in its own name.
 * So neither a department nor the audit department can deliver records in
 * another department's name.
 * - production: `<DEPARTMENT>_AUDIT_SIGNING_KEY` (private JWK as JSON) on each
 *   department; `<DEPARTMENT>_AUDIT_VERIFY_KEY` (its public JWK) for every
 *   department on the audit department. Nothing is ever created.
 * - development: a pair per department under GOVGRAPH_KEYS_DIR
 *   (`audit-<department>.jwk.json`), created on first use, read by both sides.
 */
export interface AuditKeyPair {
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

const variable = (department: string, half: 'SIGNING' | 'VERIFY') => `${department.toUpperCase()}_AUDIT_${half}_KEY`;

/** The departments that deliver records: every one but the audit department itself. */
export const DELIVERING: readonly string[] = DEPARTMENTS.map((d) => d.name).filter((name) => name !== 'audit');

/** The development pair of `department`, created on first use (atomically, like the gateway's pair). */
export function devAuditKeyPair(department: string, env: NodeJS.ProcessEnv = process.env): AuditKeyPair {
  const dir = keysDir(env);
  const file = join(dir, `audit-${department}.jwk.json`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pair: AuditKeyPair = { privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) };
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(pair, null, 2), { mode: 0o600 });
    // link() takes the name only if it is free: processes starting together all read the first pair
    try {
      linkSync(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as AuditKeyPair;
}

function configured(department: string, half: 'SIGNING' | 'VERIFY', env: NodeJS.ProcessEnv): JsonWebKey {
  const name = variable(department, half);
  const value = env[name];
  if (value) {
    try {
      return JSON.parse(value) as JsonWebKey;
    } catch {
      throw new Error(`${name} is not valid JSON: set it to the department's ${half === 'SIGNING' ? 'private' : 'public'} Ed25519 JWK`);
    }
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(`${name} must be set in production (the ${department} department's ${half === 'SIGNING' ? 'private' : 'public'} Ed25519 JWK as JSON); development keys are refused there`);
  }
  const pair = devAuditKeyPair(department, env);
  return half === 'SIGNING' ? pair.privateJwk : pair.publicJwk;
}

/** The key `department` signs its deliveries with. */
export function auditSigningKey(department: string, env: NodeJS.ProcessEnv = process.env): KeyObject {
  return createPrivateKey({ key: configured(department, 'SIGNING', env), format: 'jwk' });
}

/** What the audit department verifies with: every delivering department's public key. Throws at start if one is missing in production. */
export function auditVerifyKeys(env: NodeJS.ProcessEnv = process.env): ReadonlyMap<string, KeyObject> {
  return new Map(DELIVERING.map((department) => [department, createPublicKey({ key: configured(department, 'VERIFY', env), format: 'jwk' })]));
}

/** Ed25519 signature of the exact body bytes, base64url, sent as x-audit-signature beside x-audit-department. */
export function signDelivery(body: string, key: KeyObject): string {
  return sign(null, Buffer.from(body), key).toString('base64url');
}

export function verifyDelivery(body: string, signature: string | undefined, key: KeyObject): boolean {
  if (!signature || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  return verify(null, Buffer.from(body), key, Buffer.from(signature, 'base64url'));
}
