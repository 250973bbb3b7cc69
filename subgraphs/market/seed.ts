import type { EntityManager } from '@mikro-orm/core';
import { insertInChunks } from '../../platform/insert-rows.js';
import type { SeedOptions } from '../../platform/department.js';
import { makeCreditCode } from '../../platform/identifiers/credit-code.js';
import { hashSeed, random, type Random } from '../../platform/random.js';
import { enterpriseAt, enterpriseCount, personAt } from '../../samples/synthetic.js';
import { EnterpriseEntity, type Enterprise, type EnterpriseStatus } from './entities.js';
import { businessScopeOf, capitalFor, enterpriseTypeOf } from './forms.js';

// A fixed day in the past rather than "today", so a seed gives the same register on any day.
const REGISTERED_UNTIL = '2025-12-31';
// The sample register begins when private enterprise took off (1992); older entities are rare.
const REGISTERED_FROM = '1992-01-01';
const DAY_MS = 86_400_000;

/**
 * The county market regulation bureau's credit code. Mirrors the catalog's
 * agency codes (subgraphs/catalog/seed.ts agencyCode), which departments must
 * not import: hashSeed(kind, region) % 1e8, padded to 8, authority 1, type 1.
 */
export function marketAuthorityCode(regionCode: string): string {
  const body = String(hashSeed('MARKET_REGULATION', regionCode) % 100_000_000).padStart(8, '0');
  return makeCreditCode('1', '1', regionCode, body);
}

/** The day someone born on `birthDate` turns 18 (29 February rolls to 1 March). */
export function eighteenthBirthday(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 18, m - 1, d)).toISOString().slice(0, 10);
}

function dayBetween(rng: Random, from: string, to: string): string {
  const start = Date.parse(from);
  const days = Math.max(0, Math.round((Date.parse(to) - start) / DAY_MS));
  return new Date(start + rng.int(0, days) * DAY_MS).toISOString().slice(0, 10);
}

function statusOf(rng: Random): EnterpriseStatus {
  const draw = rng.next();
  return draw < 0.88 ? 'OPERATING' : draw < 0.93 ? 'REVOKED' : 'CANCELLED';
}

/**
 * The register for a population of `size` people: enterprise j is
 * samples/synthetic's enterpriseAt(seed, j, size), completed with what only
 * market regulation records. Pure and lazy, so it can be timed or streamed.
 */
export function* generateEnterprises({ size, seed }: SeedOptions): Generator<Enterprise> {
  const authorities = new Map<string, string>();
  for (let j = 0; j < enterpriseCount(size); j++) {
    const e = enterpriseAt(seed, j, size);
    const representative = personAt(seed, e.representative);
    const rng = random(hashSeed(seed, 'market', j));
    const type = enterpriseTypeOf(e.name);
    const adult = eighteenthBirthday(representative.birthDate);
    let authorityCode = authorities.get(e.regionCode);
    if (!authorityCode) authorities.set(e.regionCode, (authorityCode = marketAuthorityCode(e.regionCode)));
    yield {
      creditCode: e.creditCode,
      name: e.name,
      type,
      status: statusOf(rng),
      registrationDate: dayBetween(rng, adult > REGISTERED_FROM ? adult : REGISTERED_FROM, REGISTERED_UNTIL),
      authorityCode,
      regionCode: e.regionCode,
      businessScope: businessScopeOf(e.name),
      registeredCapital: capitalFor(type, rng.next()),
      representativeId: representative.id,
    };
  }
}

/** Inserts the register in chunks: plain rows, no entity instances, no flush. */
export async function seedMarket(em: EntityManager, options: SeedOptions): Promise<void> {
  await insertInChunks(em, EnterpriseEntity, generateEnterprises(options));
}
