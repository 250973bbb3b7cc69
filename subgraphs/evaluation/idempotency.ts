import { hash } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { Caller } from '../../platform/context.js';
import { BadInputError, ErrorCode, GovError } from '../../platform/errors.js';
import { IdempotencyEntity } from './entities.js';
import { nowInChina } from '../../platform/time.js';

const MAX_KEY = 100;

export interface Request {
  mutation: string;
  key: string | null | undefined;
  /** the mutation's arguments but the key: a repeat must carry the same */
  input: unknown;
}

/**
 * Runs a mutation in one transaction, at most once per idempotency key of a
 * caller: a repeat with the same key and input replays the first result and
 * writes nothing; the same key with another input is a CONFLICT. Two requests
 * racing on one key (or one case) meet the database's unique indexes: the
 * loser runs again and then sees the winner's record.
 *
 * @param run does the work and returns the record; its id is what a repeat replays
 * @param replay loads the record a previous run returned
 */
export async function idempotent<T extends { id: string }>(
  em: EntityManager,
  caller: Caller,
  request: Request,
  run: (tx: EntityManager) => Promise<T>,
  replay: (tx: EntityManager, id: string) => Promise<T>,
): Promise<T> {
  const { key } = request;
  if (key !== null && key !== undefined && (key === '' || key.length > MAX_KEY)) throw new BadInputError(`must be 1–${MAX_KEY} characters`, 'idempotencyKey');
  const attempt = () =>
    em.transactional(async (tx) => {
      if (!key) return run(tx);
      const callerSubject = caller.subject ?? caller.role;
      const fingerprint = fingerprintOf(request);
      const seen = await tx.findOne(IdempotencyEntity, { callerSubject, key });
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          throw new GovError(ErrorCode.Conflict, `idempotencyKey ${key} was already used for another request (${seen.mutation}); repeat that request exactly or use a new key`);
        }
        return replay(tx, seen.resultId);
      }
      const result = await run(tx);
      await tx.insert(IdempotencyEntity, { callerSubject, key, mutation: request.mutation, fingerprint, resultId: result.id, createdAt: nowInChina() });
      return result;
    });
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return attempt();
    throw error;
  }
}

/** sha-256 of the mutation and its input with keys sorted and nulls dropped (absent = null in GraphQL). */
function fingerprintOf({ mutation, input }: Request): string {
  return hash('sha256', `${mutation}:${canonical(input)}`);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
