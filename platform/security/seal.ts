import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { ForbiddenError } from '../errors.js';
import { sharedSecret } from './keys.js';
import { vouchesOf } from './relations.js';

/**
 * Sealed identity numbers: how departments exchange a key they may not show.
 *
 * A department masks at the source, so the gateway never holds an identity
 * number its caller may not see. But the gateway joins departments by key: an
 * officer without `population:unmask` who asks for a person and their
 * certificates needs population's Person.id to reach certificates. So where a
 * whole identity number is masked, the department sends
 * `<masked display>~gs1.<sealed>`: the display the caller may see, and the
 * number sealed with a key only departments hold (DEPARTMENT_SEAL_KEY),
 * bound to the request id. The gateway shows the display part; a department
 * that receives the value in an entity representation unseals it.
 *
 * Deterministic within a request (the IV is a MAC of request and number), so
 * the planner's de-duplication of equal keys still works; useless in another
 * request, so a sealed value that leaks cannot be replayed as a reference.
 */
const MARK = '~gs1.';
const SEALED = /^([^~]{1,40})~gs1\.([A-Za-z0-9_-]{40,200})$/;
/** Between the number and what its department vouches for it (relations.ts), inside the seal. */
const VOUCH = '\n';

export interface Opened {
  value: string;
  /** what the sealing department vouched for about this number in this request, if anything */
  vouch: string | null;
}

export interface Sealer {
  seal(value: string, display: string, requestId: string, vouch?: string | null): string;
  /** the sealed number, or null when the value is not sealed; throws when it is sealed but not for this request */
  unseal(value: string, requestId: string): Opened | null;
}

export function sealer(key: Buffer = sharedSecret('DEPARTMENT_SEAL_KEY', 'department-seal')): Sealer {
  const mac = (requestId: string, value: string) => createHmac('sha256', key).update(requestId).update('\0').update(value).digest().subarray(0, 12);
  return {
    seal(value, display, requestId, vouch) {
      const plain = vouch ? `${value}${VOUCH}${vouch}` : value;
      const iv = mac(requestId, plain);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(requestId));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${display}${MARK}${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
    },
    unseal(value, requestId) {
      const match = SEALED.exec(value);
      if (!match) return null;
      const raw = Buffer.from(match[2]!, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAAD(Buffer.from(requestId));
        decipher.setAuthTag(raw.subarray(raw.length - 16));
        const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
        const at = plain.indexOf(VOUCH);
        return at < 0 ? { value: plain, vouch: null } : { value: plain.slice(0, at), vouch: plain.slice(at + 1) };
      } catch {
        throw new SealRefused();
      }
    },
  };
}

export class SealRefused extends Error {
  constructor() {
    super('a sealed reference was altered or made for another request');
  }
}

/** What a caller may see of a sealed value: its masked display (the gateway strips the seal). */
export function sealedDisplay(value: string): string | null {
  const at = value.indexOf(MARK);
  return at > 0 && SEALED.test(value) ? value.slice(0, at) : null;
}

/**
 * A department's side of sealed keys: entity representations (and any other
 * variable) that carry a sealed number are unsealed before execution; one
 * altered or sealed for another request is refused.
 */
export function unsealPlugin(keys: Sealer): ApolloServerPlugin<{ requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, contextValue }) {
          if (!request.variables) return;
          try {
            unsealIn(request.variables, keys, contextValue.requestId, vouchesOf(contextValue));
          } catch (error) {
            if (error instanceof SealRefused) throw new ForbiddenError(`Refused: ${error.message}`);
            throw error;
          }
        },
      };
    },
  };
}

function unsealIn(value: Record<string, unknown> | unknown[], keys: Sealer, requestId: string, vouches: Map<string, string>): void {
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'string') {
      if (!inner.includes(MARK)) continue;
      const opened = keys.unseal(inner, requestId);
      if (opened === null) continue;
      (value as Record<string, unknown>)[key] = opened.value;
      if (opened.vouch) vouches.set(opened.value, opened.vouch);
    } else if (inner !== null && typeof inner === 'object') unsealIn(inner as Record<string, unknown>, keys, requestId, vouches);
  }
}
