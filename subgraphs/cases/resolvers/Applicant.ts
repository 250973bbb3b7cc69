import type { ApplicantResolvers } from '../generated/resolvers.js';

/** An applicant reference is a Person ({ id }) or an Enterprise ({ creditCode }). */
export const ApplicantResolver: ApplicantResolvers = {
  __resolveType: (applicant) => ('id' in applicant ? 'Person' : 'Enterprise'),
};
