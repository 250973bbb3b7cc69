import type { HouseholdMemberResolvers } from '../generated/resolvers.js';

export const HouseholdMemberResolver: HouseholdMemberResolvers = {
  person: (member) => member.person,
  relation: (member) => member.person.relation,
};
