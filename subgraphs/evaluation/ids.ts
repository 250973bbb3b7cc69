import { withJurisdiction, withoutJurisdiction } from '../../platform/identifiers/index.js';

/**
 * Ids of evaluations and rectifications: the province of the case's region, E- (or R-), then the
 * case id without its province: case 44C20261202… → evaluation 44E-C20261202…, rectification
 * 44R-C20261202…. One evaluation per case is the unique case_id column's to enforce.
 *
 * @throws RangeError when the case id carries no province: callers refuse such a case first
 */
function idFor(kind: 'E' | 'R', caseId: string, regionCode: string): string {
  const rest = withoutJurisdiction(caseId);
  if (rest === null) throw new RangeError(`case id ${JSON.stringify(caseId)} does not begin with its province`);
  return withJurisdiction(regionCode, `${kind}-${rest}`);
}

export const evaluationIdOf = (caseId: string, regionCode: string): string => idFor('E', caseId, regionCode);
export const rectificationIdOf = (caseId: string, regionCode: string): string => idFor('R', caseId, regionCode);
