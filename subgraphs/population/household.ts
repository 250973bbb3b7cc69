import type { HouseholdRelation } from './entities.js';

/** What relations are inferred from (a seeded person, or any record with these two). */
interface Member {
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
}

/** Ages are taken on a fixed day so the same seed gives the same data whenever it runs. */
export const AGE_REFERENCE_DATE = '2025-01-01';

/** Whole years from a birth date to a later date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Household number (户号): 9 digits, unique in the population. */
export function householdNumber(household: number): string {
  return String(household + 1).padStart(9, '0');
}

/** Household id: the county's division code followed by the household number. */
export function householdId(regionCode: string, household: number): string {
  return `${regionCode}${householdNumber(household)}`;
}

/** The form of a household id, for a precise BAD_USER_INPUT. */
export function checkHouseholdId(id: string): string | null {
  if (/^\d{15}$/.test(id)) return null;
  return `must be 15 digits, the division code (6) followed by the household number (9), got ${Array.from(id).length} characters`;
}

// a generation in the register is 16 to 45 years apart; further is a grandchild or grandparent
const GENERATION_MIN = 16;
const GENERATION_MAX = 45;
const MARRIAGE_AGE = 20;

/**
 * Each member's relation to the head (the first person), guessed from ages and
 * genders: one adult of the other gender within a generation is the spouse,
 * a generation younger a child, a generation older a parent, anyone else OTHER.
 */
export function relationsToHead(members: readonly Member[]): HouseholdRelation[] {
  const head = members[0];
  if (!head) return [];
  let spouse = false;
  return members.map((member, i) => {
    if (i === 0) return 'HEAD';
    const gap = ageOn(head.birthDate, member.birthDate);
    const younger = gap >= 0 ? gap : -ageOn(member.birthDate, head.birthDate);
    if (!spouse && Math.abs(younger) < GENERATION_MIN && member.gender !== head.gender && isAdult(head) && isAdult(member)) {
      spouse = true;
      return 'SPOUSE';
    }
    if (younger >= GENERATION_MIN && younger <= GENERATION_MAX) return 'CHILD';
    if (-younger >= GENERATION_MIN && -younger <= GENERATION_MAX) return 'PARENT';
    return 'OTHER';
  });
}

function isAdult(person: Member): boolean {
  return ageOn(person.birthDate, AGE_REFERENCE_DATE) >= MARRIAGE_AGE;
}
