import { importJWK, SignJWT } from 'jose';
import type { Role } from '../context.js';
import { ALGORITHM, type KeyPair } from './keys.js';

export const DEV_ISSUER = 'govgraph-dev-identity';
export const DEV_AUDIENCE = 'govgraph';

export interface TokenRequest {
  role: Exclude<Role, 'ANONYMOUS'>;
  subject?: string;
  department?: string;
  scopes?: string[];
  /** e.g. '1h', '-1m' for an already expired token (tests) */
  expiresIn?: string;
  issuer?: string;
  audience?: string;
}

/** Signs a caller token the way the unified identity service does, with a development key. */
export async function mintToken(pair: KeyPair, request: TokenRequest): Promise<string> {
  const key = await importJWK(pair.privateJwk, ALGORITHM);
  const jwt = new SignJWT({ role: request.role, dept: request.department, scope: (request.scopes ?? []).join(' ') })
    .setProtectedHeader({ alg: ALGORITHM, kid: pair.privateJwk.kid })
    .setIssuer(request.issuer ?? DEV_ISSUER)
    .setAudience(request.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn?.startsWith('-') ? Math.floor(Date.now() / 1000) - 60 : (request.expiresIn ?? '8h'));
  if (request.subject) jwt.setSubject(request.subject);
  return jwt.sign(key);
}
