import { hash } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { BadInputError, ErrorCode, GovError } from '../../../platform/errors.js';
import type { Context } from '../context.js';
import { AppealEntity, AppealRequestEntity, type Appeal } from '../entities.js';
import { nowInChina } from '../../../platform/time.js';

const MAX_KEY_LENGTH = 200;

/** JSON with sorted keys, so the same arguments always give the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k] ?? null)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs a mutation in a transaction, at most once per caller and idempotency key:
 * a repeat with the same key and arguments returns the appeal it acted on, as
 * it is now, and changes nothing; the same key with other arguments (or for
 * another mutation) is a CONFLICT. A unique-key race (two repeats at once, or
 * two new appeals taking the same id) is retried once, and the retry finds the
 * winner's result.
 */
export async function idempotent(
  { em, caller }: Context,
  mutation: string,
  key: string | null | undefined,
  args: Record<string, unknown>,
  run: (em: EntityManager) => Promise<Appeal>,
): Promise<Appeal> {
  if (key !== null && key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
    throw new BadInputError(`must be 1 to ${MAX_KEY_LENGTH} characters, e.g. a UUID made by the client`, 'idempotencyKey');
  }
  const subject = caller.subject ?? '';
  const fingerprint = hash('sha256', canonical({ mutation, args }));
  const attempt = () =>
    em.fork().transactional(async (tx) => {
      if (key) {
        const previous = await tx.findOne(AppealRequestEntity, { subject, key });
        if (previous) {
          if (previous.fingerprint !== fingerprint) {
            throw new GovError(ErrorCode.Conflict, `idempotencyKey "${key}" was already used for ${previous.mutation} with other arguments: use a new key for a new request`);
          }
          return (await tx.findOneOrFail(AppealEntity, { id: previous.appealId })) as Appeal;
        }
      }
      const appeal = await run(tx);
      if (key) await tx.insert(AppealRequestEntity, { subject, key, mutation, fingerprint, appealId: appeal.id, createdAt: nowInChina() });
      return appeal;
    });
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return attempt();
    throw error;
  }
}
