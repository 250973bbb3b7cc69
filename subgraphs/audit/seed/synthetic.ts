import type { EntityManager } from '@mikro-orm/core';
import type { AccessRecord } from '../../../platform/audit/record.js';
import { hashSeed, random } from '../../../platform/random.js';
import { registeredAgencies, type Agency } from '../../../reference/agencies.js';
import { enterpriseAt, enterpriseCount, personAt } from '../../../samples/synthetic.js';
import { appendRecords, type AppendResult } from '../log.js';

export interface SyntheticOptions {
  /** how many access records */
  count: number;
  seed: number;
  /** size of the synthetic population the records are about (default: count) */
  people?: number;
  /** time of the first record; each next one is 1–60 s later */
  start?: string;
}

const READS = {
  population: {
    kind: 'PUBLIC_SECURITY',
    fields: ['Person.address', 'Person.id', 'Person.name', 'Person.phone'],
    categories: ['ADDRESS', 'IDENTITY_NUMBER', 'NAME', 'PHONE'],
  },
  certificates: { kind: 'CIVIL_AFFAIRS', fields: ['Certificate.holder', 'Certificate.number'], categories: ['CREDENTIAL', 'IDENTITY_NUMBER'] },
  market: { kind: 'MARKET_REGULATION', fields: ['Enterprise.creditCode', 'Enterprise.name', 'Enterprise.registeredAddress'], categories: [] },
} as const;
const PURPOSES = ['household register check', 'social assistance review', 'case:XK-000101-001', 'case:QR-000201-001', 'residence permit application'];
const CLIENTS = ['zhengwu-web', 'zhengwu-app', 'officer-console', null];

/** Distinct people (and a tenth as many enterprises) the records are spread over: enough variety, cheap to derive. */
const SUBJECT_POOL = 20_000;

/**
 * Deterministic access records about the shared synthetic population: mostly
 * officers of a sample agency reading a person's or an enterprise's data, some
 * citizens reading their own, about 3 % withheld (an investigation). A longer
 * run starts with the records of a shorter one. Pure, so its speed can be
 * timed apart from the database.
 */
export function* generateAccessRecords({ count, seed, people = count, start = '2026-01-01T00:00:00.000Z' }: SyntheticOptions): Generator<AccessRecord> {
  const agencies = agenciesByKind();
  const population = Math.max(1, people);
  const persons = spread(population, SUBJECT_POOL, (i) => personAt(seed, i).id);
  const enterprises = spread(enterpriseCount(population), SUBJECT_POOL / 10, (i) => enterpriseAt(seed, i, population).creditCode);
  const rng = random(hashSeed(seed, 'audit'));
  const idPrefix = hashSeed(seed, 'audit-id').toString(16).padStart(8, '0');
  let time = Date.parse(start);
  for (let i = 0; i < count; i++) {
    time += rng.int(1, 60) * 1000;
    const enterprise = enterprises.length > 0 && rng.chance(0.1);
    const department = enterprise ? 'market' : rng.chance(0.7) ? 'population' : 'certificates';
    const subjectId = enterprise ? rng.pick(enterprises)() : rng.pick(persons)();
    const self = !enterprise && rng.chance(0.2);
    const withheld = !self && rng.chance(0.03);
    const agency = rng.pick(agencies.get(READS[department].kind)!);
    // drawn in the order the record's fields always were, so every seed yields the same log as before
    const clientName = rng.pick(CLIENTS);
    const callerSubject = self ? subjectId : `officer-${rng.int(1, 500)}`;
    // withheld for half a year by the officer who read it (a power: the <department>:withhold scope)
    const withheldUntil = withheld ? new Date(time + 182 * 86_400_000).toISOString().slice(0, 10) : null;
    yield {
      // UUID-shaped, unique per (seed, index), so re-running dedups
      id: `${idPrefix}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      department,
      at: new Date(time).toISOString(),
      requestId: `synthetic-${seed}-${i}`,
      clientName,
      callerRole: self ? 'CITIZEN' : 'OFFICER',
      callerSubject,
      callerDepartment: self ? null : agency.code,
      purpose: withheld ? `withheld until ${withheldUntil}: investigation 2026-017` : self ? null : rng.pick(PURPOSES),
      subjectKind: enterprise ? 'ENTERPRISE' : 'PERSON',
      subjectId,
      fields: [...READS[department].fields],
      categories: [...READS[department].categories],
      withheld,
      // fields added to the record later are left out when empty, as departments send them
      ...(withheld ? { withheldBy: callerSubject, withheldUntil } : {}),
    };
  }
}

/** Up to `size` indexes spread evenly over `total`, each derived (and cached) on first use. */
function spread(total: number, size: number, derive: (index: number) => string): (() => string)[] {
  const n = Math.min(total, size);
  return Array.from({ length: n }, (_, k) => {
    let value: string | undefined;
    return () => (value ??= derive(Math.floor((k * total) / n)));
  });
}

/**
 * Appends `count` synthetic records through the ordinary append path (chained,
 * locked, deduplicated), 5,000 per transaction: a million in well under a minute.
 */
export async function appendSynthetic(em: EntityManager, options: SyntheticOptions): Promise<AppendResult> {
  const total: AppendResult = { accepted: 0, duplicates: 0 };
  let chunk: AccessRecord[] = [];
  const flush = async () => {
    const result = await appendRecords(em, chunk);
    total.accepted += result.accepted;
    total.duplicates += result.duplicates;
    chunk = [];
  };
  for (const record of generateAccessRecords(options)) {
    chunk.push(record);
    if (chunk.length === 5_000) await flush();
  }
  if (chunk.length > 0) await flush();
  return total;
}

function agenciesByKind(): Map<string, Agency[]> {
  const byKind = new Map<string, Agency[]>();
  for (const agency of registeredAgencies()) byKind.set(agency.kind, [...(byKind.get(agency.kind) ?? []), agency]);
  return byKind;
}
