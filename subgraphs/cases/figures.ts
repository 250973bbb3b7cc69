import type { EntityManager } from '@mikro-orm/core';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { divisionRange } from '../../platform/identifiers/index.js';
import { kysely } from '../../platform/kysely.js';
import { CHANNELS, HALL_CHANNEL, ONLINE_CHANNELS } from '../../reference/service-types.js';
import type { CaseFigures, ItemOverdue } from './generated/resolvers.js';
import { CASE_STATUSES } from './lifecycle.js';

/** What figures are about: the column holding the key of that entity. */
export type FigureColumn = 'item_code' | 'department_code' | 'region_code';

export type Count = number | string | null;

interface FigureRow {
  k: string;
  status: string;
  channel: string;
  n: Count;
  overdue: Count;
  decided: Count;
  on_time: Count;
  handling: Count;
  assisted: Count;
}

/**
 * Overdue as of today, in SQL: late when the clock stopped (decided, suspended),
 * or still running with the due date before the last working day (see timeline.ts).
 */
export const overdue = (lastWorkingDay: string) =>
  sql<Count>`sum(case when overdue_days > 0 or (overdue_days is null and due_date < ${lastWorkingDay}) then 1 else 0 end)`;

/** PostgreSQL returns counts and sums as strings (bigint, numeric). */
export const num = (value: Count) => Number(value ?? 0);

/**
 * One grouped statement for many codes over one window. Items and agencies are
 * an IN list grouped by code. Regions cover the divisions below them, so a
 * province and its prefecture may overlap: each region is its own indexed range
 * scan, tagged with its code, and the branches are one UNION ALL statement.
 */
type Query = SelectQueryBuilder<any, any, any>;

export function perCode(
  db: Kysely<any>,
  column: FigureColumn,
  codes: readonly string[],
  from: string,
  to: string,
  // a region's branch is built knowing its code (divide.ts lists the urban districts inside it)
  build: (qb: Query, code?: string) => Query,
): Query {
  if (column !== 'region_code') {
    return build(
      db
        .selectFrom('cases')
        .select(`${column} as k`)
        .where(column, 'in', [...codes])
        .where((eb) => eb.between('submitted_on', from, to))
        .groupBy(column),
    );
  }
  // each grouped branch is a derived table: SQLite refuses parentheses around the parts of a
  // compound SELECT, and a bare branch's GROUP BY would read as the whole UNION's
  const [first, ...rest] = codes.map((code, i) => {
    const [low, high] = divisionRange(code);
    const branch = db
      .selectFrom('cases')
      .select(sql<string>`cast(${code} as char(6))`.as('k'))
      .where((eb) => eb.between('region_code', low, high))
      .where((eb) => eb.between('submitted_on', from, to));
    return db.selectFrom(build(branch, code).as(`r${i}`)).selectAll();
  });
  return rest.reduce((union, branch) => union.unionAll(branch), first!);
}

/** Figures per code over one window (the supply parts aside): ONE statement, rows per (code, status, channel), summed here. */
export async function figuresFor(
  em: EntityManager,
  column: FigureColumn,
  codes: readonly string[],
  from: string,
  to: string,
  lastWorkingDay: string,
): Promise<BaseFigures[]> {
  const rows = (await perCode(kysely(em), column, codes, from, to, (qb) =>
    qb
      .select(['status', 'channel'])
      .select(sql<Count>`count(*)`.as('n'))
      .select(overdue(lastWorkingDay).as('overdue'))
      .select(sql<Count>`count(handling_days)`.as('decided'))
      .select(sql<Count>`sum(case when overdue_days = 0 and handling_days is not null then 1 else 0 end)`.as('on_time'))
      .select(sql<Count>`sum(handling_days)`.as('handling'))
      .select(sql<Count>`sum(case when agent_id is not null then 1 else 0 end)`.as('assisted'))
      .groupBy(['status', 'channel']),
  ).execute()) as FigureRow[];
  return codes.map((code) => summarise(rows.filter((r) => r.k === code)));
}

/** The figures of figuresFor: every field of CaseFigures but the supply parts. */
export type BaseFigures = Omit<CaseFigures, keyof SupplyFigures>;

