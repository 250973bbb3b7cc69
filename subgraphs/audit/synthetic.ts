import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { AccessRecord } from '../../platform/audit/record.js';
import { hashSeed, random } from '../../platform/random.js';
import { sampleAgencies, type SampleAgency } from '../../platform/sample-catalog.js';
import { enterpriseAt, enterpriseCount, personAt } from '../../platform/synthetic.js';
import { appendRecords, type AppendResult } from './log.js';

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
  population: { kind: 'PUBLIC_SECURITY', fields: ['Person.address', 'Person.id', 'Person.name', 'Person.phone'], categories: ['ADDRESS', 'IDENTITY_NUMBER', 'NAME', 'PHONE'] },
  certificates: { kind: 'CIVIL_AFFAIRS', fields: ['Certificate.holder', 'Certificate.number'], categories: ['CREDENTIAL', 'IDENTITY_NUMBER'] },
  market: { kind: 'MARKET_REGULATION', fields: ['Enterprise.creditCode', 'Enterprise.name', 'Enterprise.registeredAddress'], categories: [] },
} as const;
const PURPOSES = ['household register check', 'social assistance review', 'case:XK-000101-001', 'case:QR-000201-001', 'residence permit application'];
const CLIENTS = ['zhengwu-web', 'zhengwu-app', 'officer-console', null];

/**
 * Deterministic access records about the shared synthetic population: mostly
 * officers of a sample agency reading a person's or an enterprise's data, some
 * citizens reading their own, about 3 % withheld (an investigation). Pure, so
 * its speed can be timed apart from the database.
 */
export function* generateAccessRecords({ count, seed, people = count, start = '2026-01-01T00:00:00.000Z' }: SyntheticOptions): Generator<AccessRecord> {
  const agencies = agenciesByKind();
  const population = Math.max(1, people);
  let time = Date.parse(start);
  for (let i = 0; i < count; i++) {
    const rng = random(hashSeed(seed, 'audit', i));
    time += rng.int(1, 60) * 1000;
    const enterprise = rng.chance(0.1) && enterpriseCount(population) > 0;
    const department = enterprise ? 'market' : rng.chance(0.7) ? 'population' : 'certificates';
    const subjectId = enterprise ? enterpriseAt(seed, rng.int(0, enterpriseCount(population) - 1), population).creditCode : personAt(seed, rng.int(0, population - 1)).id;
    const self = !enterprise && rng.chance(0.2);
    const withheld = !self && rng.chance(0.03);
    const agency = rng.pick(agencies.get(READS[department].kind)!);
    yield {
      id: syntheticUuid(seed, i),
      department,
      at: new Date(time).toISOString(),
      requestId: `synthetic-${seed}-${i}`,
      clientName: rng.pick(CLIENTS),
      callerRole: self ? 'CITIZEN' : 'OFFICER',
      callerSubject: self ? subjectId : `officer-${rng.int(1, 500)}`,
      callerDepartment: self ? null : agency.code,
      purpose: withheld ? 'withheld:investigation 2026-017' : self ? null : rng.pick(PURPOSES),
      subjectKind: enterprise ? 'ENTERPRISE' : 'PERSON',
      subjectId,
      fields: [...READS[department].fields],
      categories: [...READS[department].categories],
      withheld,
    };
  }
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

/** A UUID-shaped id derived from (seed, index): the same records get the same ids, so re-seeding dedups. */
function syntheticUuid(seed: number, index: number): string {
  const hex = createHash('sha256').update(`audit:${seed}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function agenciesByKind(): Map<string, SampleAgency[]> {
  const byKind = new Map<string, SampleAgency[]>();
  for (const agency of sampleAgencies()) byKind.set(agency.kind, [...(byKind.get(agency.kind) ?? []), agency]);
  return byKind;
}
