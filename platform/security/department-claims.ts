import type { JWK } from 'jose';
import { jwtSigner, jwtVerifier, JwtRefused, type VerifiedClaims } from './jws.js';
import { devKeyPair } from './keys.js';

/**
 * Signed claims between departments. Departments never import each other and share no
 * database: when one must prove a fact it owns to another (the cases department: "this case
 * ended, this is its applicant"), it signs the fact as a compact JWS (Ed25519) that the
 * client carries to the other, which verifies it with the issuer's public key only. The
 * receiving department can thus neither forge nor alter a claim, and the client carries it
 * without being able to change it.
 *
 * A channel names one kind of claim from one department to another; its key pair is that
 * channel's alone, so a token of one channel (or a gateway token) never verifies on another.
 */
export interface ClaimsChannel {
  /** the department that signs, e.g. 'cases' */
  issuer: string;
  /** the department that verifies, e.g. 'evaluation' */
  audience: string;
  /** what the claims are, carried as `kind` and checked, e.g. 'rating-ticket' */
  kind: string;
  /** the development key pair's name under GOVGRAPH_KEYS_DIR, e.g. 'cases-tickets' */
  pair: string;
  /** environment variables holding the private (issuer) and public (audience) JWK as JSON */
  signingKeyVariable: string;
  verifyKeyVariable: string;
}

/** Departments run on NTP-synchronised hosts, as for gateway tokens. */
const MAX_IAT_SKEW_SECONDS = 5;
const ISSUER_PREFIX = 'govgraph-';

/** Why claims were refused; `expired` is told apart so that a client can be told to fetch fresh ones. */
export class ClaimsRefused extends Error {
  constructor(
    readonly reason: 'expired' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** The channel's key half: from its environment variable, else (never in production) its development pair. */
export async function channelKey(channel: ClaimsChannel, half: 'privateJwk' | 'publicJwk', env: NodeJS.ProcessEnv = process.env): Promise<JWK> {
  const variable = half === 'privateJwk' ? channel.signingKeyVariable : channel.verifyKeyVariable;
  const value = env[variable];
  if (value) return JSON.parse(value) as JWK;
  if (env.NODE_ENV === 'production') throw new Error(`${variable} must be set in production (a JWK as JSON); development keys are refused there`);
  return (await devKeyPair(channel.pair, env))[half];
}

export type ClaimsSigner = (claims: Record<string, unknown>, ttlSeconds: number) => string;
export type ClaimsVerifier = (token: string) => VerifiedClaims;

/** Signs the channel's claims; issuer, audience, kind, iat and exp are set here and cannot be overridden. */
export async function claimsSigner(channel: ClaimsChannel, key?: JWK): Promise<ClaimsSigner> {
  const sign = jwtSigner(key ?? (await channelKey(channel, 'privateJwk')));
  return (claims, ttlSeconds) => {
    const iat = Math.floor(Date.now() / 1000);
    return sign({ ...claims, kind: channel.kind, iss: ISSUER_PREFIX + channel.issuer, aud: channel.audience, iat, exp: iat + ttlSeconds });
  };
}

/**
 * Verifies the channel's claims: signature by the issuer's key, issuer, audience, kind and
 * expiry (jws.ts has the exact rules). Anything else is the receiving department's to check.
 * @throws ClaimsRefused
 */
export async function claimsVerifier(channel: ClaimsChannel, key?: JWK): Promise<ClaimsVerifier> {
  const verify = jwtVerifier(key ?? (await channelKey(channel, 'publicJwk')), {
    issuer: ISSUER_PREFIX + channel.issuer,
    audience: channel.audience,
    maxIatSkewSeconds: MAX_IAT_SKEW_SECONDS,
  });
  return (token) => {
    let claims: VerifiedClaims;
    try {
      claims = verify(token);
    } catch (error) {
      // a hostile token may fail anywhere in parsing: every failure is a refusal, never a 500
      if (error instanceof JwtRefused && error.reason === 'expired') throw new ClaimsRefused('expired', 'expired');
      throw new ClaimsRefused('invalid', error instanceof JwtRefused ? error.message : 'not a signed token');
    }
    if (claims.kind !== channel.kind) throw new ClaimsRefused('invalid', `not a ${channel.kind}`);
    return claims;
  };
}

/** One signer or verifier per process, created on first use (key files are read once). */
export function lazily<T>(create: () => Promise<T>): () => Promise<T> {
  let created: Promise<T> | undefined;
  return () => {
    created ??= create().catch((error: unknown) => {
      created = undefined;
      throw error;
    });
    return created;
  };
}
