import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { DEPARTMENTS } from '../departments.js';
import { keyFile, keysDir } from '../security/keys.js';

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
  const made = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return JSON.stringify({ privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) }, null, 2);
  };
  return JSON.parse(keyFile(join(keysDir(env), `audit-${department}.jwk.json`), made)) as AuditKeyPair;
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
    throw new Error(
      `${name} must be set in production (the ${department} department's ${half === 'SIGNING' ? 'private' : 'public'} Ed25519 JWK as JSON); development keys are refused there`,
    );
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
