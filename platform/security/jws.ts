import { createPrivateKey, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

/**
 * Compact JWTs (RFC 7515/7519) signed with Ed25519 through node:crypto. The tokens are
 * byte for byte what jose makes, but node:crypto signs and verifies in one synchronous
 * call, where jose's WebCrypto path queues a thread-pool job per call: that cost ~4% of
 * the gateway's CPU and ~5% of each department's on every request.
 */
export const JWS_ALGORITHM = 'EdDSA';

/** Why a token was refused: `expired` is told apart because it points at slowness or clock skew, not at forgery. */
export class JwtRefused extends Error {
  constructor(
    readonly reason: 'expired' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Claims every accepted token carries, checked; the rest are the issuer's to interpret. */
export type VerifiedClaims = Record<string, unknown> & { iss: string; aud: string | string[]; exp: number };

export interface ClaimRules {
  issuer: string;
  /** the token's `aud` must be this, or an array containing it */
  audience: string;
  /** how far `iat` may lie ahead of this clock before the token is refused */
  maxIatSkewSeconds: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Creates the signing function for one Ed25519 private JWK; claims are signed in the order given. */
export function jwtSigner(privateJwk: JWK): (claims: Record<string, unknown>) => string {
  const key = ed25519Key(privateJwk, createPrivateKey);
  // the header never changes for a key, so it is encoded once
  const header = Buffer.from(JSON.stringify({ alg: JWS_ALGORITHM, kid: privateJwk.kid })).toString('base64url');
  return (claims) => {
    const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
  };
}

/**
 * Creates the verifying function for one Ed25519 public JWK. A token is refused unless it
 * has exactly three canonical base64url parts, a header with alg EdDSA and no `crit`, a
 * valid signature (checked before anything in the payload is read), the issuer, the
 * audience, an `exp` still ahead (no clock tolerance, as with jose's defaults), an `nbf`
 * (if any) not ahead and an `iat` (if any) not ahead by more than the allowed skew.
 * @throws JwtRefused
 */
export function jwtVerifier(publicJwk: JWK, rules: ClaimRules): (token: string) => VerifiedClaims {
  const key = ed25519Key(publicJwk, createPublicKey);
  return (token) => {
    const parts = token.split('.');
    if (parts.length !== 3) throw invalid('not a compact JWS');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = json(headerPart, 'header');
    if (header.alg !== JWS_ALGORITHM) throw invalid('unexpected alg');
    // we understand no extension, so any critical one must be refused (RFC 7515 §4.1.11)
    if ('crit' in header) throw invalid('unsupported crit');
    if (header.typ !== undefined && (typeof header.typ !== 'string' || !/^(application\/)?jwt$/i.test(header.typ))) throw invalid('unexpected typ');
    if (!verify(null, Buffer.from(`${headerPart}.${payloadPart}`), key, bytes(signaturePart, 'signature'))) throw invalid('bad signature');
    return checkClaims(json(payloadPart, 'payload'), rules, Math.floor(Date.now() / 1000));
  };
}

function checkClaims(claims: Record<string, unknown>, { issuer, audience, maxIatSkewSeconds }: ClaimRules, now: number): VerifiedClaims {
  const { iss, aud, exp, nbf, iat } = claims;
  if (iss !== issuer) throw invalid('unexpected iss');
  if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) throw invalid('unexpected aud');
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now)) throw invalid('nbf in the future');
  if (iat !== undefined && (typeof iat !== 'number' || iat > now + maxIatSkewSeconds)) throw invalid('iat in the future');
  // required: a token without an end would be single-use only as long as its id is remembered
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw invalid('no exp');
  if (exp <= now) throw new JwtRefused('expired', '"exp" claim timestamp check failed');
  return claims as VerifiedClaims;
}

/** Decodes base64url strictly: a part that is not the canonical encoding of its bytes is refused, so no two texts verify as one token. */
function bytes(part: string, label: string): Buffer {
  const decoded = Buffer.from(part, 'base64url');
  if (decoded.toString('base64url') !== part) throw invalid(`${label} is not canonical base64url`);
  return decoded;
}

function json(part: string, label: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes(part, label)));
  } catch (error) {
    if (error instanceof JwtRefused) throw error;
    throw invalid(`${label} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${label} is not a JSON object`);
  return value as Record<string, unknown>;
}

function invalid(message: string): JwtRefused {
  return new JwtRefused('invalid', message);
}

function ed25519Key(jwk: JWK, create: (input: { key: JsonWebKey; format: 'jwk' }) => KeyObject): KeyObject {
  const key = create({ key: jwk as JsonWebKey, format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`expected an Ed25519 key, got ${key.asymmetricKeyType ?? 'a symmetric key'}`);
  return key;
}
