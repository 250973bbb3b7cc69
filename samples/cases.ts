import { residenceCounties, personAt, enterpriseAt, enterpriseCount } from './synthetic.js';
import { divisions } from '../reference/divisions.js';
import { hashSeed, random } from '../platform/random.js';
import { ITEMS } from '../reference/service-items.js';
import { sampleImplementations, type SampleImplementation } from './catalog.js';
import type { Channel } from '../reference/service-types.js';
import { defaultCalendar } from '../platform/working-days.js';
import { todayInChina } from '../platform/time.js';
import { withJurisdiction } from '../platform/identifiers/jurisdiction.js';

/**
 * The sample one-network cases (办件): a pure function of (seed, index), so the
 * cases department stores them and evaluation and appeals derive the same case
 * ids and outcomes without importing the cases department.
 */
/**
 * The statuses the generator writes. The cases department owns CaseStatus (its
 * schema enum, subgraphs/cases/lifecycle.ts); its seeder stores these as that
 * type, so a status the department does not know fails the typecheck there.
 */
export type SampleCaseStatus = 'SUBMITTED' | 'ACCEPTED' | 'NOT_ACCEPTED' | 'UNDER_REVIEW' | 'SUSPENDED' | 'APPROVED' | 'REFUSED' | 'DELIVERED';
export const ENDED_STATUSES: readonly SampleCaseStatus[] = ['NOT_ACCEPTED', 'REFUSED', 'DELIVERED'];

export interface SampleCaseEvent {
  /** ISO date-time, China time written as +08:00 */
  at: string;
  status: SampleCaseStatus;
  channel: Channel;
  handler: string;
  note: string | null;
}

export interface SampleCase {
  index: number;
  id: string;
  applicantKind: 'PERSON' | 'ENTERPRISE';
  applicantId: string;
  /** a person acting for the applicant (帮代办), or null */
  agentId: string | null;
  itemCode: string;
  implementationCode: string;
  regionCode: string;
  departmentCode: string;
  channel: Channel;
  promisedLimitDays: number;
  status: SampleCaseStatus;
  events: SampleCaseEvent[];
}

const CHANNEL_WEIGHTS: [Channel, number][] = [
  ['WEB_PORTAL', 30],
  ['MOBILE_APP', 30],
  ['SERVICE_HALL', 28],
  ['SELF_SERVICE_TERMINAL', 6],
  ['HOTLINE', 3],
  ['POST', 3],
];

let byCounty: Map<string, SampleImplementation[]> | undefined;
let cachedSeed: number | undefined;

/** Implementations an applicant registered in `county` can use: county, its prefecture, its province. */
function reachable(seed: number, county: string): SampleImplementation[] {
  if (!byCounty || cachedSeed !== seed) {
    const parent = new Map(divisions().map((d) => [d.code, d.parentCode]));
    const impls = sampleImplementations(seed);
    byCounty = new Map();
    for (const c of residenceCounties()) {
      const chain = new Set<string>([c.code]);
      for (let p = parent.get(c.code); p; p = parent.get(p)) chain.add(p);
      byCounty.set(
        c.code,
        impls.filter((i) => chain.has(i.regionCode)),
      );
    }
    cachedSeed = seed;
  }
  return byCounty.get(county) ?? [];
}

const itemByCode = new Map(ITEMS.map((i) => [i.code, i]));

