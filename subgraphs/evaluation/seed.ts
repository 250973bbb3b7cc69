import type { EntityManager } from '@mikro-orm/core';
import { insertRows } from '../../platform/insert-rows.js';
import type { SeedOptions } from '../../platform/department.js';
import { EvaluationEntity, RectificationEntity, type Evaluation, type Rectification } from './entities.js';
import { generateEvaluations } from './seed/generate.js';

export { generateEvaluations, RATED_SHARE, type RatedCase } from './seed/generate.js';

/** Rows per INSERT: 17 columns × 1,000 stays under SQLite's limit of bound parameters. */
const CHUNK = 1_000;

/** Inserts the generated ratings and rectifications in chunks: no entity instances, no unit of work. */
export async function seedEvaluations(em: EntityManager, options: SeedOptions, today?: string): Promise<void> {
  let evaluations: Evaluation[] = [];
  let rectifications: Rectification[] = [];
  // a chunk's rectifications go in after its evaluations (foreign key), and are never more of them
  const flush = async () => {
    if (evaluations.length > 0) await insertRows(em, EvaluationEntity, evaluations);
    if (rectifications.length > 0) await insertRows(em, RectificationEntity, rectifications);
    evaluations = [];
    rectifications = [];
  };
  for (const { evaluation, rectification } of generateEvaluations(options, today)) {
    // an instance of a partitioned platform holds its jurisdiction's share
    if (options.holds && !options.holds(evaluation.regionCode)) continue;
    evaluations.push(evaluation);
    if (rectification) rectifications.push(rectification);
    if (evaluations.length === CHUNK) await flush();
  }
  await flush();
}