interface SupplyRow {
  k: string;
  n: Count;
  online: Count;
  hall: Count;
  visits: Count;
  fully_online: Count;
  over_promise: Count;
  materials: Count;
  with_certificates: Count;
  trips_saved: Count;
}

export type SupplyFigures = Pick<
  CaseFigures,
  | 'online'
  | 'onlineShare'
  | 'inHall'
  | 'inHallShare'
  | 'fullyOnline'
  | 'fullyOnlineShare'
  | 'inPersonVisits'
  | 'visitsPerCase'
  | 'overPromisedVisits'
  | 'overPromisedVisitsShare'
  | 'materialsReplaced'
  | 'casesWithCertificates'
  | 'tripsSaved'
>;

export const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql.lit(v)),
    sql`, `,
  );

/**
 * A case's trips in person, in SQL: the same rule as inPersonVisits in timeline.ts (submission,
 * delivery, and a resumption after a suspension, in the hall), over its case_event rows (seq runs 0, 1, 2…).
 */
export const visits = sql`(select count(*) from "case_event" "e" where "e"."case_id" = "cases"."id" and "e"."channel" = ${sql.lit(HALL_CHANNEL)}
  and ("e"."status" in ('SUBMITTED', 'DELIVERED') or ("e"."status" = 'UNDER_REVIEW' and exists (
    select 1 from "case_event" "p" where "p"."case_id" = "e"."case_id" and "p"."seq" = "e"."seq" - 1 and "p"."status" = 'SUSPENDED'))))`;
/** The visits the case's implementation promises; null when not recorded. */
export const promise = sql`(select "i"."promised_visits" from "implementation" "i" where "i"."code" = "cases"."implementation_code")`;
/** The materials a certificate stood in for (数据跑腿). */
const certificates = sql`(select count(*) from "case_certificate_used" "u" where "u"."case_id" = "cases"."id")`;

/**
 * The supply-efficiency parts per code (issue #17): channels, trips in person against the
 * promise, and certificates used. A second statement, run only when one of them is asked
 * (asksSupply): the figures above keep to their covering index, this one reads each case's events,
 * certificates and implementation by key.
 */
export async function supplyFor(em: EntityManager, column: FigureColumn, codes: readonly string[], from: string, to: string): Promise<SupplyFigures[]> {
  const rows = (await perCode(kysely(em), column, codes, from, to, (qb) =>
    qb
      .select(sql<Count>`count(*)`.as('n'))
      .select(sql<Count>`sum(case when "cases"."channel" in (${list(ONLINE_CHANNELS)}) then 1 else 0 end)`.as('online'))
      .select(sql<Count>`sum(case when "cases"."channel" = ${sql.lit(HALL_CHANNEL)} then 1 else 0 end)`.as('hall'))
      .select(sql<Count>`sum(${visits})`.as('visits'))
      .select(sql<Count>`sum(case when ${visits} = 0 then 1 else 0 end)`.as('fully_online'))
      .select(sql<Count>`sum(case when ${visits} > ${promise} then 1 else 0 end)`.as('over_promise'))
      .select(sql<Count>`sum(${certificates})`.as('materials'))
      .select(sql<Count>`sum(case when ${certificates} > 0 then 1 else 0 end)`.as('with_certificates'))
      .select(sql<Count>`sum(case when ${certificates} > 0 and ${promise} > 0 and ${visits} = 0 then 1 else 0 end)`.as('trips_saved')),
  ).execute()) as SupplyRow[];
  return codes.map((code) => {
    const mine = rows.filter((r) => r.k === code);
    const sum = (pick: (r: SupplyRow) => Count) => mine.reduce((s, r) => s + num(pick(r)), 0);
    const total = sum((r) => r.n);
    const share = (part: number) => (total ? part / total : null);
    const online = sum((r) => r.online);
    const inHall = sum((r) => r.hall);
    const fullyOnline = sum((r) => r.fully_online);
    const inPersonVisits = sum((r) => r.visits);
    const overPromisedVisits = sum((r) => r.over_promise);
    return {
      online,
      onlineShare: share(online),
      inHall,
      inHallShare: share(inHall),
      fullyOnline,
      fullyOnlineShare: share(fullyOnline),
      inPersonVisits,
      visitsPerCase: share(inPersonVisits),
      overPromisedVisits,
      overPromisedVisitsShare: share(overPromisedVisits),
      materialsReplaced: sum((r) => r.materials),
      casesWithCertificates: sum((r) => r.with_certificates),
      tripsSaved: sum((r) => r.trips_saved),
    };
  });
}

