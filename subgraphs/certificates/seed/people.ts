import { personAt, type SyntheticPerson } from '../../../samples/synthetic.js';
import { hashSeed, random, type Random } from '../../../platform/random.js';
import type { Certificate } from '../entities.js';
import { ageOn, earlier, later, SAMPLE_DATE } from './dates.js';
import { marriage } from './marriage.js';
import { certificateRow, dayBetween, renewals, renewedRows, someGrade, type Holder } from './rows.js';
import { addDays, addYears } from '../../../platform/time.js';

/** The certificates of person `index` of the shared synthetic population of `people`, as of SAMPLE_DATE. */
export function personCertificates(seed: number, index: number, people: number): Certificate[] {
  const person = personAt(seed, index);
  const rng = random(hashSeed(seed, 'certificates', index));
  const holder: Holder = { kind: 'PERSON', id: person.id, serial: index, countyCode: person.regionCode };
  const age = ageOn(person.birthDate, SAMPLE_DATE);
  const rows = idCard(rng, holder, person, age);
  if (person.index === person.household * 3) rows.push(householdRegister(rng, holder, person));
  if (rng.chance(age >= 16 ? 0.8 : 0.5)) rows.push(...socialSecurityCard(rng, holder, person));
  const married = marriage(rng, holder, person, seed, people);
  if (married) rows.push(married);
  if (age >= 23 && rng.chance(0.3)) rows.push(...degree(rng, holder, person));
  if (age >= 19 && rng.chance(0.45)) rows.push(...drivingLicence(rng, holder, person));
  return rows;
}

/** Validity by age at application, 居民身份证法 art. 5. */
function idCardYears(age: number): number | null {
  return age < 16 ? 5 : age <= 25 ? 10 : age <= 45 ? 20 : null;
}

function idCard(rng: Random, holder: Holder, person: SyntheticPerson, age: number): Certificate[] {
  let first: string;
  if (age >= 16) first = addDays(addYears(person.birthDate, 16), rng.int(0, 700));
  else if (rng.chance(0.3)) first = dayBetween(rng, addDays(person.birthDate, 30), SAMPLE_DATE);
  else return [];
  // second-generation cards, the only valid ones since 2013, were issued from 2004 on
  first = later(first, dayBetween(rng, '2004-03-29', '2012-12-31'));
  const terms = renewals(rng, first, (_, issued) => idCardYears(ageOn(person.birthDate, issued)));
  return renewedRows(rng, holder, terms, { type: 'RESIDENT_ID_CARD', number: person.id, trustGrade: 'A' }, 0.03);
}

function householdRegister(rng: Random, holder: Holder, person: SyntheticPerson): Certificate {
  const issueDate = dayBetween(rng, later(person.birthDate, '1995-01-01'), SAMPLE_DATE);
  // 户号, mirroring population's householdNumber (household + 1, nine digits) so both print the same
  const number = String(person.household + 1).padStart(9, '0');
  return certificateRow(rng, holder, { type: 'HOUSEHOLD_REGISTER', number, edition: 1, issueDate, expiryDate: null, trustGrade: 'A' });
}

function socialSecurityCard(rng: Random, holder: Holder, person: SyntheticPerson): Certificate[] {
  const first = dayBetween(rng, later(addDays(person.birthDate, 30), '2010-01-01'), SAMPLE_DATE);
  const terms = renewals(rng, first, () => 10);
  // 卡号: a letter and eight digits
  const number = `${rng.pick(['A', 'B', 'C', 'D', 'E', 'M'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  return renewedRows(rng, holder, terms, { type: 'SOCIAL_SECURITY_CARD', number, trustGrade: someGrade(rng), revocation: 0.01 }, 0.03);
}

function degree(rng: Random, holder: Holder, person: SyntheticPerson): Certificate[] {
  const year = Number(person.birthDate.slice(0, 4)) + 22 + rng.int(0, 3);
  const issueDate = `${year}-06-${rng.int(20, 30)}`;
  if (issueDate > SAMPLE_DATE) return [];
  const r = rng.next();
  const level = r < 0.03 ? '2' : r < 0.2 ? '3' : '4';
  // 学位证书编号: school code (5), degree level (2 doctor, 3 master, 4 bachelor), year, serial
  const number = `${rng.int(10_001, 14_999)}${level}${year}${String(rng.int(1, 999_999)).padStart(6, '0')}`;
  return [
    certificateRow(rng, holder, { type: 'DEGREE_CERTIFICATE', number, edition: 1, issueDate, expiryDate: null, trustGrade: someGrade(rng), revocation: 0.002 }),
  ];
}

function drivingLicence(rng: Random, holder: Holder, person: SyntheticPerson): Certificate[] {
  const first = dayBetween(rng, addYears(person.birthDate, 18), earlier(addYears(person.birthDate, 33), SAMPLE_DATE));
  // six years, then ten, then long-term
  const terms = renewals(rng, first, (edition) => [6, 10][edition] ?? null);
  // 驾驶证号 is the holder's identity number
  return renewedRows(rng, holder, terms, { type: 'DRIVING_LICENCE', number: person.id, trustGrade: someGrade(rng), revocation: 0.015 }, 0.04);
}
