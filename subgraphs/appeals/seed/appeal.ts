import { hashSeed, random, type Random } from '../../../platform/random.js';
import { personAt, residenceCounties } from '../../../samples/synthetic.js';
import { defaultCalendar } from '../../../platform/working-days.js';
import { CATEGORY_LIST, RESPONSE_LIMIT_DAYS, type AppealKind, type AppealSatisfaction } from '../data/reference.js';
import { monthOf, weekOf } from '../dates.js';
import type { Appeal } from '../entities.js';
import { channelMix, countyProfile, kindMix, pickWeighted, type CountyProfile, type Weighted } from './profile.js';
import { appealText, responseText, returnReason } from './texts.js';
import { addDays } from '../../../platform/time.js';
import { withJurisdiction } from '../../../platform/identifiers/index.js';

/** Share of appeals whose appellant stays anonymous. */
export const ANONYMOUS_SHARE = 0.3;
/** Share first dispatched to the wrong agency, which returns them. */
const MISROUTED = 0.06;
/** Share a department never answers: they stay open and run overdue. */
const STUCK = 0.02;

// a year has few distinct (day, n) pairs: memoised, addWorkingDays stops dominating the seed's time
const workingDayCache = new Map<string, string>();
function addWorkingDays(from: string, days: number): string {
  const key = `${from}+${days}`;
  let date = workingDayCache.get(key);
  if (date === undefined) workingDayCache.set(key, (date = defaultCalendar().addWorkingDays(from, days)));
  return date;
}

let profiles: Map<string, CountyProfile> | undefined;
/** The profile of each county people live in, computed once. */
function profileOf(countyCode: string): CountyProfile {
  profiles ??= new Map(residenceCounties().map((c) => [c.code, countyProfile(c)]));
  return profiles.get(countyCode)!;
}

/**
 * Appeal number `index` of a population of `people`, received in the year up
 * to `today`: a pure function of (seed, index), walked through its lifecycle
 * as far as the working days since receipt allow.
 */
export function appealAt(seed: number, index: number, people: number, today: string): Appeal {
  const rng = random(hashSeed(seed, 'appeal', index));
  const person = rng.chance(ANONYMOUS_SHARE) ? null : personAt(seed, rng.int(0, people - 1));
  const profile = profileOf(person ? person.regionCode : rng.pick(residenceCounties()).code);
  const category = pickWeighted(rng, profile.categories);
  const kind = pickWeighted(rng, kindMix(category, profile));
  const elderly = person ? Number(today.slice(0, 4)) - Number(person.birthDate.slice(0, 4)) >= 60 : rng.chance(0.25);
  const channel = pickWeighted(rng, channelMix(profile, elderly));
  const receivedOn = addDays(today, -rng.int(0, 364));
  const hour = String(rng.int(7, 21)).padStart(2, '0');
  const minute = String(rng.int(0, 59)).padStart(2, '0');
  const responseLimitDays = RESPONSE_LIMIT_DAYS[kind];
  const appeal: Appeal = {
    id: withJurisdiction(profile.county.code, `A${receivedOn.replaceAll('-', '')}${String(index).padStart(8, '0')}`),
    kind,
    category,
    text: appealText(rng, category, kind),
    regionCode: profile.county.code,
    appellantId: person?.id ?? null,
    channel,
    receivedAt: `${receivedOn}T${hour}:${minute}:00+08:00`,
    receivedOn,
    receivedWeek: weekOf(receivedOn),
    receivedMonth: monthOf(receivedOn),
    responseLimitDays,
    deadline: addWorkingDays(receivedOn, responseLimitDays),
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
  handle(rng, appeal, profile, today);
  return appeal;
}

/** Walks an appeal through dispatch, return, response and call-back, stopping at today. */
function handle(rng: Random, appeal: Appeal, profile: CountyProfile, today: string): void {
  const right = profile.agencies[appeal.category];
  let dispatchedOn = addWorkingDays(appeal.receivedOn, rng.chance(0.75) ? 0 : 1);
  if (dispatchedOn > today) return;
  if (rng.chance(MISROUTED)) {
    const wrong = profile.agencies[rng.pick(CATEGORY_LIST.filter((c) => profile.agencies[c].code !== right.code))];
    Object.assign(appeal, { status: 'DISPATCHED', departmentCode: wrong.code, dispatchedOn });
    const returnedOn = addWorkingDays(dispatchedOn, 1);
    if (returnedOn > today) return;
    Object.assign(appeal, { status: 'RETURNED', departmentCode: null, returnedBy: wrong.code, returnCount: 1, returnReason: returnReason(right.name) });
    dispatchedOn = addWorkingDays(returnedOn, rng.int(0, 1));
    if (dispatchedOn > today) return;
  }
  Object.assign(appeal, { status: 'DISPATCHED', departmentCode: right.code, dispatchedOn });
  if (rng.chance(STUCK)) return;
  // the west answers late more often: fewer staff for as many appeals
  const late = rng.chance(profile.western ? 0.12 : 0.06);
  const after = late ? appeal.responseLimitDays + rng.int(1, 6) : rng.int(0, appeal.responseLimitDays);
  const due = addWorkingDays(appeal.receivedOn, after);
  const respondedOn = due < dispatchedOn ? dispatchedOn : due;
  if (respondedOn > today) return;
  Object.assign(appeal, { status: 'RESPONDED', respondedOn, response: responseText(appeal.kind, right.name) });
  const closedOn = addWorkingDays(respondedOn, rng.int(1, 3));
  if (closedOn > today) return;
  // anonymous appellants cannot be called back; a few others are not reached
  const asked = appeal.appellantId !== null && rng.chance(0.9);
  const satisfaction = asked ? pickWeighted(rng, satisfactionMix(appeal.kind, respondedOn > appeal.deadline, appeal.returnCount > 0, profile)) : null;
  Object.assign(appeal, { status: 'CLOSED', closedOn, satisfaction });
}

/** Mostly positive; late answers, a round trip through the wrong agency and the west less so. */
function satisfactionMix(kind: AppealKind, late: boolean, returned: boolean, profile: CountyProfile): Weighted<AppealSatisfaction> {
  if (kind === 'PRAISE') return [['SATISFIED', 1]];
  const [s, b, d] = late ? [35, 25, 40] : profile.western || profile.rural ? [60, 27, 13] : [70, 22, 8];
  return [
    ['SATISFIED', s],
    ['BASICALLY_SATISFIED', b],
    ['DISSATISFIED', returned ? d * 1.5 : d],
  ];
}
