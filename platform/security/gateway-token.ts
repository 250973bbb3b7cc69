import { hash, randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import type { Caller, Role } from '../context.js';
import { jwtSigner, jwtVerifier, JwtRefused, type VerifiedClaims } from './jws.js';

/** How long a gateway-to-department token lives: one fetch, with room for clock skew. */
export const GATEWAY_TOKEN_TTL_SECONDS = 30;
const ISSUER = 'govgraph-gateway';
/** Gateway and departments run on NTP-synchronised hosts; a token from further ahead was not made by a sane clock. */
const MAX_IAT_SKEW_SECONDS = 5;

/** What the gateway vouches for on one department request. */
export interface GatewayClaims {
  caller: Caller;
  purpose: string | null;
  requestId: string;
  clientName: string | null;
}

/**
 * Signs the token for one department request. `body` is the exact request body (or, for a GET, the
 * query string) the token travels with: its digest is in the token, so a captured token is good for
 * that one request and nothing else.
 */
export type Signer = (department: string, claims: GatewayClaims, body: string) => Promise<string>;

/** sha256 of a request body, base64url: the `bd` claim. */
export function bodyDigest(body: string): string {
  return hash('sha256', body, 'base64url');
}

/** Signs one token per department fetch; the audience is the department, so it cannot be replayed elsewhere. */
export async function gatewaySigner(privateJwk: JWK): Promise<Signer> {
  const sign = jwtSigner(privateJwk);
  return async (department, { caller, purpose, requestId, clientName }, body) => {
    const iat = Math.floor(Date.now() / 1000);
    // the claims and their order are those jose's SignJWT wrote, so tokens read the same as before
    return sign({
      role: caller.role,
      dept: caller.department,
      scopes: caller.scopes,
      purpose,
      rid: requestId,
      client: clientName,
      iss: ISSUER,
      aud: department,
      sub: caller.subject ?? 'anonymous',
      jti: randomUUID(),
      iat,
      exp: iat + GATEWAY_TOKEN_TTL_SECONDS,
      bd: bodyDigest(body),
    });
  };
}

export class GatewayTokenError extends Error {}

/**
 * Verifies a department's incoming token: signature, issuer, audience (this
 * department), expiry (required), issue time, that it was made for this very
 * request body, and that its id was never seen before (no replay). The exact
 * JWS rules are in jws.ts.
 */
export async function gatewayVerifier(publicJwk: JWK, department: string): Promise<(token: string | undefined, body: string) => Promise<GatewayClaims>> {
  const verify = jwtVerifier(publicJwk, { issuer: ISSUER, audience: department, maxIatSkewSeconds: MAX_IAT_SKEW_SECONDS });
  const seen = new Map<string, number>(); // jti -> expiry (ms)
  return async (token, body) => {
    if (!token) throw new GatewayTokenError('this department answers only the gateway: the request carries no gateway token');
    let payload: VerifiedClaims;
    try {
      payload = verify(token);
    } catch (error) {
      // anything unexpected in a hostile token is a refusal too, never a 500
      throw new GatewayTokenError(
        `gateway token refused: ${error instanceof JwtRefused && error.reason === 'expired' ? 'expired' : 'invalid signature or claims'}`,
      );
    }
    // checked before the id is spent, so a token sent with another body cannot burn the real request's token
    if (payload.bd !== bodyDigest(body)) throw new GatewayTokenError('gateway token refused: it was made for another request');
    const now = Date.now();
    if (typeof payload.jti !== 'string' || !payload.jti || seen.has(payload.jti)) throw new GatewayTokenError('gateway token refused: already used (replay)');
    // ids arrive roughly in expiry order, so dropping expired ones from the front is amortised O(1)
    for (const [jti, exp] of seen) {
      if (exp >= now) break;
      seen.delete(jti);
    }
    seen.set(payload.jti, payload.exp * 1000);
    const role = String(payload.role) as Role;
    return {
      caller: {
        role,
        subject: typeof payload.sub === 'string' && payload.sub && payload.sub !== 'anonymous' ? payload.sub : null,
        department: typeof payload.dept === 'string' ? payload.dept : null,
        scopes: Array.isArray(payload.scopes) ? payload.scopes.map(String) : [],
      },
      purpose: typeof payload.purpose === 'string' ? payload.purpose : null,
      requestId: typeof payload.rid === 'string' ? payload.rid : '',
      clientName: typeof payload.client === 'string' ? payload.client : null,
    };
  };
}
