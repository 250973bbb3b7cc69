import { randomInt } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '../../platform/context.js';
import { BadInputError, ForbiddenError } from '../../platform/errors.js';
import { WRITE_SCOPE } from './access.js';
import { MandateEntity, type ApplicantKind, type Mandate } from './entities.js';
import { checkApplicant, itemFor } from './validate.js';

/** A mandate covers at most this many items, for at most a year: an agent's power stays narrow. */
export const MAX_ITEMS = 20;
const MAX_VALIDITY_MS = 366 * 24 * 3600 * 1000;
const SERIAL = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** M + the UTC creation time to the second + 6 random characters: newest sorts last. */
export function newMandateId(now: Date): string {
  return `M${now.toISOString().replace(/\D/g, '').slice(0, 14)}${Array.from({ length: 6 }, () => SERIAL[randomInt(SERIAL.length)]).join('')}`;
}

/** Started, not expired, not revoked, at `now` (ISO). */
export const isActive = (m: Mandate, now: string) => m.revokedAt === null && m.validFrom <= now && now < m.validUntil;

/** Whether the mandate `load` finds is active now (e.g. through the request's mandateById loader). */
export const standsNow =
  (load: (id: string) => Promise<Mandate | null>) =>
  async (id: string): Promise<boolean> => {
    const mandate = await load(id);
    return !!mandate && isActive(mandate, new Date().toISOString());
  };

/**
 * The ids of the mandates `agentId` holds that are active now: an agent reaches a case submitted
 * under a mandate only while that mandate stands (revoked or expired, the case is the principal's
 * alone). Cases on record without a mandate (before mandates existed) stay the agent's.
 */
export async function activeMandatesOf(em: EntityManager, agentId: string, now = new Date().toISOString()): Promise<string[]> {
  const held = await em.find(MandateEntity, { agentId, revokedAt: null, validFrom: { $lte: now }, validUntil: { $gt: now } }, { fields: ['id'] });
  return held.map((m) => m.id);
}

export interface MandateRequest {
  principalKind: ApplicantKind;
  principalId: string;
  agentId: string;
  itemCodes: readonly string[];
  validFrom?: string | null;
  validUntil: string;
}

/** Parses an ISO 8601 date-time with a zone into its UTC form, naming the argument when it is not one. */
function instant(value: string, argument: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
  if (!ok) throw new BadInputError(`must be an ISO 8601 date-time with a zone, e.g. 2026-03-01T09:00:00+08:00; got ${JSON.stringify(value)}`, argument);
  return new Date(value).toISOString();
}

/**
 * Checks what a mandate would say: the principal's id for its kind, an agent
 * other than the principal, known items for that kind of applicant, and a
 * validity that ends in the future, at most a year after it starts.
 *
 * @returns the items (deduplicated) and the validity in stored form
 */
export function checkMandate(input: MandateRequest, now: Date): { itemCodes: string[]; validFrom: string; validUntil: string } {
  checkApplicant(input.principalKind, input.principalId, 'input.principalId');
  if (input.agentId === input.principalId) throw new BadInputError('the agent must be someone other than the principal', 'input.agentId');
  const itemCodes = [...new Set(input.itemCodes)];
  if (itemCodes.length < 1 || itemCodes.length > MAX_ITEMS)
    throw new BadInputError(`name 1..${MAX_ITEMS} service items, got ${itemCodes.length}`, 'input.itemCodes');
  for (const code of itemCodes) itemFor(code, input.principalKind, 'input.itemCodes');
  const validFrom = input.validFrom ? instant(input.validFrom, 'input.validFrom') : now.toISOString();
  const validUntil = instant(input.validUntil, 'input.validUntil');
  if (validUntil <= validFrom || validUntil <= now.toISOString()) throw new BadInputError('must be in the future and after validFrom', 'input.validUntil');
  if (Date.parse(validUntil) - Date.parse(validFrom) > MAX_VALIDITY_MS)
    throw new BadInputError('a mandate lasts at most one year; grant a new one when it ends', 'input.validUntil');
  return { itemCodes, validFrom, validUntil };
}

/**
 * Who may put a mandate on record: the principal themselves (their own sign-in,
 * never in someone else's name), or an officer with cases:write at a window,
 * who must state why (x-purpose: e.g. the paper mandate's reference).
 *
 * @throws ForbiddenError for anyone else
 */
export function requireGrantor(caller: Caller, purpose: string | null, { principalKind, principalId }: MandateRequest, viaWindow: boolean): void {
  if (viaWindow) {
    if (caller.role !== 'OFFICER' || !caller.scopes.includes(WRITE_SCOPE))
      throw new ForbiddenError(`Registering a mandate needs an officer with the scope ${WRITE_SCOPE}`);
    if (!purpose?.trim()) throw new ForbiddenError('Registering a mandate needs a stated purpose: send the x-purpose header, e.g. the paper mandate reference');
    return;
  }
  const own = (caller.role === 'CITIZEN' && principalKind === 'PERSON') || (caller.role === 'ENTERPRISE' && principalKind === 'ENTERPRISE');
  if (!own || !caller.subject || caller.subject !== principalId) {
    throw new ForbiddenError('You can grant a mandate only in your own name: principalKind and principalId must be your own sign-in');
  }
}

/**
 * The active mandate under which `agentId` may act for the applicant on `itemCode`
 * at `now`, the newest when several are; null when there is none.
 */
export async function findMandate(
  em: EntityManager,
  applicant: { applicantKind: ApplicantKind; applicantId: string },
  agentId: string,
  itemCode: string,
  now: string,
): Promise<Mandate | null> {
  const candidates = await em.find(
    MandateEntity,
    {
      agentId,
      principalKind: applicant.applicantKind,
      principalId: applicant.applicantId,
      revokedAt: null,
      validFrom: { $lte: now },
      validUntil: { $gt: now },
    },
    { orderBy: { id: 'desc' } },
  );
  return candidates.find((m) => m.itemCodes.includes(itemCode)) ?? null;
}

/**
 * A submission for someone else needs their mandate for this item, valid now.
 * The refusal reads the same whether or not the applicant exists or has other mandates.
 *
 * @returns the mandate's id, recorded on the case
 * @throws ForbiddenError when there is none
 */
export async function requireMandate(
  em: EntityManager,
  input: { applicantKind: ApplicantKind; applicantId: string; itemCode: string },
  agentId: string,
): Promise<string> {
  const mandate = await findMandate(em, input, agentId, input.itemCode, new Date().toISOString());
  if (!mandate) {
    throw new ForbiddenError(
      `Acting for ${input.applicantKind === 'PERSON' ? 'another person' : 'an enterprise'} needs their mandate (授权委托) for ${input.itemCode}, valid now: ask them to grant one (grantMandate) or register one at a hall window`,
    );
  }
  return mandate.id;
}
