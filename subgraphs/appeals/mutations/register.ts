import type { EntityManager } from '@mikro-orm/core';
import { BadInputError } from '../../../platform/errors.js';
import { defaultCalendar } from '../../../platform/working-days.js';
import type { Context } from '../context.js';
import { RESPONSE_LIMIT_DAYS } from '../data/reference.js';
import { monthOf, weekOf } from '../dates.js';
import { AppealEntity, type Appeal } from '../entities.js';
import type { RegisterAppealInput } from '../generated/resolvers.js';
import { appellantFor } from './access.js';
import { idempotent } from '../../../platform/idempotency.js';
import { replayAppeal } from './steps.js';
import { nowInChina } from '../../../platform/time.js';
import { jurisdictionOf, withJurisdiction } from '../../../platform/identifiers/index.js';

const MAX_TEXT = 2_000;

/** Registers a RECEIVED appeal with its deadline; see schema.graphql Mutation.registerAppeal. */
export async function registerAppeal(context: Context, input: RegisterAppealInput, idempotencyKey: string | null | undefined): Promise<Appeal> {
  const appellantId = appellantFor(context.caller, input.appellant);
  const text = input.text.trim();
  if (text.length === 0 || text.length > MAX_TEXT) throw new BadInputError(`must be 1 to ${MAX_TEXT} characters, got ${text.length}`, 'input.text');
  // the scalar checks the code's shape (provinces 11–82); the appeal's id begins with its province, so that must be one
  if (!jurisdictionOf(input.region))
    throw new BadInputError(`${input.region} lies in no province of GB/T 2260; give the division the appeal concerns`, 'input.region');
  return idempotent(
    context.em,
    context.caller,
    { mutation: 'registerAppeal', key: idempotencyKey, input },
    async (em) => {
      const receivedAt = nowInChina();
      const receivedOn = receivedAt.slice(0, 10);
      const responseLimitDays = RESPONSE_LIMIT_DAYS[input.kind];
      const appeal: Appeal = {
        id: await nextId(em, input.region, receivedOn),
        kind: input.kind,
        category: input.category,
        text,
        regionCode: input.region,
        appellantId,
        channel: input.channel,
        receivedAt,
        receivedOn,
        receivedWeek: weekOf(receivedOn),
        receivedMonth: monthOf(receivedOn),
        responseLimitDays,
        deadline: defaultCalendar().addWorkingDays(receivedOn, responseLimitDays),
        departmentCode: null,
        dispatchedOn: null,
        returnCount: 0,
        returnedBy: null,
        returnReason: null,
        status: 'RECEIVED',
        response: null,
        respondedOn: null,
        closedOn: null,
        satisfaction: null,
      };
      await em.insert(AppealEntity, appeal);
      return appeal;
    },
    replayAppeal,
  );
}

/** The next free id of the day in the region's province: province, A, YYYYMMDD, then one more than the highest serial. */
async function nextId(em: EntityManager, region: string, day: string): Promise<string> {
  const prefix = withJurisdiction(region, `A${day.replaceAll('-', '')}`);
  const last = await em.findOne(AppealEntity, { id: { $gte: `${prefix}00000000`, $lte: `${prefix}99999999` } }, { orderBy: { id: 'desc' }, fields: ['id'] });
  const serial = last ? Number(last.id.slice(prefix.length)) + 1 : 0;
  return `${prefix}${String(serial).padStart(8, '0')}`;
}
