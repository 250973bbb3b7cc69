import { hash } from 'node:crypto';
import { defineEntity, p, UniqueConstraintViolationException, type EntityManager, type InferEntity } from '@mikro-orm/core';
import type { Caller } from './context.js';
import { BadInputError, ErrorCode, ForbiddenError, GovError } from './errors.js';
import { nowInChina } from './time.js';

/**
 * Idempotent mutations, one meaning for every department: with an idempotencyKey, a mutation runs
 * at most once per caller and key. A repeat (same key, same mutation, same input) gets the first
 * result, as the record is now, and writes nothing; the same key with another mutation or input is
 * a CONFLICT. Keys belong to one caller (role and subject): another caller's key is another request.
 */

/**
 * 1 to 128 visible ASCII characters: room for a UUID (36), a ULID (26) or a hex SHA-256 (64) with a
 * prefix, and nothing invisible or look-alike, since the key is echoed in messages and logs.
 */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
export const IDEMPOTENCY_KEY_MAX = 128;

export const IdempotencyEntity = defineEntity({
  name: 'IdempotentRequest',
  tableName: 'idempotent_request',
  properties: {
    /** role:subject of the caller: keys of different callers never meet */
    caller: p.string().length(100).primary(),
    key: p.string().length(IDEMPOTENCY_KEY_MAX).name('idem_key').primary(),
    mutation: p.string().length(64),
    /** sha-256 of the canonical input (canonicalJson) */
    fingerprint: p.string().length(64),
    /** the id of the record the first run returned; null only inside that run's transaction */
    resultId: p.string().length(128).strictNullable(),
    createdAt: p.string().length(32),
  },
  // one answer per caller and key: of two requests racing on a key, the second fails on the primary key
  primaryKeys: ['caller', 'key'],
});
export type IdempotentRequestRow = InferEntity<typeof IdempotencyEntity>;

export interface IdempotentRequest {
  /** the mutation's name, e.g. submitCase */
  mutation: string;
  key: string | null | undefined;
  /** everything the mutation was asked but the key: a repeat must ask the same (null = omitted) */
  input: unknown;
}

/**
 * Runs `run` in one transaction, at most once per caller and key; without a key it simply runs.
 * The key is claimed before the work, so of two requests racing on one key only one does the work:
 * the other meets the claim (PostgreSQL: waits for it, then fails on the primary key; SQLite: its
 * transaction waits for the first), runs once more, and then answers like any repeat: the winner's
 * result if its input is the same, CONFLICT if not. A unique-index race inside the work itself (two
 * new records taking one id) is retried once the same way. A refusal rolls back the key with the rest.
 *
 * @param run does the work and returns the record; its id is what a repeat replays
 * @param replay loads that record again, for a repeat
 */
export async function idempotent<T extends { id: string }>(
  em: EntityManager,
  caller: Caller,
  request: IdempotentRequest,
  run: (tx: EntityManager) => Promise<T>,
  replay: (tx: EntityManager, id: string) => Promise<T>,
): Promise<T> {
  const { mutation, key } = request;
  if (key === null || key === undefined) return retryOnce(() => em.transactional(run));
  checkKey(key);
  const scope = callerScope(caller);
  const fingerprint = hash('sha256', canonicalJson(request.input));
  return retryOnce(() =>
    em.transactional(async (tx) => {
      const seen = await tx.findOne(IdempotencyEntity, { caller: scope, key });
      if (seen) {
        if (seen.mutation !== mutation || seen.fingerprint !== fingerprint || seen.resultId === null) throw conflict(key, seen.mutation, mutation);
        return replay(tx, seen.resultId);
      }
      await tx.insert(IdempotencyEntity, { caller: scope, key, mutation, fingerprint, resultId: null, createdAt: nowInChina() });
      const result = await run(tx);
      await tx.nativeUpdate(IdempotencyEntity, { caller: scope, key }, { resultId: result.id });
      return result;
    }),
  );
}

/** Refuses a key that is empty, too long or holds anything but visible ASCII, naming the argument. */
export function checkKey(key: string): void {
  if (IDEMPOTENCY_KEY.test(key)) return;
  const what = key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX ? `got ${key.length} characters` : 'it holds a space or a character outside visible ASCII';
  throw new BadInputError(`must be 1 to ${IDEMPOTENCY_KEY_MAX} visible ASCII characters (e.g. a UUID made by the client), ${what}`, 'idempotencyKey');
}

/** Whose keys these are: the role too, since a subject is unique only within its role (officer ids, resident ids, credit codes). */
function callerScope(caller: Caller): string {
  // a caller without a subject has nobody to keep keys for: sharing one scope would hand one caller another's result
  if (!caller.subject) throw new ForbiddenError('an idempotencyKey is kept per signed-in caller: sign in, or send the request without a key');
  return `${caller.role}:${caller.subject}`;
}

function conflict(key: string, used: string, asked: string): GovError {
  const what = used === asked ? `${used} with other input` : `another mutation (${used})`;
  return new GovError(
    ErrorCode.Conflict,
    `idempotencyKey "${key}" was already used for ${what}: send that request again unchanged to get its result, or use a new key for a new request`,
  );
}

/** One more try after a unique-index race, which then sees the winner's rows; a second race is a CONFLICT to retry. */
async function retryOnce<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    throw new GovError(ErrorCode.Conflict, 'another request changed the same records at the same time: read them again and retry');
  }
}

/**
 * JSON with object keys sorted and null and absent alike left out, so the same request hashes alike
 * however it was written: GraphQL treats an omitted optional argument and an explicit null the same.
 * Array items keep their place (a null item stays null).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') return canonicalJson(json.call(value));
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
