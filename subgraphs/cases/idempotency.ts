import { hash } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { BadInputError, ErrorCode, GovError } from '../../platform/errors.js';
import { CaseEntity, IdempotencyEntity, type Case } from './entities.js';
import type { Context } from './context.js';
import { nowInChina } from '../../platform/time.js';

const MAX_KEY = 128;

export interface Once {
  mutation: string;
  key: string | null | undefined;
  /** everything the mutation was asked, but the key: a repeat must ask the same */
  input: unknown;
}

/**
 * Runs a mutation in one transaction, at most once per caller and key: a repeat
 * returns the case the first call produced (as it is now) and changes nothing;
 * the same key with another mutation or input is a CONFLICT. Without a key the
 * mutation simply runs. A refusal rolls everything back, the key included.
 */
export async function runOnce({ em, caller }: Context, { mutation, key, input }: Once, work: (tx: EntityManager) => Promise<Case>): Promise<Case> {
  if (key === null || key === undefined) return em.transactional(work);
  if (key.length < 1 || key.length > MAX_KEY) throw new BadInputError(`must be 1..${MAX_KEY} characters, got ${key.length}`, 'idempotencyKey');
  const callerSubject = caller.subject ?? caller.role;
  const fingerprint = hash('sha256', stableJson(input));
  try {
    return await em.transactional(async (tx) => {
      const seen = await tx.findOne(IdempotencyEntity, { callerSubject, idemKey: key });
      if (seen) {
        if (seen.mutation !== mutation || seen.fingerprint !== fingerprint) {
          throw new GovError(ErrorCode.Conflict, `idempotencyKey "${key}" was already used for ${seen.mutation} with other input (case ${seen.caseId}); use a new key for a new request`);
        }
        return tx.findOneOrFail(CaseEntity, { id: seen.caseId });
      }
      const result = await work(tx);
      await tx.insert(IdempotencyEntity, { callerSubject, idemKey: key, mutation, fingerprint, caseId: result.id, createdAt: nowInChina() });
      return result;
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    throw new GovError(ErrorCode.Conflict, `idempotencyKey "${key}" is being used by a request running at the same time; retry to get its result`);
  }
}

/** JSON with object keys sorted and absent = null, so equal inputs hash alike however they were written. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
