import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * Two key pairs, each per environment:
 * - identity: signs callers' tokens. In production only its public half is
 *   known, through AUTH_JWKS_URL; in development `npm run token` signs with a
 *   local pair.
 * - gateway: the gateway signs every request to a department; departments
 *   hold only the public half (GATEWAY_VERIFY_KEY), so no department can forge
 *   a gateway request.
 * Development pairs are created on first start under GOVGRAPH_KEYS_DIR (.keys/,
 * git-ignored) and never committed.
 */
export const ALGORITHM = 'EdDSA';

export interface KeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

export function keysDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.GOVGRAPH_KEYS_DIR ?? '.keys');
}

/** Creates a fresh Ed25519 pair (tests use this; nothing touches the disk). */
export async function newKeyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  return { privateJwk, publicJwk };
}

/**
 * The development pair `name` (identity, gateway, or a channel between departments), created on
 * first use; concurrent first starts all read one pair (keyFile).
 */
export async function devKeyPair(name: string, env: NodeJS.ProcessEnv = process.env): Promise<KeyPair> {
  const file = join(keysDir(env), `${name}.jwk.json`);
  const made = existsSync(file) ? '' : JSON.stringify(await newKeyPair(`${name}-dev-${Date.now().toString(36)}`), null, 2);
  return JSON.parse(keyFile(file, () => made)) as KeyPair;
}

/**
 * The text of a development key file, created with `make()` on first use. Atomic: the text is
 * written to a temporary file and linked to the name, and link() takes the name only if it is
 * free, so when processes start together every one reads the first key written (a rename would
 * let a later one replace it, a plain write would let one read a half-written file).
 */
export function keyFile(file: string, make: () => string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, make(), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  return readFileSync(file, 'utf8');
}

/** A JWK given as JSON in an environment variable, or the development pair's half. */
export async function configuredKey(
  variable: string,
  half: 'privateJwk' | 'publicJwk',
  dev: 'identity' | 'gateway' | 'router',
  env: NodeJS.ProcessEnv = process.env,
): Promise<JWK> {
  const value = env[variable];
  if (value) return JSON.parse(value) as JWK;
  if (env.NODE_ENV === 'production') throw new Error(`${variable} must be set in production (a JWK as JSON); development keys are refused there`);
  return (await devKeyPair(dev, env))[half];
}

/**
 * A 32-byte secret shared by a group of processes: the environment variable (hex), or in development
 * a file `<name>.key` under the keys folder, created once (whoever creates it first wins).
 */
export function sharedSecret(variable: string, name: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const value = env[variable];
  if (value) {
    if (!/^[0-9a-f]{64}$/i.test(value)) throw new Error(`${variable} must be 32 bytes as 64 hex characters`);
    return Buffer.from(value, 'hex');
  }
  if (env.NODE_ENV === 'production') throw new Error(`${variable} must be set in production (64 hex characters); development keys are refused there`);
  return Buffer.from(keyFile(join(keysDir(env), `${name}.key`), () => randomBytes(32).toString('hex')).trim(), 'hex');
}
