import { randomUUID } from 'node:crypto';
import { importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import type { Caller, Role } from '../context.js';
import { ALGORITHM } from './keys.js';

/** How long a gateway-to-department token lives: one fetch, with room for clock skew. */
export const GATEWAY_TOKEN_TTL_SECONDS = 30;
const ISSUER = 'govgraph-gateway';

/** What the gateway vouches for on one department request. */
export interface GatewayClaims {
  caller: Caller;
  purpose: string | null;
  requestId: string;
  clientName: string | null;
}

export type Signer = (department: string, claims: GatewayClaims) => Promise<string>;

/** Signs one token per department fetch; the audience is the department, so it cannot be replayed elsewhere. */
export async function gatewaySigner(privateJwk: JWK): Promise<Signer> {
  const key = await importJWK(privateJwk, ALGORITHM);
  return (department, { caller, purpose, requestId, clientName }) =>
    new SignJWT({ role: caller.role, dept: caller.department, scopes: caller.scopes, purpose, rid: requestId, client: clientName })
      .setProtectedHeader({ alg: ALGORITHM, kid: privateJwk.kid })
      .setIssuer(ISSUER)
      .setAudience(department)
      .setSubject(caller.subject ?? 'anonymous')
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${GATEWAY_TOKEN_TTL_SECONDS}s`)
      .sign(key);
}

export class GatewayTokenError extends Error {}

/**
 * Verifies a department's incoming token: signature, issuer, audience (this
 * department), expiry, and that its id was never seen before (no replay).
 */
export async function gatewayVerifier(publicJwk: JWK, department: string): Promise<(token: string | undefined) => Promise<GatewayClaims>> {
  const key = await importJWK(publicJwk, ALGORITHM);
  const seen = new Map<string, number>(); // jti -> expiry (ms)
  return async (token) => {
    if (!token) throw new GatewayTokenError('this department answers only the gateway: the request carries no gateway token');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: department, algorithms: [ALGORITHM] }));
    } catch (error) {
      throw new GatewayTokenError(`gateway token refused: ${(error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid signature or claims'}`);
    }
    const now = Date.now();
    if (!payload.jti || seen.has(payload.jti)) throw new GatewayTokenError('gateway token refused: already used (replay)');
    // ids arrive roughly in expiry order, so dropping expired ones from the front is amortised O(1)
    for (const [jti, exp] of seen) {
      if (exp >= now) break;
      seen.delete(jti);
    }
    seen.set(payload.jti, (payload.exp ?? 0) * 1000);
    const role = String(payload.role) as Role;
    return {
      caller: {
        role,
        subject: payload.sub && payload.sub !== 'anonymous' ? payload.sub : null,
        department: typeof payload.dept === 'string' ? payload.dept : null,
        scopes: Array.isArray(payload.scopes) ? payload.scopes.map(String) : [],
      },
      purpose: typeof payload.purpose === 'string' ? payload.purpose : null,
      requestId: String(payload.rid ?? ''),
      clientName: typeof payload.client === 'string' ? payload.client : null,
    };
  };
}
