import { EntitySchema } from '@mikro-orm/core';
import type { Channel } from '../../reference/service-types.js';
import type { EvaluationLevel, RectificationStatus } from './levels.js';

export type EvaluatorKind = 'PERSON' | 'ENTERPRISE';

/**
 * One rating of one case. The case's item, implementing region and agency are
 * copied in when the rating arrives, so satisfaction figures per item, agency
 * and region are one GROUP BY here, with no join across departments (the cases
 * department owns the case; a case's item and agency do not change once it ended).
 */
export interface Evaluation {
  id: string;
  caseId: string;
  evaluatorKind: EvaluatorKind;
  /** resident identity number or credit code */
  evaluatorId: string;
  level: EvaluationLevel;
  /** the five online dimensions, all set or all null (rated at a hall) */
  overall: number | null;
  efficiency: number | null;
  guideAccuracy: number | null;
  convenience: number | null;
  usability: number | null;
  comment: string | null;
  channel: Channel;
  /** ISO date-time in China time (+08:00) */
  evaluatedAt: string;
  /** its day in China, YYYY-MM-DD: what figures filter on */
  evaluatedOn: string;
  itemCode: string;
  regionCode: string;
  departmentCode: string;
}

/** The follow-up of a bad review; evaluator and region are copied from it for access checks and filters. */
export interface Rectification {
  id: string;
  evaluationId: string;
  evaluatorId: string;
  regionCode: string;
  status: RectificationStatus;
  openedAt: string;
  /** YYYY-MM-DD */
  deadline: string;
  callbackAt: string | null;
  callbackOfficer: string | null;
  callbackSummary: string | null;
  callbackVerified: boolean | null;
  result: string | null;
  dismissalReason: string | null;
  closedAt: string | null;
  closedBy: string | null;
}

/** The call back of a rectification as GraphQL's Callback, carrying whose review it was for access checks. */
export interface CallbackView {
  at: string;
  officer: string;
  summary: string;
  verified: boolean;
  evaluatorId: string;
}

/** A Case by key only (the cases department owns it). */
export interface CaseRef {
  id: string;
}
/** A Person by key only. */
export interface PersonRef {
  id: string;
}
/** An Enterprise by key only. */
export interface EnterpriseRef {
  creditCode: string;
}
/** A catalog ServiceItem by key only. */
export interface ServiceItemRef {
  code: string;
}
/** A catalog Department by key only. */
export interface DepartmentRef {
  code: string;
}
/** A Region by key only. */
export interface RegionRef {
  code: string;
}

const dimension = (fieldName: string) => ({ type: 'integer', nullable: true, fieldName }) as const;

export const EvaluationEntity = new EntitySchema<Evaluation>({
  name: 'Evaluation',
  tableName: 'evaluation',
  properties: {
    id: { type: 'string', primary: true },
    caseId: { type: 'string', fieldName: 'case_id' },
    evaluatorKind: { type: 'string', fieldName: 'evaluator_kind' },
    evaluatorId: { type: 'string', fieldName: 'evaluator_id' },
    level: { type: 'string' },
    overall: dimension('overall'),
    efficiency: dimension('efficiency'),
    guideAccuracy: dimension('guide_accuracy'),
    convenience: dimension('convenience'),
    usability: dimension('usability'),
    comment: { type: 'text', nullable: true },
    channel: { type: 'string' },
    evaluatedAt: { type: 'string', fieldName: 'evaluated_at' },
    evaluatedOn: { type: 'string', fieldName: 'evaluated_on' },
    itemCode: { type: 'string', fieldName: 'item_code' },
    regionCode: { type: 'string', fieldName: 'region_code' },
    departmentCode: { type: 'string', fieldName: 'department_code' },
  },
});

export const RectificationEntity = new EntitySchema<Rectification>({
  name: 'Rectification',
  tableName: 'rectification',
  properties: {
    id: { type: 'string', primary: true },
    evaluationId: { type: 'string', fieldName: 'evaluation_id' },
    evaluatorId: { type: 'string', fieldName: 'evaluator_id' },
    regionCode: { type: 'string', fieldName: 'region_code' },
    status: { type: 'string' },
    openedAt: { type: 'string', fieldName: 'opened_at' },
    deadline: { type: 'string' },
    callbackAt: { type: 'string', nullable: true, fieldName: 'callback_at' },
    callbackOfficer: { type: 'string', nullable: true, fieldName: 'callback_officer' },
    callbackSummary: { type: 'text', nullable: true, fieldName: 'callback_summary' },
    callbackVerified: { type: 'boolean', nullable: true, fieldName: 'callback_verified' },
    result: { type: 'text', nullable: true },
    dismissalReason: { type: 'text', nullable: true, fieldName: 'dismissal_reason' },
    closedAt: { type: 'string', nullable: true, fieldName: 'closed_at' },
    closedBy: { type: 'string', nullable: true, fieldName: 'closed_by' },
  },
});
