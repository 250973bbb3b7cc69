import type { HouseholdMemberResolvers } from '../generated/resolvers.js';

/** A member is the person's own row: it carries the relation to the head. */
export const HouseholdMemberResolver: HouseholdMemberResolvers = {
  person: (member) => member,
  relation: (member) => member.relation,
};
