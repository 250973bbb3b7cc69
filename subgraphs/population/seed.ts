import type { EntityManager } from '@mikro-orm/core';
import { insertRows } from '../../platform/insert-rows.js';
import type { SeedOptions } from '../../platform/department.js';
import { hashSeed, random, type Random } from '../../platform/random.js';
import { HOUSEHOLD_SIZE, personAt, residenceCounties, type SyntheticPerson } from '../../samples/synthetic.js';
import { COMMUNITIES, COMMUNITY_NAMES, DEFAULT_MINORITIES, MINORITIES, MOBILE_PREFIXES, STREETS, TOWNS, VILLAGES } from './data/lists.js';
import { HouseholdEntity, PersonEntity, type Household, type Person } from './entities.js';
import { AGE_REFERENCE_DATE, ageOn, householdId, householdNumber, relationsToHead } from './household.js';

/**
 * People per insert. SQLite binds at most 32,766 parameters per statement:
 * 2,500 rows of 11 columns stay under it (and under PostgreSQL's 65,535).
 */
export const CHUNK_PEOPLE = 2_500;

/** One household and its members, as stored. */
export interface HouseholdRecords {
  household: Household;
  people: Person[];
}

/** Household `household` of the population of `size` people: a pure function of (seed, household, size). */
export function householdAt(seed: number, household: number, size: number): HouseholdRecords {
  const first = household * HOUSEHOLD_SIZE;
  const members: SyntheticPerson[] = [];
  for (let i = first; i < Math.min(first + HOUSEHOLD_SIZE, size); i++) members.push(personAt(seed, i));
  const head = members[0];
  if (!head) throw new RangeError(`household ${household} is beyond a population of ${size}`);
  const rng = random(hashSeed(seed, 'population', 'household', household));
  const id = householdId(head.regionCode, household);
  const address = addressIn(head.regionCode, rng);
  const ethnicity = ethnicityIn(head.regionCode, rng);
  const relations = relationsToHead(members);
  const people = members.map((p, i): Person => {
    const own = random(hashSeed(seed, 'population', p.index));
    return {
      id: p.id,
      name: p.name,
      nameInitial: Array.from(p.name)[0]!,
      gender: p.gender,
      birthDate: p.birthDate,
      // most families share one ethnic group; mixed marriages bring another
      ethnicity: i === 0 || own.chance(0.85) ? ethnicity : ethnicityIn(p.regionCode, own),
      regionCode: p.regionCode,
      address,
      phone: phoneFor(p, own),
      householdId: id,
      relation: relations[i]!,
    };
  });
  return { household: { id, number: householdNumber(household), regionCode: head.regionCode, address }, people };
}

/** The whole population, in chunks of whole households of about CHUNK_PEOPLE people (pure, for timing too). */
export function* generatePopulation({ size, seed }: SeedOptions, chunkPeople = CHUNK_PEOPLE): Generator<{ households: Household[]; people: Person[] }> {
  let chunk = { households: [] as Household[], people: [] as Person[] };
  for (let h = 0; h * HOUSEHOLD_SIZE < size; h++) {
    const { household, people } = householdAt(seed, h, size);
    chunk.households.push(household);
    chunk.people.push(...people);
    if (chunk.people.length + HOUSEHOLD_SIZE > chunkPeople) {
      yield chunk;
      chunk = { households: [], people: [] };
    }
  }
  if (chunk.people.length) yield chunk;
}

/** Inserts the population chunk by chunk: plain rows, no entity instances, no flush. */
export async function seedPopulation(em: EntityManager, options: SeedOptions): Promise<void> {
  for (const { households, people } of generatePopulation(options)) {
    await insertRows(em, HouseholdEntity, households);
    await insertRows(em, PersonEntity, people);
  }
}

// 嘉峪关市 has no counties, only its 市辖区, which no address spells out
const countyNames = new Map(residenceCounties().map((c) => [c.code, c.fullName.replaceAll(' ', '').replace('市辖区', '')]));

function addressIn(regionCode: string, rng: Random): string {
  const place = countyNames.get(regionCode) ?? '';
  if (place.endsWith('县')) return `${place}${rng.pick(TOWNS)}${rng.pick(VILLAGES)}${rng.int(1, 300)}号`;
  const community = `${rng.pick(COMMUNITY_NAMES)}${rng.pick(COMMUNITIES)}`;
  return `${place}${rng.pick(STREETS)}${rng.int(1, 999)}号${community}${rng.int(1, 30)}栋${rng.int(1, 6)}单元${rng.int(1, 33)}0${rng.int(1, 4)}室`;
}

function ethnicityIn(regionCode: string, rng: Random): string {
  const { share, groups } = MINORITIES[regionCode.slice(0, 2)] ?? DEFAULT_MINORITIES;
  return rng.chance(share) ? rng.pick(groups) : '汉族';
}

function phoneFor(person: SyntheticPerson, rng: Random): string | null {
  const age = ageOn(person.birthDate, AGE_REFERENCE_DATE);
  // young children have no number of their own; many of the oldest have none (the digital divide)
  if (age < 12 || (age >= 75 && rng.chance(0.5))) return null;
  return `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}
