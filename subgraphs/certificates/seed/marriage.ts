import { HOUSEHOLD_SIZE, personAt, type SyntheticPerson } from '../../../samples/synthetic.js';
import { hashSeed, random, type Random } from '../../../platform/random.js';
import type { Certificate } from '../entities.js';
import { earlier, later, SAMPLE_DATE } from './dates.js';
import { certificateRow, dayBetween, someGrade, type Holder } from './rows.js';
import { addYears, toDay } from '../../../platform/time.js';

/** 婚姻法 / 民法典 art. 1047: the legal age of marriage. */
const legalAge = (person: SyntheticPerson) => (person.gender === 'MALE' ? 22 : 20);
/** a couple further apart than this is parent and child in the shared population */
const MAX_AGE_GAP_DAYS = 16 * 365;

/**
 * The marriage certificate of a household head or of the member beside them:
 * the shared population makes them a couple of opposite genders (population
 * lists them as head and SPOUSE), so they married once both were of legal age.
 * Each spouse holds a certificate with the same number (字号), issue date and
 * registering county.
 *
 * @param people size of the population: a head whose partner lies beyond it is single
 */
export function marriage(rng: Random, holder: Holder, person: SyntheticPerson, seed: number, people: number): Certificate | null {
  const member = person.index % HOUSEHOLD_SIZE;
  if (member > 1) return null;
  const head = member === 0 ? person : personAt(seed, person.index - 1);
  if (head.index + 1 >= people) return null;
  const partner = member === 0 ? personAt(seed, person.index + 1) : head;
  if (Math.abs(toDay(head.birthDate) - toDay(partner.birthDate)) >= MAX_AGE_GAP_DAYS) return null;
  const from = later(addYears(person.birthDate, legalAge(person)), addYears(partner.birthDate, legalAge(partner)));
  if (from > SAMPLE_DATE) return null;
  const couple = random(hashSeed(seed, 'certificates-marriage', person.household));
  const issueDate = dayBetween(couple, from, earlier(addYears(from, 15), SAMPLE_DATE));
  // 结婚证字号: J, the registering division, year, serial
  const number = `J${head.regionCode}-${issueDate.slice(0, 4)}-${String(couple.int(1, 999_999)).padStart(6, '0')}`;
  return certificateRow(rng, holder, { type: 'MARRIAGE_CERTIFICATE', number, edition: 1, issueDate, expiryDate: null, trustGrade: someGrade(rng) });
}
