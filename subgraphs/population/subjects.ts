import type { SubjectsOf } from '../../platform/security/enforce.js';
import type { Context } from './context.js';
import type { Household, Member, Person } from './entities.js';

/**
 * Whom each record is about. A citizen reads their own Person and member entry,
 * and the household they belong to; the other members' data stays theirs.
 */
export const subjects: Record<string, SubjectsOf> = {
  Person: (person: Person) => [person.id],
  HouseholdMember: (member: Member) => [member.person.id],
  Household: async (household: Household, { loaders }: Context) => (await loaders.membersOf.load(household.id)).map((m) => m.id),
};
