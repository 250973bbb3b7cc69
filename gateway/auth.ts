import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { GraphQLError } from 'graphql';
import { knownAgency } from '../reference/agencies.js';
import { ANONYMOUS, type Caller, type Role } from '../platform/context.js';
import { ErrorCode } from '../platform/errors.js';
import { devKeyPair } from '../platform/security/keys.js';
import { ROLES } from '../platform/security/roles.js';

export interface AuthConfig {
  /** production: the identity service's JWKS; unset in development (local key pair) */
  jwksUrl: string | null;
  issuer: string;
  audience: string;
}

export type Authenticate = (req: IncomingMessage) => Promise<Caller>;

/**
 * Verifies the caller's bearer token (signature, issuer, audience, expiry) and
 * turns its claims into a Caller. No token: anonymous. A bad token: 401, never
 * a silent downgrade to anonymous.
 */
export async function authenticator(config: AuthConfig): Promise<Authenticate> {
  const keys: JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
    : createLocalJWKSet({ keys: [(await devKeyPair('identity')).publicJwk] });
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1]!, keys, { issuer: config.issuer, audience: config.audience }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw unauthenticated(
        code === 'ERR_JWT_EXPIRED'
          ? 'Your token has expired; sign in again'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
            ? 'Token was issued for another service or issuer'
            : 'Token is not valid',
      );
    }
    const role = (typeof payload.role === 'string' ? payload.role.toUpperCase() : '') as Role;
    if (!ROLES.includes(role) || role === 'ANONYMOUS') throw unauthenticated(`Token role must be one of ${ROLES.filter((r) => r !== 'ANONYMOUS').join(', ')}`);
    if ((role === 'CITIZEN' || role === 'ENTERPRISE') && !payload.sub) throw unauthenticated('A citizen or enterprise token must name its subject');
    const department = typeof payload.dept === 'string' ? payload.dept : null;
    if (role === 'OFFICER') checkAgency(department);
    return {
      role,
      subject: payload.sub ?? null,
      department,
      scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : Array.isArray(payload.scopes) ? payload.scopes.map(String) : [],
    };
  };
}

/** An officer acts for an agency: the token must name one that exists (its unified social credit code). */
function checkAgency(department: string | null): void {
  if (!department) throw unauthenticated("An officer token must name the officer's agency (dept: its unified social credit code)");
  if (!knownAgency(department)) {
    throw unauthenticated(
      `The officer token names agency ${JSON.stringify(department.slice(0, 40))}, which is not an agency in the catalog; sign in again with your agency's unified social credit code`,
    );
  }
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } } });
}
