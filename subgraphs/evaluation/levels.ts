/** The five levels of 好差评, best first (the order figures list them in). */
export const LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;
export type EvaluationLevel = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<EvaluationLevel, string> = {
  VERY_SATISFIED: '非常满意',
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
  VERY_DISSATISFIED: '非常不满意',
};

/** 差评: the two levels that open a rectification. */
export const BAD_LEVELS: readonly EvaluationLevel[] = ['DISSATISFIED', 'VERY_DISSATISFIED'];
/** The levels counted as satisfied in the published satisfaction rate. */
export const SATISFIED_LEVELS: readonly EvaluationLevel[] = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED'];

export const isBadReview = (level: EvaluationLevel) => BAD_LEVELS.includes(level);

export type RectificationStatus = 'OPEN' | 'CALLED_BACK' | 'RECTIFIED' | 'DISMISSED';
/** Statuses in which a rectification is still open and can fall overdue. */
export const OPEN_STATUSES: readonly RectificationStatus[] = ['OPEN', 'CALLED_BACK'];