function summarise(rows: readonly FigureRow[]): BaseFigures {
  const sum = (pick: (r: FigureRow) => Count) => rows.reduce((s, r) => s + num(pick(r)), 0);
  const countBy = <V extends string>(values: readonly V[], pick: (r: FigureRow) => string) =>
    values.map((value) => ({ value, count: sum((r) => (pick(r) === value ? r.n : 0)) })).filter((c) => c.count > 0);
  const decided = sum((r) => r.decided);
  const total = sum((r) => r.n);
  return {
    total,
    byStatus: countBy(CASE_STATUSES, (r) => r.status).map(({ value, count }) => ({ status: value, count })),
    byChannel: countBy(CHANNELS, (r) => r.channel).map(({ value, count }) => ({ channel: value, count })),
    overdue: sum((r) => r.overdue),
    decided,
    decidedOnTime: sum((r) => r.on_time),
    onTimeRate: decided ? sum((r) => r.on_time) / decided : null,
    averageWorkingDays: decided ? sum((r) => r.handling) / decided : null,
    workingDays: sum((r) => r.handling),
    agentAssisted: sum((r) => r.assisted),
    agentAssistedShare: total ? sum((r) => r.assisted) / total : null,
  };
}

/**
 * Per region, the items with cases over one window, most overdue first, then the fewest cases (the
 * worse rate), then by code: ONE statement for all regions.
 */
export async function mostOverdueFor(
  em: EntityManager,
  regions: readonly string[],
  from: string,
  to: string,
  lastWorkingDay: string,
): Promise<ItemOverdue[][]> {
  const rows = (await perCode(kysely(em), 'region_code', regions, from, to, (qb) =>
    qb
      .select('item_code as item')
      .select(sql<Count>`count(*)`.as('n'))
      .select(overdue(lastWorkingDay).as('overdue'))
      // by division too: grouped by item alone, SQLite would walk the item index over every case
      .groupBy(['region_code', 'item_code']),
  ).execute()) as { k: string; item: string; n: Count; overdue: Count }[];
  return regions.map((region) => {
    const items = new Map<string, ItemOverdue>();
    for (const row of rows.filter((r) => r.k === region)) {
      const item = items.get(row.item) ?? { item: { code: row.item }, overdueCases: 0, totalCases: 0 };
      item.overdueCases += num(row.overdue);
      item.totalCases += num(row.n);
      items.set(row.item, item);
    }
    // items without an overdue case last: the resolver leaves them out, the router combines from them
    return [...items.values()].sort((a, b) => b.overdueCases - a.overdueCases || a.totalCases - b.totalCases || (a.item.code < b.item.code ? -1 : 1));
  });
}

/** Stands in for the supply parts when none is asked: never sent, since GraphQL answers only what is selected. */
export const NOT_ASKED: SupplyFigures = {
  online: 0,
  onlineShare: null,
  inHall: 0,
  inHallShare: null,
  fullyOnline: 0,
  fullyOnlineShare: null,
  inPersonVisits: 0,
  visitsPerCase: null,
  overPromisedVisits: 0,
  overPromisedVisitsShare: null,
  materialsReplaced: 0,
  casesWithCertificates: 0,
  tripsSaved: 0,
};
const SUPPLY_FIELDS = new Set(Object.keys(NOT_ASKED));

/** Whether a caseFigures field's selection (its fragments included) asks for a supply part. */
export function asksSupply(info: GraphQLResolveInfo): boolean {
  const asks = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) =>
      s.kind === 'Field'
        ? SUPPLY_FIELDS.has(s.name.value)
        : s.kind === 'InlineFragment'
          ? asks(s.selectionSet)
          : asks(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => asks(node.selectionSet));
}
