import type { EntityManager } from '@mikro-orm/core';
import { sql, type RawBuilder } from 'kysely';
import { divisionRange } from '../../platform/identifiers/index.js';
import { kysely } from '../../platform/kysely.js';
import { spreadOf, suppressedCells } from '../../platform/suppression.js';
import { AGE_BANDS, ECONOMIC_REGIONS, ECONOMIC_REGION_NAMES, RESIDENCE_TYPES, urbanDistricts } from '../../reference/divide.js';
import { ONLINE_CHANNELS } from '../../reference/service-types.js';
import { list, num, perCode, visits, type Count } from './figures.js';
import type { DivideGap, DivideGroup, DivideGroupName, DivideMeasure } from './generated/resolvers.js';

/** The three breakdowns of the digital divide (issue #17 item 2), each with its groups in order. */
export const BREAKDOWNS = {
  byAgeBand: AGE_BANDS,
  byResidence: RESIDENCE_TYPES,
  byEconomicRegion: ECONOMIC_REGION_NAMES,
} as const satisfies Record<string, readonly DivideGroupName[]>;
export type BreakdownName = keyof typeof BREAKDOWNS;

/** What Region.digitalDivide answers: its breakdowns are computed when selected, each one statement. */
export interface DivideScope {
  code: string;
  from: string;
  to: string;
}

/** A breakdown as computed: every group, unsuppressed (DivideBreakdown.groups publishes them). */
export interface Breakdown {
  groups: DivideGroup[];
}

/** The group of a case, in SQL: its recorded age band, or the kind or economic region of its handling division (reference/divide.ts). */
function groupOf(breakdown: BreakdownName, code: string): RawBuilder<string | null> {
  if (breakdown === 'byAgeBand') return sql`"applicant_age_band"`;
  if (breakdown === 'byEconomicRegion') {
    const when = ECONOMIC_REGION_NAMES.flatMap((r) => ECONOMIC_REGIONS[r].map((p) => sql`when ${sql.lit(p)} then ${sql.lit(r)}`));
    return sql`case substr("region_code", 1, 2) ${sql.join(when, sql` `)} else null end`;
  }
  // only the urban districts inside the division: the country's list is every one of them, a county's one or none
  const [low, high] = divisionRange(code);
  const urban = [...urbanDistricts()].filter((u) => u >= low && u <= high);
  const isUrban = urban.length > 0 ? sql`when "region_code" in (${list(urban)}) then 'URBAN_DISTRICT'` : sql``;
  return sql`case when substr("region_code", 5, 2) = '00' then 'ABOVE_COUNTY' ${isUrban} else 'COUNTY' end`;
}

interface DivideRow {
  k: string;
  g: string | null;
  people: Count;
  n: Count;
  online: Count;
  fully_online: Count;
  assisted: Count;
  visits: Count;
  decided: Count;
  on_time: Count;
  handling: Count;
}

/**
 * One breakdown for many divisions over one window: ONE statement. Applicants are distinct per
 * province of handling and summed here, so that every partition of the provinces adds up to the
 * same figure (the jurisdiction router sums the provinces' groups). The visits rule is figures.ts'.
 */
export async function divideFor(em: EntityManager, breakdown: BreakdownName, codes: readonly string[], from: string, to: string): Promise<DivideGroup[][]> {
  const province = sql<string>`substr("region_code", 1, 2)`;
  const rows = (await perCode(kysely(em), 'region_code', codes, from, to, (qb, code) => {
    const group = groupOf(breakdown, code!);
    return qb
      .select(group.as('g'))
      .select(sql<Count>`count(distinct "applicant_id")`.as('people'))
      .select(sql<Count>`count(*)`.as('n'))
      .select(sql<Count>`sum(case when "cases"."channel" in (${list(ONLINE_CHANNELS)}) then 1 else 0 end)`.as('online'))
      .select(sql<Count>`sum(case when ${visits} = 0 then 1 else 0 end)`.as('fully_online'))
      .select(sql<Count>`sum(case when agent_id is not null then 1 else 0 end)`.as('assisted'))
      .select(sql<Count>`sum(${visits})`.as('visits'))
      .select(sql<Count>`count(handling_days)`.as('decided'))
      .select(sql<Count>`sum(case when overdue_days = 0 and handling_days is not null then 1 else 0 end)`.as('on_time'))
      .select(sql<Count>`sum(handling_days)`.as('handling'))
      .groupBy([group, province]);
  }).execute()) as DivideRow[];
  return codes.map((code) =>
    BREAKDOWNS[breakdown].map((name) => {
      const mine = rows.filter((r) => r.k === code && r.g === name);
      const sum = (pick: (r: DivideRow) => Count) => mine.reduce((s, r) => s + num(pick(r)), 0);
      return groupFigures(name, {
        applicants: sum((r) => r.people),
        cases: sum((r) => r.n),
        online: sum((r) => r.online),
        fullyOnline: sum((r) => r.fully_online),
        agentAssisted: sum((r) => r.assisted),
        inPersonVisits: sum((r) => r.visits),
        decided: sum((r) => r.decided),
        decidedOnTime: sum((r) => r.on_time),
        workingDays: sum((r) => r.handling),
      });
    }),
  );
}

type Counts = Record<
  'applicants' | 'cases' | 'online' | 'fullyOnline' | 'agentAssisted' | 'inPersonVisits' | 'decided' | 'decidedOnTime' | 'workingDays',
  number
>;

/** A group's published figures from its counts, the shares as the schema's @combine rules recompute them. */
export function groupFigures(group: DivideGroupName, c: Counts): DivideGroup {
  const per = (part: number, whole: number) => (whole ? part / whole : null);
  return {
    group,
    suppressed: false,
    ...c,
    onlineShare: per(c.online, c.cases),
    fullyOnlineShare: per(c.fullyOnline, c.cases),
    agentAssistedShare: per(c.agentAssisted, c.cases),
    visitsPerCase: per(c.inPersonVisits, c.cases),
    onTimeRate: per(c.decidedOnTime, c.decided),
    averageWorkingDays: per(c.workingDays, c.decided),
  };
}

/** The groups as published: small cells and their complement suppressed (platform/suppression.ts), every number null. */
export function published(groups: readonly DivideGroup[]): DivideGroup[] {
  const flags = suppressedCells(groups.map((g) => g.applicants ?? 0));
  return groups.map((g, i) =>
    flags[i]
      ? {
          group: g.group,
          suppressed: true,
          ...Object.fromEntries(Object.entries(g).flatMap(([k, v]) => (typeof v === 'number' ? [[k, null]] : []))),
        }
      : g,
  );
}

/** The field each DivideMeasure spreads (the router reads it from the enum value: ONLINE_SHARE -> onlineShare). */
const MEASURES: Record<DivideMeasure, keyof DivideGroup> = {
  ONLINE_SHARE: 'onlineShare',
  FULLY_ONLINE_SHARE: 'fullyOnlineShare',
  AGENT_ASSISTED_SHARE: 'agentAssistedShare',
  VISITS_PER_CASE: 'visitsPerCase',
  ON_TIME_RATE: 'onTimeRate',
  AVERAGE_WORKING_DAYS: 'averageWorkingDays',
};

/** Per measure, the highest and lowest of the published groups. */
export function gapsOf(groups: readonly DivideGroup[]): DivideGap[] {
  return (Object.keys(MEASURES) as DivideMeasure[]).map((measure) => ({
    measure,
    ...spreadOf(groups.map((g) => ({ key: g.group, value: g[MEASURES[measure]] as number | null | undefined }))),
  }));
}