/** Case number `index` of a population of `people` (cases are numbered across the last year). */
export function sampleCaseAt(seed: number, index: number, people: number, today = todayInChina()): SampleCase {
  const rng = random(hashSeed(seed, 'case', index));
  const byEnterprise = rng.chance(0.2);
  const applicant = byEnterprise ? enterpriseAt(seed, rng.int(0, enterpriseCount(people) - 1), people) : personAt(seed, rng.int(0, people - 1));
  const county = applicant.regionCode;
  const kind = byEnterprise ? 'ENTERPRISE' : 'PERSON';
  const candidates = reachable(seed, county).filter((i) => {
    const object = itemByCode.get(i.itemCode)?.serviceObject;
    return object === 'BOTH' || object === kind;
  });
  const impl = rng.pick(candidates);
  const item = itemByCode.get(impl.itemCode)!;
  const channel = weighted(rng.next(), item.channels);
  const cal = defaultCalendar();
  const submittedOn = shiftDays(today, -rng.int(0, 364));
  const handler = `${impl.departmentCode.slice(-6)}-窗口${rng.int(1, 12)}`;
  const events: SampleCaseEvent[] = [
    { at: at(submittedOn, 8 + rng.int(0, 6)), status: 'SUBMITTED', channel, handler: channel === 'SERVICE_HALL' ? handler : 'applicant', note: null },
  ];
  let day = submittedOn;
  const step = (status: SampleCaseStatus, afterDays: number, note: string | null = null, stepChannel: Channel = 'SERVICE_HALL') => {
    const next = cal.addWorkingDays(day, afterDays);
    if (next > today) return false;
    // several steps on one day keep their order: an hour after the previous one
    const previous = events.at(-1)!;
    const hour = previous.at.startsWith(next) ? Number(previous.at.slice(11, 13)) + 1 : 9 + rng.int(0, 6);
    day = next;
    events.push({ at: at(day, hour), status, channel: stepChannel, handler, note });
    return true;
  };
  // Walk the lifecycle as far as the days since submission allow; a few cases run late.
  const late = rng.chance(0.08);
  const limit = Math.max(1, impl.promisedLimitDays);
  if (step(rng.chance(0.04) ? 'NOT_ACCEPTED' : 'ACCEPTED', rng.int(0, 1), null)) {
    if (events.at(-1)!.status === 'NOT_ACCEPTED') events.at(-1)!.note = '申请材料不齐全，且未在规定时间内补正';
    else if (step('UNDER_REVIEW', 0)) {
      if (rng.chance(0.1) && step('SUSPENDED', 1, '需补充材料：申请表签字页') && !step('UNDER_REVIEW', rng.int(1, 4), '已补正材料，恢复审查', 'WEB_PORTAL')) {
        // still waiting for the applicant's materials
      } else if (events.at(-1)!.status === 'UNDER_REVIEW') {
        const refused = rng.chance(0.05);
        const decisionAfter = late ? limit + rng.int(1, 5) : rng.int(0, limit);
        if (step(refused ? 'REFUSED' : 'APPROVED', decisionAfter, refused ? '不符合法定条件' : null) && !refused) {
          step('DELIVERED', rng.int(0, 2), null, rng.chance(0.5) ? 'POST' : 'SERVICE_HALL');
        }
      }
    }
  }
  return {
    index,
    // the province of the implementing region first: the id says which platform holds the case
    id: withJurisdiction(impl.regionCode, `C${submittedOn.replaceAll('-', '')}${String(index).padStart(8, '0')}`),
    applicantKind: kind,
    applicantId: 'creditCode' in applicant ? applicant.creditCode : applicant.id,
    agentId: !byEnterprise && rng.chance(0.08) ? personAt(seed, rng.int(0, people - 1)).id : null,
    itemCode: item.code,
    implementationCode: impl.code,
    regionCode: impl.regionCode,
    departmentCode: impl.departmentCode,
    channel,
    promisedLimitDays: impl.promisedLimitDays,
    status: events.at(-1)!.status,
    events,
  };
}

function weighted(r: number, allowed: readonly Channel[]): Channel {
  const options = CHANNEL_WEIGHTS.filter(([c]) => allowed.includes(c));
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [c, w] of options) if ((x -= w) < 0) return c;
  return options.at(-1)?.[0] ?? 'SERVICE_HALL';
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function at(date: string, hour: number): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String((hour * 7) % 60).padStart(2, '0')}:00+08:00`;
}
