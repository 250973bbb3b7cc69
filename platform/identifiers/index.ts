/** Identifier checks, builders and GraphQL scalars shared by every department. */
export {
  checkResidentId,
  residentIdKind,
  residentIdCheckChar,
  makeResidentId,
  makeResidencePermitId,
  makeForeignPermanentResidenceId,
  residentIdFacts,
  PERMIT_ADDRESS_CODES,
  type ResidentIdFacts,
  type ResidentIdKind,
  type PermitRegion,
} from './resident-id.js';
export { checkCreditCode, creditCodeCheckChar, organisationCodeCheckChar, makeCreditCode, CREDIT_CODE_ALPHABET } from './credit-code.js';
export {
  checkDivisionCode,
  checkDivisionOrCountry,
  COUNTRY_CODE,
  divisionFilter,
  divisionLevel,
  divisionRange,
  parentDivisionCodes,
  withinDivision,
  type DivisionLevel,
} from './division-code.js';
export { checkDate, isRealDate, daysInMonth } from './date.js';
export { jurisdictionOf, withJurisdiction, withoutJurisdiction, PROVINCE_CODES } from './jurisdiction.js';
export { ResidentIdScalar, CreditCodeScalar, DivisionCodeScalar, DateScalar, SCALAR_CHECKS, scalarResolvers, type ScalarCheck } from './scalars.js';
