import { importJWK, SignJWT } from 'jose';
import type { Role } from '../context.js';
import { checkCreditCode, checkResidentId } from '../identifiers/index.js';
import { ALGORITHM, type KeyPair } from './keys.js';
import { ROLES } from './roles.js';

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

/** What `npm run token` and the console's development sign-in are asked for: a role by name and what it needs. */
export interface DevTokenArgs {
  role: string;
  subject?: string;
  department?: string;
  scopes?: readonly string[];
  ttl?: string;
}

/**
 * The token request for a development caller, or what is wrong with the arguments (a sentence to act on):
 * a citizen is named by a valid identity number, an enterprise by a valid credit code, an officer by an agency.
 * Supervisors and auditors default to their role's name as subject, officers to officer-<agency>.
 */
export function devTokenRequest(args: DevTokenArgs): TokenRequest | { problem: string } {
  const role = args.role.toUpperCase();
  const { subject, department } = args;
  if (!ROLES.includes(role as Role) || role === 'ANONYMOUS')
    return {
      problem: `the role must be one of ${ROLES.filter((r) => r !== 'ANONYMOUS')
        .join(', ')
        .toLowerCase()} (anonymous callers send no token)`,
    };
  if (role === 'CITIZEN' && (!subject || checkResidentId(subject)))
    return {
      problem: `a citizen's subject is their identity number (resident identity card, residence permit or foreigner's permanent residence card)${subject ? `: ${checkResidentId(subject)}` : ''}`,
    };
  if (role === 'ENTERPRISE' && (!subject || checkCreditCode(subject)))
    return { problem: `an enterprise's subject is its unified social credit code${subject ? `: ${checkCreditCode(subject)}` : ''}` };
  if (role === 'OFFICER' && !department) return { problem: 'an officer needs department (the agency code) and usually scopes, e.g. population:read' };
  return {
    role: role as TokenRequest['role'],
    subject: subject ?? (role === 'OFFICER' ? `officer-${department}` : role.toLowerCase()),
    department,
    scopes: [...(args.scopes ?? [])],
    expiresIn: args.ttl,
  };
}
