import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { oneByKey, windowBatch } from '../../platform/loaders.js';
import { EvaluationEntity, RectificationEntity, type Evaluation, type Rectification } from './entities.js';
import type { ItemReviewParts } from './generated/resolvers.js';
import { reviewPartsFor } from './supply-plan.js';
import { satisfactionOf, type FigureColumn, type Satisfaction } from './figures.js';

/** Satisfaction keyed by windowKey: each window of a batch costs one GROUP BY statement, whatever the number of codes. */
function figuresLoader(em: EntityManager, column: FigureColumn, byPrefix = false) {
  return new DataLoader<string, Satisfaction>(windowBatch((codes, from, to) => satisfactionOf(em, column, codes, { from, to }, byPrefix)));
}

/** Per-request loaders: one SQL statement per batch, whatever the list length. */
export function createLoaders(em: EntityManager) {
  const evaluationById = new DataLoader<string, Evaluation | null>(async (ids) =>
    oneByKey(ids, await em.find(EvaluationEntity, { id: { $in: [...ids] } }), (e) => e.id),
  );
  const evaluationByCase = new DataLoader<string, Evaluation | null>(async (ids) =>
    oneByKey(ids, known.evaluations(await em.find(EvaluationEntity, { caseId: { $in: [...ids] } })), (e) => e.caseId),
  );
  const rectificationById = new DataLoader<string, Rectification | null>(async (ids) =>
    oneByKey(ids, await em.find(RectificationEntity, { id: { $in: [...ids] } }), (r) => r.id),
  );
  const rectificationByEvaluation = new DataLoader<string, Rectification | null>(async (ids) =>
    oneByKey(ids, known.rectifications(await em.find(RectificationEntity, { evaluationId: { $in: [...ids] } })), (r) => r.evaluationId),
  );
  // rows one query found are primed in the other loaders, so nested fields (a rectification's
  // evaluation, an evaluation's rectification, a case's rating) do not load them again
  const known = {
    evaluations(rows: Evaluation[]) {
      for (const row of rows) {
        evaluationById.prime(row.id, row);
        evaluationByCase.prime(row.caseId, row);
      }
      return rows;
    },
    rectifications(rows: Rectification[]) {
      for (const row of rows) {
        rectificationById.prime(row.id, row);
        rectificationByEvaluation.prime(row.evaluationId, row);
      }
      return rows;
    },
  };
  return {
    evaluationById,
    evaluationByCase,
    rectificationById,
    rectificationByEvaluation,
    known,
    itemSatisfaction: figuresLoader(em, 'item_code'),
    departmentSatisfaction: figuresLoader(em, 'department_code'),
    regionSatisfaction: figuresLoader(em, 'region_code', true),
    reviewParts: new DataLoader<string, ItemReviewParts[]>(windowBatch((codes, from, to) => reviewPartsFor(em, codes, from, to))),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
