import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Channel } from '../../reference/service-types.js';
import type { EvaluationLevel, RectificationStatus } from './levels.js';

export type EvaluatorKind = 'PERSON' | 'ENTERPRISE';

/** What the satisfaction GROUP BY reads besides the key and the day. */
const FIGURE_COLUMNS = ['level', 'overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability', 'id'] as const;

/**
 * One rating of one case. The case's item, implementing region and agency are
 * copied in when the rating arrives, so satisfaction figures per item, agency
 * and region are one GROUP BY here, with no join across departments (the cases
 * department owns the case; a case's item and agency do not change once it ended).
 */
export const EvaluationEntity = defineEntity({
  name: 'Evaluation',
  tableName: 'evaluation',
  properties: {
    id: p.string().length(72).primary(),
    // 一事一评: one rating per case, enforced by the database as well
    caseId: p.string().length(64).unique(),
    evaluatorKind: p.string().length(10).$type<EvaluatorKind>(),
    /** resident identity number or credit code */
    evaluatorId: p.string().length(18),
    level: p.string().length(20).$type<EvaluationLevel>(),
    /** the five online dimensions, all set or all null (rated at a hall) */
    overall: p.integer().strictNullable(),
    efficiency: p.integer().strictNullable(),
    guideAccuracy: p.integer().strictNullable(),
    convenience: p.integer().strictNullable(),
    usability: p.integer().strictNullable(),
    comment: p.text().strictNullable(),
    channel: p.string().length(24).$type<Channel>(),
    /** ISO date-time in China time (+08:00) */
    evaluatedAt: p.string().length(25),
    /** its day in China, YYYY-MM-DD: what figures filter on */
    evaluatedOn: p.string().length(10),
    itemCode: p.string().length(32),
    regionCode: p.string().length(6),
    departmentCode: p.string().length(18),
  },
  indexes: [
    // satisfaction figures per item, agency and region over a window of days: each (key, day) index holds
    // every column the GROUP BY reads, so figures never touch the table (a province over a year at a
    // million cases went from ~1.1 s to ~0.3 s on SQLite)
    { name: 'evaluation_item_code_figures', properties: ['itemCode', 'evaluatedOn', ...FIGURE_COLUMNS] },
    { name: 'evaluation_department_code_figures', properties: ['departmentCode', 'evaluatedOn', ...FIGURE_COLUMNS] },
    { name: 'evaluation_region_code_figures', properties: ['regionCode', 'evaluatedOn', ...FIGURE_COLUMNS] },
    // a citizen's own ratings, the level filter and the day window, read in id order
    { properties: ['evaluatorId', 'id'] },
    { properties: ['level', 'id'] },
    { properties: ['evaluatedOn'] },
  ],
});
export type Evaluation = InferEntity<typeof EvaluationEntity>;

/** The follow-up of a bad review; evaluator and region are copied from it for access checks and filters. */
export const RectificationEntity = defineEntity({
  name: 'Rectification',
  tableName: 'rectification',
  properties: {
    id: p.string().length(72).primary(),
    // one follow-up per review, of a review that exists; read as the plain id
    evaluationId: p.manyToOne(EvaluationEntity).mapToPk().name('evaluation_id').unique().index(false),
    evaluatorId: p.string().length(18),
    regionCode: p.string().length(6),
    status: p.string().length(12).$type<RectificationStatus>(),
    openedAt: p.string().length(25),
    /** YYYY-MM-DD */
    deadline: p.string().length(10),
    callbackAt: p.string().length(25).strictNullable(),
    callbackOfficer: p.string().length(64).strictNullable(),
    callbackSummary: p.text().strictNullable(),
    callbackVerified: p.boolean().strictNullable(),
    result: p.text().strictNullable(),
    dismissalReason: p.text().strictNullable(),
    closedAt: p.string().length(25).strictNullable(),
    closedBy: p.string().length(64).strictNullable(),
  },
  // the overdue and status filters (open ones past a deadline), a region's and a citizen's own
  indexes: [{ properties: ['status', 'deadline'] }, { properties: ['regionCode', 'id'] }, { properties: ['evaluatorId', 'id'] }],
});
export type Rectification = InferEntity<typeof RectificationEntity>;

/** The call back of a rectification as GraphQL's Callback, carrying whose review it was for access checks. */
export interface CallbackView {
  at: string;
  officer: string;
  summary: string;
  verified: boolean;
  evaluatorId: string;
}
