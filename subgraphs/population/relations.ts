import { representativeOf, vouchesOf, type Relation, type RelationOf } from '../../platform/security/relations.js';
import type { Context } from './context.js';
import type { Member, Person } from './entities.js';

/**
 * What a member of a household sees of the others (户口簿: every member holds the booklet that shows
 * each member's page): who they are and how they are related, not how to reach them. The identity
 * number is masked and the address masked (the household's own address is on Household.address);
 * the phone is withheld.
 */
export const HOUSEHOLD_MEMBER: Relation = {
  as: 'another member of your household',
  fields: {
    id: 'masked',
    name: 'full',
    gender: 'full',
    birthDate: 'full',
    ethnicity: 'full',
    registeredRegion: 'full',
    address: 'masked',
    household: 'full',
  },
};

/** Their entry in the household: who they are and how they are related to its head. */
const HOUSEHOLD_ENTRY: Relation = { as: HOUSEHOLD_MEMBER.as, fields: { person: 'full', relation: 'full' } };

/** What an enterprise sees of its legal representative, as market regulation vouches for them: who they are. */
export const REPRESENTATIVE: Relation = { as: "your enterprise's legal representative", fields: { id: 'masked', name: 'full' } };

async function sameHousehold(householdId: string, { caller, loaders }: Context): Promise<boolean> {
  return caller.role === 'CITIZEN' && (await loaders.membersOf.load(householdId)).some((m) => m.id === caller.subject);
}

export const relations: Record<string, RelationOf> = {
  Person: async (person: Person, context: Context) => {
    if (await sameHousehold(person.householdId, context)) return HOUSEHOLD_MEMBER;
    const { caller } = context;
    // the enterprise's representative is market regulation's fact, vouched for in the sealed key it sent
    if (caller.role === 'ENTERPRISE' && vouchesOf(context).get(person.id) === representativeOf(caller.subject!)) return REPRESENTATIVE;
    return null;
  },
  HouseholdMember: async (member: Member, context: Context) => ((await sameHousehold(member.person.householdId, context)) ? HOUSEHOLD_ENTRY : null),
};
