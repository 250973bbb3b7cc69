import type { Resolvers } from '../generated/resolvers.js';
import { HouseholdResolver } from './Household.js';
import { HouseholdMemberResolver } from './HouseholdMember.js';
import { PersonResolver } from './Person.js';
import { MeResolver } from './Me.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  Query,
  Person: PersonResolver,
  Household: HouseholdResolver,
  HouseholdMember: HouseholdMemberResolver,
  Me: MeResolver,
};
