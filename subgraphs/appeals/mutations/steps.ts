import type { EntityManager } from '@mikro-orm/core';
import { BadInputError, ErrorCode, GovError, NotFoundError } from '../../../platform/errors.js';
import type { Context } from '../context.js';
import type { AppealSatisfaction, AppealStatus } from '../data/reference.js';
import { AppealEntity, type Appeal } from '../entities.js';
import { STEPS, stepsFrom, type Step } from '../lifecycle.js';
import { requireHandler } from './access.js';
import { idempotent } from '../../../platform/idempotency.js';

const MAX_TEXT = 2_000;

/**
 * Moves an appeal one handling step on. The status guard in the UPDATE makes a
 * step that raced with another one fail instead of overwriting it.
 *
 * @param changes what the step records, from the appeal as it is; may refuse with BAD_USER_INPUT
 * @throws ILLEGAL_TRANSITION when the step does not apply to the appeal's status (nothing changes)
 */
async function step(
  context: Context,
  name: Step,
  id: string,
  key: string | null | undefined,
  args: Record<string, unknown>,
  changes: (appeal: Appeal, today: string) => Partial<Appeal>,
): Promise<Appeal> {
  requireHandler(context.caller, name);
  return idempotent(
    context.em,
    context.caller,
    { mutation: name, key, input: { id, ...args } },
    async (em) => {
      const appeal = await em.findOne(AppealEntity, { id });
      if (!appeal) throw new NotFoundError('Appeal', id);
      const { from, to } = STEPS[name];
      if (!(from as readonly AppealStatus[]).includes(appeal.status)) {
        const now = stepsFrom(appeal.status);
        throw new GovError(
          ErrorCode.IllegalTransition,
          `Appeal ${id} is ${appeal.status}: ${name} applies only to ${from.join(' or ')} appeals; ${now.length ? `what applies now is ${now.join(' or ')}` : 'it is closed and nothing more applies'}`,
        );
      }
      const update: Partial<Appeal> = { ...changes(appeal, context.loaders.today), status: to };
      const updated = await em.nativeUpdate(AppealEntity, { id, status: appeal.status }, update);
      if (updated !== 1) throw new GovError(ErrorCode.Conflict, `Appeal ${id} changed while ${name} ran: read it again and retry`);
      return { ...appeal, ...update };
    },
    replayAppeal,
  );
}

/** The appeal an earlier request with the same idempotency key acted on, as it is now. */
export const replayAppeal = (em: EntityManager, id: string): Promise<Appeal> => em.findOneOrFail(AppealEntity, { id }) as Promise<Appeal>;

function checkText(value: string, argument: string): string {
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_TEXT) throw new BadInputError(`must be 1 to ${MAX_TEXT} characters, got ${text.length}`, argument);
  return text;
}

export function dispatchAppeal(context: Context, id: string, departmentCode: string, key?: string | null): Promise<Appeal> {
  // GB 32100: registration authority 1 (机构编制) and type 1 (机关) mark a government organ
  if (!departmentCode.startsWith('11')) throw new BadInputError('is not a government agency: agency credit codes start with 11', 'departmentCode');
  return step(context, 'dispatchAppeal', id, key, { departmentCode }, (appeal, today) => {
    if (appeal.status === 'RETURNED' && appeal.returnedBy === departmentCode) {
      throw new BadInputError(`${departmentCode} returned this appeal as not theirs: dispatch it to another agency`, 'departmentCode');
    }
    return { departmentCode, dispatchedOn: today };
  });
}

export function returnAppeal(context: Context, id: string, reason: string, key?: string | null): Promise<Appeal> {
  const text = checkText(reason, 'reason');
  return step(context, 'returnAppeal', id, key, { reason: text }, (appeal) => ({
    departmentCode: null,
    returnedBy: appeal.departmentCode,
    returnReason: text,
    returnCount: appeal.returnCount + 1,
  }));
}

export function respondToAppeal(context: Context, id: string, response: string, key?: string | null): Promise<Appeal> {
  const text = checkText(response, 'response');
  return step(context, 'respondToAppeal', id, key, { response: text }, (_, today) => ({ response: text, respondedOn: today }));
}

export function closeAppeal(context: Context, id: string, satisfaction: AppealSatisfaction | null | undefined, key?: string | null): Promise<Appeal> {
  return step(context, 'closeAppeal', id, key, { satisfaction: satisfaction ?? null }, (appeal, today) => {
    if (appeal.appellantId === null && satisfaction) {
      throw new BadInputError('an anonymous appellant cannot be called back: close it without a satisfaction', 'satisfaction');
    }
    return { closedOn: today, satisfaction: satisfaction ?? null };
  });
}
