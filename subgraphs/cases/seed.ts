import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { withIndexesDeferred } from '../../platform/deferred-indexes.js';
import type { SeedOptions } from '../../platform/department.js';
import { insertRows } from '../../platform/insert-rows.js';
import { sampleImplementations } from '../../samples/catalog.js';
import { sampleCaseAt, type SampleCase } from '../../samples/cases.js';
import type { WorkingCalendar } from '../../platform/working-days.js';
import { calendar } from './calendar.js';
import { CaseEntity, CaseEventEntity, ImplementationEntity, type Case, type CaseEvent, type Implementation } from './entities.js';
import { caseFacts } from './timeline.js';
import { applicantAgeBand } from './age-band.js';
import { todayInChina } from '../../platform/time.js';

/** Cases generated and inserted at a time (insertRows splits the statements). */
const CASE_CHUNK = 1_000;

export interface CaseRows {
  row: Case;
  events: CaseEvent[];
}

/** The stored rows of one sample case: the case with its precomputed facts, and its timeline. */
export function caseRows(sample: SampleCase, cal: WorkingCalendar = calendar()): CaseRows {
  const { id, applicantKind, applicantId, agentId, itemCode, implementationCode, regionCode, departmentCode, channel, promisedLimitDays } = sample;
  const facts = caseFacts(sample.events, promisedLimitDays, cal);
  return {
    row: {
      id,
      applicantKind,
      applicantId,
      applicantAgeBand: applicantAgeBand(applicantKind, applicantId, facts.submittedOn),
      agentId,
      mandateId: null,
      itemCode,
      implementationCode,
      regionCode,
      departmentCode,
      channel,
      promisedLimitDays,
      ...facts,
    },
    events: sample.events.map((e, seq) => ({ caseId: id, seq, ...e })),
  };
}

/**
 * The shared sample cases (samples/cases.ts): one per person of a
 * population of `size`, as of `today`. Pure, so its speed can be timed apart
 * from the database; evaluation and appeals derive the same cases.
 */
export function* generateCases({ size, seed }: SeedOptions, today = todayInChina()): Generator<CaseRows> {
  const cal = calendar();
  for (let i = 0; i < size; i++) yield caseRows(sampleCaseAt(seed, i, size, today), cal);
}

/** The implementations cases are submitted under, with the limits and visits the catalog promises. */
export function generateImplementations(seed: number): Implementation[] {
  return sampleImplementations(seed).map(({ code, itemCode, regionCode, departmentCode, promisedLimitDays, inPersonVisits }) => ({
    code,
    itemCode,
    regionCode,
    departmentCode,
    promisedLimitDays,
    promisedVisits: inPersonVisits,
  }));
}

/**
 * Inserts implementations, cases and events in chunks: plain rows, no unit of
 * work. The secondary indexes of `cases` are dropped for the bulk insert and
 * built once after it (sorting a million keys beats a million random inserts
 * into eight B-trees); the rollback of a failed seed restores them.
 */
export async function seedCases(em: EntityManager, options: SeedOptions, today = todayInChina()): Promise<void> {
  await withIndexesDeferred(em, CaseEntity, () => insertCases(em, options, today));
  // planner statistics, so a county's page does not scan a province's index
  await (em as SqlEntityManager).execute('analyze cases');
}

async function insertCases(em: EntityManager, options: SeedOptions, today: string): Promise<void> {
  const implementations = generateImplementations(options.seed);
  await insertRows(em, ImplementationEntity, implementations);
  let cases: Case[] = [];
  let events: CaseEvent[] = [];
  const flush = async () => {
    await insertRows(em, CaseEntity, cases);
    await insertRows(em, CaseEventEntity, events);
    cases = [];
    events = [];
  };
  for (const { row, events: timeline } of generateCases(options, today)) {
    // an instance of a partitioned platform holds its jurisdiction's share
    if (options.holds && !options.holds(row.regionCode)) continue;
    cases.push(row);
    events.push(...timeline);
    if (cases.length === CASE_CHUNK) await flush();
  }
  await flush();
}
